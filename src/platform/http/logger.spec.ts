import { Writable } from 'node:stream';
import Fastify, { FastifyBaseLogger, FastifyInstance, LogController } from 'fastify';
import { createLogger, maskPersonalIds } from './logger';
import { logAnsweredRequest } from './request-log';

describe('maskPersonalIds', () => {
  it.each([
    ['/api/v1/dossiers?q=075203004567', '/api/v1/dossiers?q=075******567'],
    ['citizen 001099001234 filed', 'citizen 001******234 filed'],
    ['phone 0912345678 is not an id', 'phone 0912345678 is not an id'],
    ['a 13-digit 1234567890123 stays', 'a 13-digit 1234567890123 stays'],
  ])('%s', (input, expected) => {
    expect(maskPersonalIds(input)).toBe(expected);
  });
});

describe('request log lines', () => {
  async function linesFor(route: (app: FastifyInstance) => void, url: string): Promise<Record<string, any>[]> {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({
      loggerInstance: createLogger('debug', sink) as FastifyBaseLogger,
      logController: new LogController({ disableRequestLogging: true }),
    });
    route(app);
    app.addHook('onResponse', async (request, reply) => logAnsweredRequest(request, reply));
    await app.inject({ method: 'POST', url });
    await app.close();
    return lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request failed' || l.msg === 'request');
  }

  it.each([500, 503])('a %i keeps its method, masked URL and status', async (status) => {
    const [line] = await linesFor(
      (app) => app.post('/api/v1/dossiers', async (_request, reply) => reply.code(status).send({})),
      '/api/v1/dossiers?q=075203004567',
    );
    expect(line).toMatchObject({
      level: 40,
      msg: 'request failed',
      req: { method: 'POST', url: '/api/v1/dossiers?q=075******567' },
      res: { statusCode: status },
    });
    expect(typeof line.ms).toBe('number');
  });

  it('a thrown error (500 from the framework) keeps them too', async () => {
    const [line] = await linesFor(
      (app) =>
        app.post('/boom', async () => {
          throw new Error('citizen 001099001234 broke it');
        }),
      '/boom',
    );
    expect(line).toMatchObject({ req: { method: 'POST', url: '/boom' }, res: { statusCode: 500 } });
  });

  it('a 2xx is logged at debug with the same fields', async () => {
    const [line] = await linesFor((app) => app.post('/ok', async () => ({ ok: true })), '/ok');
    expect(line).toMatchObject({
      level: 20,
      msg: 'request',
      req: { method: 'POST', url: '/ok' },
      res: { statusCode: 200 },
    });
  });
});
