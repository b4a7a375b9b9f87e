import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { findFreePort } from '../../src/platform/embedded/free-port';
import { SocialInsuranceOutbox } from '../../src/social-insurance/social-insurance-outbox';
import { AfterDecisionTuningModule, eventually } from '../support/after-decision';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { attachTerminationProof } from '../support/attachments';

interface Arrival {
  eventId: string;
  personalId: string;
  note: string;
  answered: number;
}

/** A stand-in for the office and the SMS gateway over real HTTP, which can be down. */
class Stub {
  arrivals: Arrival[] = [];
  down = false;
  private server?: Server;
  url = '';
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const parsed = JSON.parse(body || '{}');
        const answered = this.down ? 503 : 200;
        if (req.url === '/office')
          this.arrivals.push({ eventId: parsed.eventId, personalId: parsed.personalId, note: parsed.note, answered });
        res.writeHead(req.url === '/sms' ? 503 : answered, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  accepted(personalId: string): string[] {
    return this.arrivals.filter((a) => a.personalId === personalId && a.answered === 200).map((a) => a.eventId);
  }
  stop(): Promise<void> {
    return new Promise((r) => this.server?.close(() => r()));
  }
}

describe('social insurance office and notification channels down', () => {
  const stub = new Stub();
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    await stub.start();
    const closedPort = await findFreePort();
    t = await startTestApp(
      {
        SOCIAL_INSURANCE_SYNC_URL: `${stub.url}/office`,
        SOCIAL_INSURANCE_MAX_ATTEMPTS: '1000',
        SMTP_URL: `smtp://127.0.0.1:${closedPort}`,
        SMS_GATEWAY_URL: `${stub.url}/sms`,
      },
      [AfterDecisionTuningModule.forRoot({ notifications: { maxAttempts: 3 } })],
    );
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await stub.stop();
  });

  it('an office that is down for a while loses nothing and gets each person’s events in order afterwards', async () => {
    stub.down = true;
    const outbox = t.app.get(SocialInsuranceOutbox);
    const people = ['075090000101', '075090000102', '075090000103'];
    const types = ['approval', 'suspension', 'resumption', 'payment_account_change'] as const;
    const expected = new Map<string, string[]>();
    for (const [i, type] of types.entries())
      for (const personalId of people) {
        const id = await db.transaction((em) =>
          outbox.enqueue(em, {
            type,
            occurredAt: new Date().toISOString(),
            dossierCode: `TEST-SI-${personalId}`,
            personalId,
            fullName: 'Nguyễn Văn Thử',
            note: String(i + 1),
          }),
        );
        expected.set(personalId, [...(expected.get(personalId) ?? []), id]);
      }
    await new Promise((r) => setTimeout(r, 1000));
    expect(stub.arrivals.length).toBeGreaterThanOrEqual(people.length);
    // While down, only each person's first event is tried: the later ones wait behind it.
    expect(stub.arrivals.every((a) => a.answered === 503 && a.note === '1')).toBe(true);

    stub.down = false;
    await eventually(
      async () => {
        const [row] = await db.query(
          `SELECT count(*)::int AS n FROM job WHERE queue = 'social-insurance.send' AND status <> 'done'`,
        );
        return row.n === 0 ? true : undefined;
      },
      'every event delivered',
      20000,
    );
    for (const personalId of people) expect(stub.accepted(personalId)).toEqual(expected.get(personalId));
  });

  it('mail relay and SMS gateway down: the workflow step still commits, the notifications retry and then fail', async () => {
    const resident = residents('eligible')[0];
    const token = await citizenBearer(t, resident.personalId);
    const filed = (
      await request(t.baseUrl).post('/api/v1/dossiers').set(auth(token)).send(applicationFor(resident)).expect(201)
    ).body;
    await attachTerminationProof(t.baseUrl, filed.id, token);
    const receiver = await staffBearer(t, 'receiver.fault', 'receiver', 'DNA-BH');
    const received = await request(t.baseUrl)
      .post(`/api/v1/staff/dossiers/${filed.id}/actions`)
      .set(auth(receiver))
      .send({ action: 'receive', expectedVersion: filed.version })
      .expect(200);
    expect(received.body.status).toBe('RECEIVED');

    const rows = await eventually(
      async () => {
        const r = await db.query(
          `SELECT channel, status, attempts, last_error FROM notification WHERE dossier_id = $1 AND template = 'dossier_received'`,
          [filed.id],
        );
        return r.length === 2 && r.every((n: any) => n.status === 'failed') ? r : undefined;
      },
      'both notifications failed after their attempts',
      20000,
    );
    for (const n of rows) {
      expect(n.attempts).toBe(3);
      expect(n.last_error).toEqual(expect.any(String));
    }
    const list = (await request(t.baseUrl).get('/api/v1/me/notifications').set(auth(token)).expect(200)).body;
    expect(list.filter((n: any) => n.template === 'dossier_received').map((n: any) => n.status)).toEqual([
      'failed',
      'failed',
    ]);
  });
});
