import { Logger, ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import cookie from '@fastify/cookie';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { constants as zlibConstants } from 'node:zlib';
import { FastifyInstance, FastifyServerOptions, LogController } from 'fastify';
import { Logger as Pino } from 'pino';
import { AppModule } from './app.module';
import { Runtime } from './platform/embedded/runtime';
import { PinoNestLogger } from './platform/http/logger';
import { httpDuration } from './platform/http/metrics';
import { sendProblem } from './platform/http/problem-details.filter';
import { logAnsweredRequest } from './platform/http/request-log';
import { OpenApiDocument } from './operations/openapi.module';
import { createValidationPipe } from './platform/http/validation';
import { applyRouteLimits, DEFAULT_BODY_LIMIT_BYTES } from './platform/http/route-limits';
import { SESSION_COOKIE } from './identity/tokens/access-token.constants';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Errors from the HTTP parser itself (oversized headers, garbage): a minimal problem+json, then close. */
function answerClientError(error: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, title] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Phần đầu yêu cầu (header) quá lớn']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Hết thời gian chờ yêu cầu']
        : [400, 'Yêu cầu không hợp lệ'];
  const body = JSON.stringify({ type: 'about:blank', title, status, detail: title + '.', code: 'bad_request' });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Node's server.close() drops the keep-alive connections that are idle at that instant, once. A connection busy
 * with a request then finishes it and lingers until the keep-alive timeout (72 s in Fastify), holding the shutdown
 * (and a rolling deploy) for that long. While closing, drop each connection as soon as its request is answered.
 */
function closeConnectionsAsTheyGoIdle(fastify: FastifyInstance): void {
  fastify.addHook('preClose', (done) => {
    const server = fastify.server;
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    sweep.unref();
    server.once('close', () => clearInterval(sweep));
    done();
  });
}

/** Fastify's own errors (see frameworkErrors below), typed by Fastify's options. */
const answerFrameworkError: FastifyServerOptions['frameworkErrors'] = (error, request, reply) =>
  sendProblem(request, reply, error, new Logger('http'));

/** Builds the Nest application on Fastify with every cross-cutting concern; used by main.ts and the tests. */
export async function createApp(
  runtime: Runtime,
  logger: Pino,
  extraModules: NonNullable<ModuleMetadata['imports']> = [],
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Our onResponse hook logs requests (with personal IDs masked); Fastify's own per-request lines are off.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: runtime.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    // Errors Fastify answers before routing (bad URL, over-long path parameter) also leave as problem+json.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    // A client that sends its request slowly (slowloris) gets 408 and is closed once REQUEST_TIMEOUT_MS have passed
    // (default 60 s: a 10 MiB upload at 1.5 Mbit/s). A socket with no traffic at all is closed after twice that,
    // beyond the keep-alive timeout. Node checks the deadlines every second instead of every 30 s.
    requestTimeout: runtime.config.requestTimeoutMs,
    connectionTimeout: 2 * runtime.config.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(60000, runtime.config.requestTimeoutMs),
      requestTimeout: runtime.config.requestTimeoutMs,
      connectionsCheckingInterval: 1000,
    },
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    await AppModule.forRoot(runtime, extraModules),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      bufferLogs: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    logAnsweredRequest(request, reply);
  });
  closeConnectionsAsTheyGoIdle(fastify);
  const nestLogger = new Logger('http');
  fastify.setErrorHandler((error, request, reply) => sendProblem(request, reply, error, nestLogger));
  // A multipart body is accepted only where a file is expected; elsewhere it would read as "no body".
  fastify.addHook('preValidation', async (request, reply) => {
    const type = request.headers['content-type'] ?? '';
    if (type.startsWith('multipart/') && !request.routeOptions?.url?.endsWith('/attachments')) {
      sendProblem(
        request,
        reply,
        Object.assign(new Error('multipart not accepted here'), { statusCode: 415 }),
        nestLogger,
      );
      return reply;
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // Staff pages show a fetched attachment or a draft decision in the page (a blob: URL in an iframe).
        frameSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'", runtime.config.eid?.issuer ?? "'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: runtime.config.publicBaseUrl.startsWith('https:'),
  });
  if (runtime.config.httpCompression) {
    // Text answers (pages, JSON) to a client that accepts it, from 1 KiB; brotli at quality 5, cheap enough per
    // request. The static assets carry their own compressed copies (made once) and are left alone here. Request bodies
    // are never decompressed (a compressed upload is not part of the API).
    await app.register(compress, {
      globalCompression: true,
      globalDecompression: false,
      threshold: 1024,
      encodings: ['br', 'gzip'],
      brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } },
      zlibOptions: { level: 6 },
    });
  }
  applyRouteLimits(fastify, runtime.config.rateLimitPerMinute, SESSION_COOKIE);
  await app.register(rateLimit, { global: false });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });

  app.useGlobalPipes(createValidationPipe());

  const openApi = new DocumentBuilder()
    .setTitle('Giải quyết hưởng trợ cấp thất nghiệp — API')
    .setDescription('Integration contract of the unemployment benefit service (see docs/api.md).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = () => SwaggerModule.createDocument(app, openApi);
  // Public API documentation only in sandbox mode; administrators always have GET /api/v1/admin/openapi.json.
  app.get(OpenApiDocument).provide(document);
  if (runtime.config.sandbox) SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
