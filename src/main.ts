import 'reflect-metadata';
import { loadConfig } from './config/app-config';
import { startRuntime } from './platform/embedded/runtime';
import { createLogger } from './platform/http/logger';
import { createApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const runtime = await startRuntime(config, (message) => logger.info(message));
  const app = await createApp(runtime, logger);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 20000);
    force.unref();
    await app.close().catch((error) => logger.error({ err: error }, 'error while closing the application'));
    await runtime.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: runtime.port, host: runtime.config.host });
  logger.info(`serving on ${runtime.config.publicBaseUrl} (port ${runtime.port})`);
}

bootstrap().catch((error) => {
  // The logger may not exist yet (a configuration error): say what is wrong and stop.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
