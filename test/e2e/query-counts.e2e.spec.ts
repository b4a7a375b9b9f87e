import request from 'supertest';
import { DataSource } from 'typeorm';
import { DossiersFacade } from '../../src/dossiers/dossiers.facade';
import { citizenCaller, staffCaller } from '../../src/identity/caller';
import { FilingService } from '../../src/dossiers/filing.service';
import { attachTerminationProof } from '../support/attachments';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { statementCounter } from '../support/statement-counter';
import { startTestAppWithDb } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';

/**
 * Pages that list things read them in a fixed number of SQL statements, whatever the number of rows: the citizen's
 * list of dossiers (not a few statements per dossier) and the staff queue's tiles (one statement for every count).
 */
describe('statements per list page', () => {
  let env: Awaited<ReturnType<typeof startTestAppWithDb>>;
  let counter: ReturnType<typeof statementCounter>;
  let facade: DossiersFacade;
  const citizen = residents('eligible')[1];
  const actor = citizenCaller(citizen.personalId);
  const api = () => request(env.t.baseUrl);
  let token: string;

  beforeAll(async () => {
    env = await startTestAppWithDb();
    counter = statementCounter(env.t.app.get(DataSource));
    facade = env.t.app.get(DossiersFacade);
    token = await citizenBearer(env.t, citizen.personalId);
  });
  afterAll(async () => {
    counter?.restore();
    await env?.close();
  });

  /** One filing by the citizen, withdrawn unless `keepOpen` (one open dossier per person), with a file attached. */
  async function fileOne(keepOpen: boolean): Promise<string> {
    const filed = (await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201))
      .body;
    await attachTerminationProof(env.t.baseUrl, filed.id, token);
    if (!keepOpen) await api().post(`/api/v1/dossiers/${filed.id}/withdraw`).set(auth(token)).send({}).expect(200);
    return filed.id;
  }

  it('the citizen’s list costs the same statements for 1 dossier as for 6, and equals each dossier read alone', async () => {
    await fileOne(false);
    await facade.citizenList(actor); // warms the cached legal context, which is not the list's own cost
    const one = await counter.count(() => facade.citizenList(actor));
    expect(one.result.items).toHaveLength(1);

    for (let i = 0; i < 4; i++) await fileOne(false);
    await fileOne(true);
    const six = await counter.count(() => facade.citizenList(actor));
    expect(six.result.items).toHaveLength(6);

    // Not one statement more per dossier: the dossiers, their histories, attachments, documents and issuance jobs.
    expect(six.statements).toHaveLength(one.statements.length);
    expect(six.statements.length).toBeLessThanOrEqual(5);

    // The same views as the single-dossier endpoint gives, dossier by dossier (an independent path).
    const listed = (await api().get('/api/v1/dossiers').set(auth(token)).expect(200)).body.items;
    expect(listed.map((d: { id: string }) => d.id)).toEqual(six.result.items.map((d) => d.id));
    for (const item of listed) {
      const alone = (await api().get(`/api/v1/dossiers/${item.id}`).set(auth(token)).expect(200)).body;
      expect(item).toEqual(alone);
      expect(item.history.length).toBeGreaterThanOrEqual(1);
      expect(item.attachments).toHaveLength(1);
    }
  });

  it('the staff queue’s tiles come from one statement, whatever the statuses', async () => {
    await staffBearer(env.t, 'dem.bh', 'receiver', 'DNA-BH');
    const staff = staffCaller({
      username: 'dem.bh',
      fullName: 'Cán bộ tiếp nhận',
      role: 'receiver',
      centerCode: 'DNA-BH',
    });
    await facade.counts(staff);
    const { result, statements } = await counter.count(() => facade.counts(staff));
    expect(statements).toHaveLength(1);
    const { rows } = await env.db.query(
      `SELECT status, count(*)::int AS n FROM dossier WHERE center_code = 'DNA-BH' GROUP BY status`,
    );
    expect(result.byStatus).toEqual(Object.fromEntries(rows.map((r) => [r.status, r.n])));
    expect(result.byStatus).toEqual({ SUBMITTED: 1, WITHDRAWN: 5 });
  });
});

describe('statements per filing', () => {
  let env: Awaited<ReturnType<typeof startTestAppWithDb>>;
  let counter: ReturnType<typeof statementCounter>;

  beforeAll(async () => {
    env = await startTestAppWithDb();
    counter = statementCounter(env.t.app.get(DataSource));
  });
  afterAll(async () => {
    counter?.restore();
    await env?.close();
  });

  it('an online filing writes its rows and answers without reading the dossier back', async () => {
    const [warm, citizen] = residents('eligible').slice(2, 4);
    const filing = env.t.app.get(FilingService);
    const file = (personalId: string, application: unknown) =>
      filing.file(citizenCaller(personalId), { personalId, application: application as never, channel: 'online' });
    await file(warm.personalId, applicationFor(warm)); // warms the cached legal context and rule sets
    const { result, statements } = await counter.count(() => file(citizen.personalId, applicationFor(citizen)));
    expect(result.status).toBe(201);
    // Before: 17 (the dossier, its history, attachments, documents and issuance jobs were read back after the
    // inserts). Now: the checks, the registry-read log, and the transaction's writes and audit chain only.
    expect(statements.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'SELECT 1 FROM', // the center exists
      'SELECT id, code,', // no open dossier of this person
      'INSERT INTO data_access_log', // the two registry reads, logged with their purpose
      'START TRANSACTION',
      'INSERT INTO dossier_sequence',
      'INSERT INTO dossier',
      'INSERT INTO dossier_event',
      'INSERT INTO job', // the portal event
      'SELECT pg_advisory_xact_lock($1)',
      'SELECT hash FROM', // the chain head (audit_chain_head)
      'WITH appended AS', // the audit row and the new chain head, in one statement
      'COMMIT',
    ]);
    // The answer is the dossier as any later read gives it.
    const body = result.body as { id: string };
    const token = await citizenBearer(env.t, citizen.personalId);
    const read = await request(env.t.baseUrl).get(`/api/v1/dossiers/${body.id}`).set(auth(token)).expect(200);
    expect(body).toEqual(read.body);
  });
});
