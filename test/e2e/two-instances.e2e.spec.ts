import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { BenefitService } from '../../src/benefits/benefit.service';
import { NoticeReminders } from '../../src/benefits/notice-reminders.service';
import { ReemploymentSweep } from '../../src/benefits/reemployment-sweep.service';
import { JobScheduler } from '../../src/platform/jobs/job-scheduler';
import { EmbeddedS3, startEmbeddedS3 } from '../../src/platform/storage/embedded-s3';
import { attachTerminationProof } from '../support/attachments';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { fastPortalDelivery, startAppOnDatabase, TestPortalReceiver, waitFor } from './portal.support';

const pdfOf = (baseUrl: string, id: string, token: string) =>
  request(baseUrl)
    .get(`/api/v1/dossiers/${id}/decision/pdf`)
    .set(auth(token))
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

/**
 * Two instances of the service on ONE database and ONE object store, with every worker and schedule running on both
 * (the production shape behind a load balancer): a dossier taken to a decision with its steps sent to either
 * instance gets exactly one signed decision, readable through both; its portal events arrive once each, one at a
 * time, in order; and each daily schedule (benefit notice windows, re-employment sweep, notice reminders) runs once
 * per day across the two.
 */
describe('two instances on one database and one object store', () => {
  const receiver = new TestPortalReceiver();
  let s3: EmbeddedS3;
  let a: TestApp;
  let b: TestApp;
  // Spies on the prototypes, installed before either instance starts, so the schedules' first runs are counted.
  const scheduled = {
    closeWindows: jest.spyOn(BenefitService.prototype, 'closeWindows'),
    reemployment: jest.spyOn(ReemploymentSweep.prototype, 'run'),
    reminders: jest.spyOn(NoticeReminders.prototype, 'run'),
  };

  beforeAll(async () => {
    await receiver.start();
    s3 = await startEmbeddedS3(mkdtempSync(join(tmpdir(), 'tctn-two-s3-')), 'tctn-two-instances');
    // One public address (the load balancer's): the issuer of the access tokens either instance accepts.
    const env = {
      PUBLIC_BASE_URL: 'https://tctn.example.vn',
      PORTAL_SYNC_URL: receiver.url,
      S3_ENDPOINT: s3.settings.endpoint,
      S3_ACCESS_KEY: s3.settings.accessKey,
      S3_SECRET_KEY: s3.settings.secretKey,
      S3_BUCKET: s3.settings.bucket,
    };
    a = await startTestApp(env, [fastPortalDelivery()]);
    // The instances of a deployment share the generated keys (token signing, development certificates) of DATA_DIR.
    b = await startAppOnDatabase(a.databaseUrl, { ...env, DATA_DIR: a.runtime.config.dataDir }, [fastPortalDelivery()]);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await s3?.stop();
    await receiver.stop();
    for (const spy of Object.values(scheduled)) spy.mockRestore();
  });

  it('take one dossier to one decision, deliver its portal events in order, and run each daily schedule once', async () => {
    const db = a.app.get(DataSource);
    const citizen = residents('cap-zone-1')[0];
    const token = await citizenBearer(a, citizen.personalId);
    const filed = (
      await request(b.baseUrl).post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201)
    ).body;
    await attachTerminationProof(a.baseUrl, filed.id, token);

    const steps: [TestApp, string, string, Record<string, unknown>][] = [
      [a, 'receiver', 'DNA-BH', { action: 'receive' }],
      [b, 'reviewer', 'DNA-BH', { action: 'start_review' }],
      [a, 'reviewer', 'DNA-BH', { action: 'complete_review', recommendation: 'approve' }],
      [b, 'center_head', 'DNA-BH', { action: 'propose' }],
      [a, 'director', '', { action: 'approve' }],
    ];
    let version = 1;
    for (const [app, role, center, body] of steps) {
      const staff = await staffBearer(app, `${role}.two`, role as never, center || null);
      const res = await request(app.baseUrl)
        .post(`/api/v1/staff/dossiers/${filed.id}/actions`)
        .set(auth(staff))
        .send({ ...body, expectedVersion: version })
        .expect(200);
      version = res.body.version;
    }

    // The decision, issued by whichever instance's worker claimed it, is the same document through both.
    const decision = await waitFor(
      async () => {
        const r = await request(b.baseUrl).get(`/api/v1/dossiers/${filed.id}/decision`).set(auth(token));
        return r.status === 200 ? r.body : undefined;
      },
      (d) => d !== undefined,
      60_000,
      'the decision',
    );
    expect(decision).toMatchObject({ kind: 'approval', number: expect.stringMatching(/^\d+\/QĐ-/) });
    const [fromA, fromB] = await Promise.all([pdfOf(a.baseUrl, filed.id, token), pdfOf(b.baseUrl, filed.id, token)]);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(Buffer.compare(fromA.body, fromB.body)).toBe(0);

    // Let both instances' workers look again: nothing more is issued.
    await new Promise((r) => setTimeout(r, 1500));
    // One document per request: the receipt (at receipt) and the decision, each issued once.
    const documents = await db.query(`SELECT kind, number FROM issued_document WHERE dossier_id = $1 ORDER BY kind`, [
      filed.id,
    ]);
    expect(documents).toEqual([
      { kind: 'decision-approval', number: decision.number },
      { kind: 'receipt', number: expect.any(String) },
    ]);
    const issueJobs = await db.query(
      `SELECT status, count(*)::int AS n FROM job WHERE queue = 'documents.issue' GROUP BY status`,
    );
    expect(issueJobs).toEqual([{ status: 'done', n: 2 }]);

    // Portal: every status change once, in order, never two at once for the dossier (the receiver checks as they come).
    const accepted = await waitFor(
      async () =>
        receiver
          .forDossier(filed.code)
          .filter((r) => r.answered >= 200 && r.answered < 300)
          .map((r) => r.body.status as string),
      (statuses) => statuses.length >= 6,
      30_000,
      'portal events',
    );
    expect(accepted).toEqual(['SUBMITTED', 'RECEIVED', 'IN_REVIEW', 'REVIEWED', 'PROPOSED', 'APPROVED']);
    expect(new Set(receiver.acceptedEventIds(filed.code)).size).toBe(6);
    expect(receiver.violations).toEqual([]);

    // Schedules: both instances enqueued today's slot at start and keep ticking; each schedule ran once.
    await Promise.all([a, b].flatMap((app) => [app.app.get(JobScheduler).tick(), app.app.get(JobScheduler).tick()]));
    await waitFor(
      () =>
        db.query(
          `SELECT count(*)::int AS n FROM job WHERE queue LIKE 'schedule.benefits.%' AND status = 'done'`,
        ) as Promise<{ n: number }[]>,
      ([row]) => row.n >= 3,
      30_000,
      'the three daily schedules done',
    );
    await new Promise((r) => setTimeout(r, 1500));
    const runs = Object.fromEntries(Object.entries(scheduled).map(([name, spy]) => [name, spy.mock.calls.length]));
    expect(runs).toEqual({ closeWindows: 1, reemployment: 1, reminders: 1 });
    const slots = await db.query(
      `SELECT queue, count(*)::int AS n FROM job WHERE queue LIKE 'schedule.benefits.%' GROUP BY queue ORDER BY queue`,
    );
    expect(slots).toEqual([
      { queue: 'schedule.benefits.close-notice-windows', n: 1 },
      { queue: 'schedule.benefits.notice-reminders', n: 1 },
      { queue: 'schedule.benefits.reemployment-sweep', n: 1 },
    ]);
  }, 180_000);
});
