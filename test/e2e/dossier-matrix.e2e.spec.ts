import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DOSSIER_STATUSES, DossierStatus } from '../../src/dossiers/domain/dossier-status';
import { guard, WORKFLOW, WORKFLOW_ACTIONS, WorkflowRole } from '../../src/dossiers/domain/dossier-workflow';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';

/**
 * The role × action × center × status matrix, generated from the workflow table: every allowed combination
 * succeeds, a wrong role or center gets 403, a wrong status 409.
 */
describe('workflow authorization matrix', () => {
  let t: TestApp;
  let db: Client;
  let templateId: string;

  beforeAll(async () => {
    // Each caller sends ~130 actions here within seconds: far above a person's pace, so lift the per-caller limit.
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    const citizen = residents('eligible')[0];
    const filed = await request(t.baseUrl)
      .post('/api/v1/dossiers')
      .set(auth(await citizenBearer(t, citizen.personalId)))
      .send(applicationFor(citizen))
      .expect(201);
    templateId = filed.body.id;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** A copy of the filed dossier in the given status, owned by a fresh synthetic person. */
  async function dossierIn(status: DossierStatus): Promise<{ id: string; personalId: string }> {
    const id = randomUUID();
    const personalId = `0750${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;
    const supplement =
      status === 'SUPPLEMENT_REQUESTED' ? JSON.stringify({ items: ['Giấy tờ'], fromStatus: 'IN_REVIEW' }) : null;
    await db.query(
      `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, version, full_name, search_name, applicant, insurance,
         application, assessment, flags, termination_date, filed_at, sort_date, supplement, due_date)
       SELECT $1::uuid, 'M-' || $1::text, $2, center_code, channel, $3::text, 1, full_name, search_name, applicant, insurance, application, assessment,
         flags, termination_date, filed_at, sort_date, $4::jsonb, CASE WHEN $3::text = 'SUBMITTED' THEN NULL ELSE sort_date + 28 END
       FROM dossier WHERE id = $5`,
      [id, personalId, status, supplement, templateId],
    );
    // A complete dossier: the proof of termination is attached (receive needs it).
    await db.query(
      `INSERT INTO attachment (id, dossier_id, kind, file_name, content_type, size, sha256, object_key, uploaded_at, uploaded_by)
       VALUES ($1, $2, 'termination_proof', 'giay-to-termination-proof-1.pdf', 'application/pdf', 10, $3, 'k', now(), 'test')`,
      [randomUUID(), id, 'b'.repeat(64)],
    );
    if (status === 'APPROVED' || status === 'DENIED' || status === 'RESULT_RETURNED') {
      // A decided dossier has its signed decision (revoke_decision acts on it).
      await db.query(
        `INSERT INTO issued_document (id, dossier_id, kind, number, authority_symbol, year, verification_code, sha256,
           object_key, holder_name, issuer_name, issued_at)
         VALUES ($1, $2, $3, $4, 'SNV', 2026, $5, $6, 'k', 'Người Thử', 'Sở Nội vụ', now())`,
        [
          randomUUID(),
          id,
          status === 'DENIED' ? 'decision-refusal' : 'decision-approval',
          `${randomInt(1, 1_000_000)}/QĐ-SNV`,
          `M${randomUUID().replace(/-/g, '').slice(0, 20).toUpperCase()}`,
          'a'.repeat(64),
        ],
      );
    }
    return { id, personalId };
  }

  const staffRoles: WorkflowRole[] = ['receiver', 'reviewer', 'center_head', 'director'];
  const STAFF_ACTIONS = WORKFLOW_ACTIONS.filter((a) => a !== 'supplement' && a !== 'withdraw');
  const body = {
    expectedVersion: 1,
    note: 'Ghi chú',
    items: ['Bản sao hợp đồng lao động'],
    reason: 'Không đủ điều kiện theo quy định',
    recommendation: 'approve',
    terminationReason: 'new_job',
    effectiveDate: '2027-01-01',
  };

  it('answers every staff combination as the table says', async () => {
    const tokens = new Map<string, string>();
    for (const role of staffRoles) {
      for (const center of role === 'director' ? [null] : ['DNA-BH', 'DNA-DX']) {
        tokens.set(`${role}@${center}`, await staffBearer(t, `${role}.${center}`.toLowerCase(), role as never, center));
      }
    }
    const mismatches: string[] = [];
    let checked = 0;
    for (const status of DOSSIER_STATUSES) {
      const shared = await dossierIn(status);
      for (const action of STAFF_ACTIONS) {
        for (const [key, token] of tokens) {
          const [role, center] = key.split('@');
          const verdict = guard(action, status, 'DNA-BH', {
            role: role as WorkflowRole,
            centerCode: center === 'null' ? null : center,
          });
          // Benefit steps also need a benefit in the right state; these dossiers, seeded by SQL, have none (409).
          const needsBenefit = verdict.ok && WORKFLOW[action].benefit?.from !== undefined;
          const expected = needsBenefit ? 409 : verdict.ok ? 200 : verdict.reason === 'status' ? 409 : 403;
          const target = verdict.ok ? (await dossierIn(status)).id : shared.id;
          const res = await request(t.baseUrl)
            .post(`/api/v1/staff/dossiers/${target}/actions`)
            .set(auth(token))
            .send({ ...body, action });
          checked++;
          if (res.status !== expected)
            mismatches.push(
              `${status} ${action} ${key}: ${res.status} (expected ${expected}) ${res.body.detail ?? ''}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(DOSSIER_STATUSES.length * STAFF_ACTIONS.length * 7);
  });

  it('lets the owner supplement and withdraw exactly where the table says', async () => {
    const mismatches: string[] = [];
    for (const status of DOSSIER_STATUSES) {
      for (const action of ['supplement', 'withdraw'] as const) {
        const d = await dossierIn(status);
        const expected = guard(action, status, 'DNA-BH', { role: 'citizen', centerCode: null }).ok ? 200 : 409;
        const res = await request(t.baseUrl)
          .post(`/api/v1/dossiers/${d.id}/${action}`)
          .set(auth(await citizenBearer(t, d.personalId)))
          .send({ expectedVersion: 1 });
        if (res.status !== expected) mismatches.push(`${status} ${action}: ${res.status} (expected ${expected})`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
