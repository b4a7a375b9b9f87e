import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpPortalGateway } from './http-portal-gateway.adapter';
import { PortalEvent } from './portal-outbox.repository';

describe('HttpPortalGateway', () => {
  let server: Server;
  let url: string;
  const received: { key: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ key: req.headers['idempotency-key'] as string, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(202).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the same bytes for the same event whatever the key order (a retry after a restart reads jsonb)', async () => {
    const event: PortalEvent = {
      eventId: '0b5c1f57-3a8e-4d55-9e0f-59f1b1f0e2a1',
      dossierCode: 'DNA-BH-20261126-00001',
      personalId: '075090000123',
      procedureCode: '1.001978',
      status: 'APPROVED',
      portalStatusCode: 10,
      occurredAt: '2026-11-26T08:00:00.000Z',
      decision: { number: '12/QĐ-SNV', issuedAt: '2026-11-26T08:00:05.000Z', sha256: 'ab'.repeat(32), url: 'x' },
    };
    const reordered = Object.fromEntries(
      Object.entries(event)
        .reverse()
        .map(([k, v]) => [k, v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse()) : v]),
    ) as PortalEvent;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(event));

    const gateway = new HttpPortalGateway(url, 5000);
    const signal = new AbortController().signal;
    expect(await gateway.send(event, signal)).toEqual({ ok: true, status: 202 });
    expect(await gateway.send(reordered, signal)).toEqual({ ok: true, status: 202 });
    expect(received).toHaveLength(2);
    expect(received[1].body).toBe(received[0].body);
    expect(received.map((r) => r.key)).toEqual([event.eventId, event.eventId]);
    expect(JSON.parse(received[0].body)).toEqual(event);
  });
});
