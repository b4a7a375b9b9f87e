import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { enqueueEvents, fastPortalDelivery, insertDossier, outboxRow, STEPS, waitFor } from './portal.support';

describe('embedded national-portal sandbox (PORTAL_SYNC_URL unset)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp({}, [fastPortalDelivery()]);
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());
  afterEach(() => request(t.baseUrl).delete('/sandbox/portal/faults').expect(204));

  const received = (dossierCode: string) =>
    request(t.baseUrl)
      .get('/sandbox/portal/events')
      .query({ dossierCode })
      .expect(200)
      .then((r) => r.body);

  it('receives every status change of a dossier, in order, and lists it as JSON and on a sandbox page', async () => {
    expect(t.runtime.sandbox.portal).toBe(true);
    const dossier = await insertDossier(db);
    const ids = await enqueueEvents(t, dossier, [STEPS.submitted, STEPS.received, STEPS.inReview]);
    const events = await waitFor(
      () => received(dossier.code),
      (e) => e.length === 3,
      10_000,
      'sandbox arrivals',
    );
    expect(events.map((e: { idempotencyKey: string }) => e.idempotencyKey)).toEqual(ids);
    expect(events[0]).toMatchObject({
      dossierCode: dossier.code,
      status: 'SUBMITTED',
      portalStatusCode: 1,
      deliveries: 1,
      payload: { eventId: ids[0], dossierCode: dossier.code, personalId: dossier.personalId },
    });
    expect(events.map((e: { seq: number }) => e.seq)).toEqual(
      [...events.map((e: { seq: number }) => e.seq)].sort((a, b) => a - b),
    );

    const page = await request(t.baseUrl).get('/sandbox/portal').query({ dossierCode: dossier.code }).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['x-sandbox']).toBe('true');
    expect(page.text).toContain('SANDBOX');
    expect(page.text).toContain('không phải Cổng Dịch vụ công quốc gia thật');
    expect(page.text).toContain(dossier.code);
    expect(page.text).toContain('IN_REVIEW');
  });

  it('a fault switch makes the sandbox refuse events; the worker retries until it accepts', async () => {
    await request(t.baseUrl)
      .put('/sandbox/portal/faults')
      .send({ failNext: 2 })
      .expect(200, { down: false, failNext: 2 });
    const dossier = await insertDossier(db);
    const [eventId] = await enqueueEvents(t, dossier, [STEPS.submitted]);
    const row = await waitFor(
      () => outboxRow(db, eventId),
      (r) => r.status === 'delivered',
      10_000,
      'delivery',
    );
    expect(row.attempts).toBe(3);
    expect(await received(dossier.code)).toHaveLength(1);

    await request(t.baseUrl).put('/sandbox/portal/faults').send({ down: true }).expect(200);
    const [second] = await enqueueEvents(t, dossier, [STEPS.received], 2);
    await waitFor(
      () => outboxRow(db, second),
      (r) => r.attempts >= 2,
      10_000,
      'failed attempts',
    );
    expect(await received(dossier.code)).toHaveLength(1);
    await request(t.baseUrl).put('/sandbox/portal/faults').send({ down: false }).expect(200);
    await waitFor(
      () => received(dossier.code),
      (e) => e.length === 2,
      10_000,
      'delivery after recovery',
    );

    await request(t.baseUrl).put('/sandbox/portal/faults').send({ failNext: -1 }).expect(400);
  });

  it('deduplicates by Idempotency-Key and requires it', async () => {
    const key = randomUUID();
    const body = {
      eventId: key,
      dossierCode: `SANDBOX-DEDUP-${key.slice(0, 8)}`,
      status: 'SUBMITTED',
      portalStatusCode: 1,
    };
    await request(t.baseUrl)
      .post('/sandbox/portal/events')
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201, { received: true, duplicate: false });
    await request(t.baseUrl)
      .post('/sandbox/portal/events')
      .set('Idempotency-Key', key)
      .send(body)
      .expect(200, { received: true, duplicate: true });
    const events = await received(body.dossierCode);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ idempotencyKey: key, deliveries: 2 });

    const missing = await request(t.baseUrl).post('/sandbox/portal/events').send(body).expect(400);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
