import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { attachTerminationProof } from '../support/attachments';

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The whole procedure through the public API, with the real workers: decision issued, signed, verified, synced. */
describe('from filing to the signed decision and the portal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('issues one signed, verifiable decision and reports every status change to the portal in order', async () => {
    const citizen = residents('cap-zone-1')[0];
    const token = await citizenBearer(t, citizen.personalId);
    const api = () => request(t.baseUrl);
    const filed = (await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201))
      .body;
    const id = filed.id;
    await attachTerminationProof(t.baseUrl, id, token);
    const steps: [string, string, Record<string, unknown>][] = [
      ['receiver', 'DNA-BH', { action: 'receive' }],
      ['reviewer', 'DNA-BH', { action: 'start_review' }],
      ['reviewer', 'DNA-BH', { action: 'complete_review', recommendation: 'approve' }],
      ['center_head', 'DNA-BH', { action: 'propose' }],
      ['director', '', { action: 'approve' }],
    ];
    let version = 1;
    for (const [role, center, body] of steps) {
      const staff = await staffBearer(t, `${role}.test`, role as never, center || null);
      const res = await api()
        .post(`/api/v1/staff/dossiers/${id}/actions`)
        .set(auth(staff))
        .send({ ...body, expectedVersion: version })
        .expect(200);
      version = res.body.version;
    }
    await api()
      .get(`/api/v1/dossiers/${id}/decision`)
      .set(auth(token))
      .then((r) => expect([200, 404]).toContain(r.status));

    const decision = await eventually(async () => {
      const r = await api().get(`/api/v1/dossiers/${id}/decision`).set(auth(token));
      return r.status === 200 ? r.body : undefined;
    }, 'the decision');
    expect(decision).toMatchObject({
      kind: 'approval',
      number: expect.stringMatching(/^\d+\/QĐ-/),
      verifyUrl: expect.stringContaining('/verify/'),
    });

    const pdf = await api()
      .get(`/api/v1/dossiers/${id}/decision/pdf`)
      .set(auth(token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'tctn-flow-')), 'decision.pdf');
    writeFileSync(file, pdf.body);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain(citizen.fullName);
    expect(text).toContain(citizen.personalId);

    const verified = (await api().get(`/api/v1/public/decisions/${decision.verificationCode}`).expect(200)).body;
    expect(verified).toMatchObject({
      valid: true,
      decisionNumber: decision.number,
      sha256: decision.sha256,
      status: 'issued',
    });
    expect(verified.holderName).not.toBe(citizen.fullName);

    const received = await eventually(async () => {
      const r = await api()
        .get(`/sandbox/portal/events?dossierCode=${encodeURIComponent(filed.code)}`)
        .expect(200);
      const events = r.body.items ?? r.body;
      return events.length >= 6 ? events : undefined;
    }, 'portal events');
    const payloads = received.map(
      (e: { payload?: unknown; body?: unknown }) => (e.payload ?? e.body ?? e) as Record<string, any>,
    );
    expect(payloads.map((p: Record<string, any>) => p.status)).toEqual([
      'SUBMITTED',
      'RECEIVED',
      'IN_REVIEW',
      'REVIEWED',
      'PROPOSED',
      'APPROVED',
    ]);
    expect(payloads[5].decision).toMatchObject({ number: decision.number, sha256: decision.sha256 });
  }, 90000);
});
