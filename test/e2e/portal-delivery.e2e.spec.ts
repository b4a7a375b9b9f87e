import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { PortalHolds } from '../../src/portal/portal-holds.repository';
import {
  enqueueEvents,
  fastPortalDelivery,
  insertDossier,
  outboxRow,
  staffToken,
  STEPS,
  TestPortalReceiver,
  waitFor,
} from './portal.support';

const API_FIELDS = [
  'eventId',
  'dossierCode',
  'portalDossierCode',
  'personalId',
  'procedureCode',
  'status',
  'portalStatusCode',
  'occurredAt',
  'dueDate',
  'actor',
  'note',
  'decision',
];

describe('national portal delivery (outbox → PORTAL_SYNC_URL)', () => {
  const failing = new Set<string>();
  const receiver = new TestPortalReceiver((body, attempt) => {
    if (body.dossierCode.endsWith('-FAIL3') && attempt <= 3) return 503;
    if (failing.has(body.dossierCode)) return 500;
    return 200;
  });
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ PORTAL_SYNC_URL: receiver.url, PORTAL_MAX_ATTEMPTS: '4' }, [fastPortalDelivery()]);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });
  afterEach(() => expect(receiver.violations).toEqual([]));

  it('retries a receiver that fails three times and delivers on the fourth attempt, once', async () => {
    const dossier = await insertDossier(db, { code: `DNA-BH-${Date.now()}-FAIL3` });
    const [eventId] = await enqueueEvents(t, dossier, [STEPS.submitted]);

    const row = await waitFor(
      () => outboxRow(db, eventId),
      (r) => r.status === 'delivered',
      10_000,
      'delivery',
    );
    expect(row.attempts).toBe(4);
    await new Promise((r) => setTimeout(r, 200));
    const seen = receiver.forDossier(dossier.code);
    expect(seen.map((r) => r.answered)).toEqual([503, 503, 503, 200]);
    for (const r of seen) {
      expect(r.key).toBe(eventId);
      expect(r.contentType).toMatch(/^application\/json/);
    }
    expect(seen[3].body).toEqual({
      eventId,
      dossierCode: dossier.code,
      personalId: dossier.personalId,
      procedureCode: '1.001978',
      status: 'SUBMITTED',
      portalStatusCode: 1,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      actor: { type: 'system' },
      note: '1',
    });
    expect(Object.keys(seen[3].body).every((k) => API_FIELDS.includes(k))).toBe(true);
  });

  it('holds an APPROVED event (and everything after it) until the decision is issued, then sends it with the decision', async () => {
    const dossier = await insertDossier(db);
    const [submitted, approved, returned] = await enqueueEvents(t, dossier, [
      STEPS.submitted,
      STEPS.approved,
      STEPS.resultReturned,
    ]);
    await waitFor(
      () => outboxRow(db, submitted),
      (r) => r.status === 'delivered',
      10_000,
      'first event',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.acceptedEventIds(dossier.code)).toEqual([submitted]);
    expect(await outboxRow(db, approved)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await outboxRow(db, returned)).toMatchObject({ status: 'pending', attempts: 0 });

    const verificationCode = `VC${randomBytes(5).toString('hex').toUpperCase()}`;
    const sha256 = randomBytes(32).toString('hex');
    // The documents module releases the held event in the transaction that issues the decision.
    await db.transaction((em) =>
      t.app
        .get(PortalHolds)
        .release(
          em,
          dossier.id,
          'decision-approval',
          { number: '123/QĐ-SNV', issuedAt: '2026-01-20T02:30:00.000Z', sha256, verificationCode },
          t.runtime.config.publicBaseUrl,
        ),
    );
    await waitFor(
      () => outboxRow(db, returned),
      (r) => r.status === 'delivered',
      10_000,
      'events after the decision',
    );
    expect(receiver.acceptedEventIds(dossier.code)).toEqual([submitted, approved, returned]);
    const sent = receiver.forDossier(dossier.code).find((r) => r.body.eventId === approved)!.body;
    expect(sent).not.toHaveProperty('awaitsDecision');
    expect(sent.decision).toEqual({
      number: '123/QĐ-SNV',
      issuedAt: '2026-01-20T02:30:00.000Z',
      sha256,
      url: `${t.runtime.config.publicBaseUrl}/verify/${verificationCode}`,
    });
    expect((await outboxRow(db, approved)).payload).toEqual(sent);
  });

  describe('dead letters', () => {
    let admin: string;
    let reviewer: string;
    beforeAll(async () => {
      admin = await staffToken(t.baseUrl, 'admin');
      reviewer = await staffToken(t.baseUrl, 'reviewer');
    });

    it('stops after the maximum attempts, blocks the dossier, and a replay by an administrator delivers in order', async () => {
      const dossier = await insertDossier(db);
      failing.add(dossier.code);
      const [first, second] = await enqueueEvents(t, dossier, [STEPS.submitted, STEPS.received]);
      const dead = await waitFor(
        () => outboxRow(db, first),
        (r) => r.status === 'dead',
        10_000,
        'dead letter',
      );
      expect(dead).toMatchObject({ attempts: 4, lastError: expect.stringMatching(/^HTTP 500/) });
      await new Promise((r) => setTimeout(r, 200));
      expect(receiver.forDossier(dossier.code).map((r) => r.body.eventId)).toEqual([first, first, first, first]);
      expect(await outboxRow(db, second)).toMatchObject({ status: 'pending', attempts: 0 });

      await request(t.baseUrl).get('/api/v1/admin/portal/deliveries?status=dead').expect(401);
      await request(t.baseUrl)
        .get('/api/v1/admin/portal/deliveries?status=dead')
        .set('Authorization', `Bearer ${reviewer}`)
        .expect(403);
      await request(t.baseUrl)
        .post(`/api/v1/admin/portal/deliveries/${first}/replay`)
        .set('Authorization', `Bearer ${reviewer}`)
        .expect(403);
      await request(t.baseUrl)
        .get('/api/v1/admin/portal/deliveries?status=gone')
        .set('Authorization', `Bearer ${admin}`)
        .expect(400);

      const deadList = await request(t.baseUrl)
        .get('/api/v1/admin/portal/deliveries?status=dead')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(deadList.body.items).toEqual([
        expect.objectContaining({
          eventId: first,
          dossierId: dossier.id,
          dossierCode: dossier.code,
          status: 'dead',
          dossierStatus: 'SUBMITTED',
          attempts: 4,
          lastError: expect.stringMatching(/^HTTP 500/),
        }),
      ]);
      const pendingList = await request(t.baseUrl)
        .get('/api/v1/admin/portal/deliveries?status=pending')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(pendingList.body.items.map((i: { eventId: string }) => i.eventId)).toContain(second);

      await request(t.baseUrl)
        .post(`/api/v1/admin/portal/deliveries/${second}/replay`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(409);
      await request(t.baseUrl)
        .post(`/api/v1/admin/portal/deliveries/${randomUUID()}/replay`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(404);

      failing.delete(dossier.code);
      const replay = await request(t.baseUrl)
        .post(`/api/v1/admin/portal/deliveries/${first}/replay`)
        .set('Authorization', `Bearer ${admin}`)
        .set('X-Request-Id', 'replay-test-1')
        .expect(200);
      expect(replay.body).toMatchObject({ eventId: first, status: 'pending', attempts: 0 });

      await waitFor(
        () => outboxRow(db, second),
        (r) => r.status === 'delivered',
        10_000,
        'replayed dossier',
      );
      expect(receiver.acceptedEventIds(dossier.code)).toEqual([first, second]);
      expect(await outboxRow(db, first)).toMatchObject({ status: 'delivered', attempts: 1 });

      const audit = await db.query(
        `SELECT actor_type, actor_id, action, entity_type, data FROM audit_log WHERE entity_id = $1`,
        [first],
      );
      expect(audit).toEqual([
        {
          actor_type: 'staff',
          actor_id: 'quantri',
          action: 'portal.delivery.replay',
          entity_type: 'portal_event',
          data: expect.objectContaining({ dossierId: dossier.id, attemptsBefore: 4, requestId: 'replay-test-1' }),
        },
      ]);
      await request(t.baseUrl)
        .post(`/api/v1/admin/portal/deliveries/${first}/replay`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(409);
    });
  });

  it('exposes outbox gauges and the delivered counter on /metrics', async () => {
    const dossier = await insertDossier(db);
    failing.add(dossier.code);
    const [eventId] = await enqueueEvents(t, dossier, [STEPS.submitted]);
    await waitFor(
      () => outboxRow(db, eventId),
      (r) => r.status === 'dead',
      10_000,
      'dead letter',
    );
    const metrics = (await request(t.baseUrl).get('/metrics').expect(200)).text;
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1]);
    // Everything earlier in this file was delivered (6 events); only this dossier's event is dead.
    expect(value('portal_events_dead')).toBe(1);
    expect(value('portal_events_pending')).toBe(0);
    expect(value('portal_oldest_pending_age_seconds')).toBe(0);
    expect(value('portal_events_delivered_total')).toBeGreaterThanOrEqual(6);

    // A pending event shows up with its age.
    const blocked = await enqueueEvents(t, dossier, [STEPS.received], 2);
    await db.query(
      `UPDATE job SET created_at = now() - interval '90 seconds' WHERE queue = 'portal.deliver' AND dedupe_key = $1`,
      blocked,
    );
    const later = (await request(t.baseUrl).get('/metrics').expect(200)).text;
    const after = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(later)?.[1]);
    expect(after('portal_events_pending')).toBe(1);
    expect(after('portal_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(90);
    failing.delete(dossier.code);
  });
});
