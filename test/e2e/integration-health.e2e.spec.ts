import request from 'supertest';
import { Client } from 'pg';
import { IntegrationCallRecorder } from '../../src/indicators/integration/integration-calls.recorder';
import { IntegrationHealthService } from '../../src/indicators/integration/integration-health.service';
import { residents } from '../support/dossier-fixtures';
import { TestApp, startTestAppWithDb } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';

/**
 * Integration health: calls to the national systems are recorded around their ports (here the population and
 * social-insurance registries, read for a citizen's profile), summarised per day for administrators, exported to
 * Prometheus, and a crossed threshold alerts the administrators once (through the notifications' mail queue).
 */
describe('integration health', () => {
  let t: TestApp;
  let db: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ t, db, close } = await startTestAppWithDb({ ADMIN_ALERT_EMAILS: 'quantri@so-noi-vu.example' }));
  });
  afterAll(async () => close?.());

  it('records each registry read with its outcome and shows calls, success rate and p95 per day to administrators', async () => {
    const citizen = await citizenBearer(t, residents('eligible')[0].personalId);
    await request(t.app.getHttpServer()).get('/api/v1/me/profile').set(auth(citizen)).expect(200);
    await t.app.get(IntegrationCallRecorder).flush();
    const { rows } = await db.query(`SELECT system, operation, ok FROM integration_call ORDER BY system`);
    expect(rows).toEqual([
      { system: 'insurance_registry', operation: 'findByPersonalId', ok: true },
      { system: 'population_registry', operation: 'findByPersonalId', ok: true },
    ]);

    const admin = await staffBearer(t, 'ih.admin', 'admin', null);
    const res = await request(t.app.getHttpServer())
      .get('/api/v1/admin/integrations/health?days=3')
      .set(auth(admin))
      .expect(200);
    const population = res.body.systems.find((s: { system: string }) => s.system === 'population_registry');
    expect(population.days).toHaveLength(3);
    expect(population.days[2]).toMatchObject({ day: res.body.today, calls: 1, failures: 0, successRate: 1 });
    expect(population.queueDepth).toBeNull();
    const portal = res.body.systems.find((s: { system: string }) => s.system === 'portal');
    expect(portal).toMatchObject({ queueDepth: 0, deadLetters: 0 });
    expect(res.body.systems.map((s: { system: string }) => s.system)).toEqual([
      'population_registry',
      'insurance_registry',
      'eid',
      'portal',
      'social_insurance',
    ]);

    const director = await staffBearer(t, 'ih.director', 'director', null);
    await request(t.app.getHttpServer()).get('/api/v1/admin/integrations/health').set(auth(director)).expect(403);
    const bad = await request(t.app.getHttpServer())
      .get('/api/v1/admin/integrations/health?days=40')
      .set(auth(admin))
      .expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'days' });

    const metrics = await request(t.app.getHttpServer()).get('/metrics');
    expect(metrics.text).toMatch(
      /tctn_integration_call_duration_seconds_count\{system="population_registry",operation="findByPersonalId",outcome="ok"\} [1-9]/,
    );
  });

  it('alerts the administrators once when today’s success rate falls under the threshold, with p95 computed from the calls', async () => {
    // 30 portal calls today: 6 failures (80 % success), durations 10, 20, …, 300 ms.
    for (let i = 1; i <= 30; i++)
      await db.query(
        `INSERT INTO integration_call (system, operation, occurred_at, duration_ms, ok, error)
         VALUES ('portal', 'send', now(), $1, $2, $3)`,
        [i * 10, i > 6, i > 6 ? null : 'HTTP 503: Service Unavailable'],
      );
    const health = t.app.get(IntegrationHealthService);
    const { systems, today } = await health.health(1);
    const portal = systems.find((s) => s.system === 'portal')!;
    // Continuous 95th percentile of 10..300: position 0.95 × 29 = 27.55 → 280 + 0.55 × 10.
    expect(portal.days).toEqual([{ day: today, calls: 30, failures: 6, successRate: 0.8, p95Ms: 285.5 }]);
    expect(portal.lastError).toMatchObject({ operation: 'send', error: 'HTTP 503: Service Unavailable' });

    // The scheduled check (every 5 minutes) may have run in between: together, exactly one alert is new.
    const found = [...(await health.checkAndAlert()), ...(await health.checkAndAlert())];
    expect(found.length).toBeLessThanOrEqual(1);
    const alerts = await db.query(`SELECT system, kind FROM integration_alert`);
    expect(alerts.rows).toEqual([{ system: 'portal', kind: 'success_rate' }]);
    const { rows } = await db.query(
      `SELECT recipient, subject, body, personal_id FROM notification WHERE template = 'admin_alert'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      recipient: 'quantri@so-noi-vu.example',
      subject: '[Cảnh báo kết nối] Cổng Dịch vụ công quốc gia',
      personal_id: 'admin',
    });
    expect(rows[0].body).toContain('80.0 %');
  });
});
