import { connect, Socket } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

/** A client that trickles its request (slowloris) must not hold a connection beyond REQUEST_TIMEOUT_MS. */
describe('slow request bodies', () => {
  const LIMIT_MS = 2000;
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ REQUEST_TIMEOUT_MS: String(LIMIT_MS), DOCUMENT_WORKER: 'off' });
  });
  afterAll(() => t.close());

  /** Sends `head`, then one byte of body every `everyMs`; resolves with what came back and when the socket closed. */
  function trickle(head: string, everyMs: number): Promise<{ answer: string; closedAfterMs: number }> {
    const { port } = new URL(t.baseUrl);
    return new Promise((resolve, reject) => {
      const begun = Date.now();
      const socket: Socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      let timer: NodeJS.Timeout | undefined;
      const giveUp = setTimeout(() => {
        socket.destroy();
        reject(new Error(`still open after 10 s; received: ${answer}`));
      }, 10000);
      socket.on('connect', () => {
        socket.write(head);
        timer = setInterval(() => socket.writable && socket.write('a'), everyMs);
      });
      socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        clearTimeout(giveUp);
        resolve({ answer, closedAfterMs: Date.now() - begun });
      });
    });
  }

  it('answers 408 problem+json and closes a body trickled one byte at a time, within the limit', async () => {
    const { answer, closedAfterMs } = await trickle(
      'POST /api/v1/eligibility/assessments HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"x":"',
      200,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('application/problem+json');
    expect(closedAfterMs).toBeGreaterThanOrEqual(LIMIT_MS - 100);
    expect(closedAfterMs).toBeLessThan(LIMIT_MS + 2500);
  });

  it('answers 408 to headers that never end', async () => {
    const { answer, closedAfterMs } = await trickle('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 200);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeLessThan(LIMIT_MS + 2500);
  });

  it('still serves a request that arrives in time', async () => {
    const res = await fetch(`${t.baseUrl}/health/live`);
    expect(res.status).toBe(200);
  });
});
