import { Controller, Get, Module } from '@nestjs/common';
import { Agent, get, IncomingMessage } from 'node:http';
import { startTestApp, TestApp } from '../support/test-app';
import { Public } from '../../src/platform/http/access-policy';

/** A handler that answers only when the test lets it, so a request can be in flight while the app closes. */
const gate = { arrived: () => undefined as void, release: () => undefined as void };

@Public()
@Controller('test-only')
class SlowController {
  @Get('slow')
  async slow() {
    gate.arrived();
    await new Promise<void>((resolve) => (gate.release = resolve));
    return { done: true };
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

describe('graceful shutdown', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, [SlowModule]);
  });

  it('finishes a request in flight, then closes its keep-alive connection instead of waiting for the idle timeout', async () => {
    const agent = new Agent({ keepAlive: true });
    const arrived = new Promise<void>((resolve) => (gate.arrived = resolve));
    const response = new Promise<{ res: IncomingMessage; body: string }>((resolve, reject) => {
      get(`${t.baseUrl}/test-only/slow`, { agent }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ res, body }));
      }).on('error', reject);
    });
    await arrived;
    const socket = [...Object.values(agent.sockets)].flat()[0]!;
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));

    const closing = t.close();
    // Let Nest run its shutdown hooks up to closing the HTTP server before the handler answers.
    await new Promise((resolve) => setTimeout(resolve, 500));
    gate.release();

    const { res, body } = await response;
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(body)).toEqual({ done: true });
    await socketClosed;
    await closing;
    agent.destroy();
  });
});
