import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentIssuanceService } from '../../src/documents/issuance/document-issuance.service';
import { DocumentIssuanceWorker } from '../../src/documents/issuance/document-issuance.worker';
import { DEFAULT_ISSUANCE_SETTINGS, ISSUANCE_QUEUE, IssuanceJob } from '../../src/documents/issuance/issuance-settings';
import { JobRunner } from '../../src/platform/jobs/job-runner';
import { JobStore } from '../../src/platform/jobs/job.store';
import { IssuedDocumentRecord } from '../../src/documents/persistence/issued-document.repository';
import { pdfText, runTool } from '../support/debian-tools';
import { withFaultAfterUpload } from '../support/object-store-faults';
import { DOSSIER_DOCUMENTS, DossierDocuments } from '../../src/dossiers/ports/dossier-documents.port';
import { WORKFLOW } from '../../src/dossiers/domain/dossier-workflow';
import { verifyOfflinePayload } from '../../src/documents/verification/offline-payload';
import { SigningIdentityProvider } from '../../src/documents/issuance/signing-identity.provider';
import { crlDistributionPoints } from '../../src/documents/signing/long-term-validation';
import { HttpTimestampClient } from '../../src/documents/signing/timestamp-client';
import type { WorkflowAction } from '../../src/dossiers/domain/dossier-workflow';
import type { DossierStatus } from '../../src/dossiers/domain/dossier-status';
import { AccessTokenService } from '../../src/identity';
import { citizenPrincipal, StaffRole } from '../../src/identity/principal';
import { OBJECT_STORE, ObjectStore } from '../../src/platform/storage/object-store.port';
import { APPROVED_OUTPUT } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { staffBearer } from '../support/tokens';

const CENTERS = [
  { code: 'DNA-BH', name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa' },
  { code: 'DNA-DX', name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Đồng Xoài' },
];

let personalIdCounter = 100000;
function nextPersonalId(): string {
  personalIdCounter += 1;
  return `075190${personalIdCounter}`;
}

interface DossierFactoryInput {
  personalId?: string;
  fullName?: string;
  centerCode?: string;
  status?: DossierStatus;
  output?: unknown;
  decisionNote?: string | null;
}

/** The object key of a signed document (issuance stores it before inserting its record). */
const SIGNED_PDF = /^dossiers\/[0-9a-f-]+\/documents\/.+\.pdf$/;

describe('documents: issuance, downloads and public verification', () => {
  let t: TestApp;
  let ds: DataSource;
  let worker: DocumentIssuanceWorker;
  let issuance: DocumentIssuanceService;
  let documents: DossierDocuments;
  let store: ObjectStore;
  let tokens: AccessTokenService;

  beforeAll(async () => {
    t = await startTestApp({ DOCUMENT_WORKER: 'off' });
    ds = t.app.get(DataSource);
    worker = t.app.get(DocumentIssuanceWorker);
    issuance = t.app.get(DocumentIssuanceService);
    documents = t.app.get(DOSSIER_DOCUMENTS);
    store = t.app.get(OBJECT_STORE);
    tokens = t.app.get(AccessTokenService);
    for (const c of CENTERS) {
      await ds.query(
        `INSERT INTO service_center (code, name, province_name, address) VALUES ($1, $2, 'Đồng Nai', '') ON CONFLICT DO NOTHING`,
        [c.code, c.name],
      );
    }
  });
  afterAll(() => t.close());

  const api = () => request(t.baseUrl);

  async function citizenToken(personalId: string): Promise<string> {
    return (await tokens.issue(citizenPrincipal(personalId), { use: 'bearer', ttlSeconds: 600 })).accessToken;
  }

  function staffToken(role: StaffRole, centerCode: string | null): Promise<string> {
    return staffBearer(t, `test.${role}.${centerCode ?? 'tinh'}`.toLowerCase(), role, centerCode, 'Cán bộ thử');
  }

  let dossierSeq = 0;
  async function insertDossier(
    input: DossierFactoryInput = {},
  ): Promise<{ id: string; personalId: string; fullName: string }> {
    const id = randomUUID();
    const personalId = input.personalId ?? nextPersonalId();
    const fullName = input.fullName ?? 'Nguyễn Thị Ánh Tuyết';
    const centerCode = input.centerCode ?? 'DNA-BH';
    dossierSeq += 1;
    const applicant = {
      fullName,
      dateOfBirth: '1990-03-15',
      sex: 'female',
      permanentAddress: {
        line: 'Số 12, đường Võ Thị Sáu',
        communeName: 'Phường Trấn Biên',
        provinceName: 'Tỉnh Đồng Nai',
      },
    };
    const application = {
      terminationDate: '2026-10-15',
      terminationReason: 'contract_expired',
      contractType: 'fixed_term',
      lastEmployer: { name: 'Công ty TNHH Điện tử Biên Hòa', address: 'Biên Hòa' },
      centerCode,
      payment: { method: 'cash' },
      phone: '0912345678',
      declarationAccepted: true,
    };
    await ds.query(
      `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant, application,
         assessment, termination_date, filed_at, received_at, due_date, sort_date, decision_note)
       VALUES ($1, $2, $3, $4, 'online', $5, $6, lower($6), $7, $8, $9, '2026-10-15', '2026-11-02T02:15:00Z', '2026-11-02T03:00:00Z',
         '2026-11-30', '2026-11-02', $10)`,
      [
        id,
        `${centerCode}-20261102-${String(dossierSeq).padStart(5, '0')}`,
        personalId,
        centerCode,
        input.status ?? 'PROPOSED',
        fullName,
        applicant,
        application,
        { output: input.output ?? APPROVED_OUTPUT },
        input.decisionNote ?? null,
      ],
    );
    return { id, personalId, fullName };
  }

  async function appendEvent(
    dossierId: string,
    action: string,
    data: Record<string, unknown> = {},
    note: string | null = null,
  ): Promise<number> {
    const [row] = await ds.query(
      `INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, from_status, to_status, actor_type, actor_id, actor_name, note, data)
       SELECT $1, coalesce(max(seq), 0) + 1, now(), $2, 'SUBMITTED', 'RECEIVED', 'staff', 'tiepnhan.bh', 'Nguyễn Thị Thanh Tâm', $3, $4
       FROM dossier_event WHERE dossier_id = $1 RETURNING seq`,
      [dossierId, action, note, data],
    );
    return row.seq;
  }

  /** What the workflow service does at the end of a transition: the side effect inside the transaction. */
  async function transition(
    dossierId: string,
    action: WorkflowAction,
    to: DossierStatus,
    em?: EntityManager,
  ): Promise<void> {
    // What the workflow step does in its transaction: request the row's document for the step's (latest) event.
    const run = async (m: EntityManager) => {
      const [{ seq }] = await m.query(
        `SELECT max(seq) AS seq FROM dossier_event WHERE dossier_id = $1 AND action = $2`,
        [dossierId, action],
      );
      await documents.requestIssue(m, { dossierId, kind: WORKFLOW[action].document!, eventSeq: Number(seq) });
      await m.query(`UPDATE dossier SET status = $2 WHERE id = $1`, [dossierId, to]);
    };
    await (em ? run(em) : ds.transaction(run));
  }

  async function recordOf(dossierId: string, kind: string): Promise<IssuedDocumentRecord> {
    const [row] = await ds.query(
      `SELECT id, kind, number, sha256, object_key AS "objectKey", verification_code AS "verificationCode", holder_name AS "holderName", status
       FROM issued_document WHERE dossier_id = $1 AND kind = $2`,
      [dossierId, kind],
    );
    return row;
  }

  async function jobOf(
    dossierId: string,
    kind: string,
  ): Promise<{ status: string; attempts: number; lastError: string | null }> {
    const [row] = await ds.query(
      `SELECT status, attempts, last_error AS "lastError" FROM job WHERE queue = $1 AND dedupe_key = $2`,
      [ISSUANCE_QUEUE, `${dossierId}:${kind}`],
    );
    return row;
  }

  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  async function writeTemp(bytes: Buffer): Promise<string> {
    const path = join(mkdtempSync(join(tmpdir(), 'tctn-doc-')), 'document.pdf');
    writeFileSync(path, bytes);
    return path;
  }

  describe('an approval decision', () => {
    let dossier: { id: string; personalId: string; fullName: string };
    let record: IssuedDocumentRecord;

    beforeAll(async () => {
      dossier = await insertDossier();
      await appendEvent(dossier.id, 'approve');
      await transition(dossier.id, 'approve', 'APPROVED');
      expect(await jobOf(dossier.id, 'decision-approval')).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await worker.drain()).toBeGreaterThanOrEqual(1);
      record = await recordOf(dossier.id, 'decision-approval');
    });

    it('is recorded once, its job done, its stored bytes hashing to the recorded SHA-256', async () => {
      expect(record.number).toMatch(/^\d+\/QĐ-SNV$/);
      expect(record.verificationCode).toMatch(/^[A-Z2-7]{32}$/);
      expect(record.objectKey).toBe(`dossiers/${dossier.id}/documents/decision-approval.pdf`);
      expect(await jobOf(dossier.id, 'decision-approval')).toMatchObject({ status: 'done', attempts: 1 });
      const stored = await store.get(record.objectKey);
      expect(sha256(stored)).toBe(record.sha256);
    });

    it('is a validly signed PDF naming the decision number, the holder and the notice schedule', async () => {
      const path = await writeTemp(await store.get(record.objectKey));
      const sig = await runTool('pdfsig', [path]);
      expect(sig.stdout).toContain('Signature is Valid.');
      const text = await pdfText(path);
      expect(text).toContain(`Số: ${record.number}`);
      expect(text).toContain(dossier.fullName);
      expect(text).toContain(record.verificationCode);
      expect(text).toMatch(/5\.520\.000/);
    });

    it('shows in the dossier views through DOSSIER_DOCUMENTS', async () => {
      const views = await documents.forDossier(dossier.id);
      expect(views.decision).toEqual({
        number: record.number,
        issuedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        kind: 'approval',
        sha256: record.sha256,
        verificationCode: record.verificationCode,
        verifyUrl: `${t.runtime.config.publicBaseUrl}/verify/${record.verificationCode}`,
        status: 'issued',
        revokedAt: null,
        revocationReason: null,
      });
      expect(views.documents).toEqual([
        expect.objectContaining({
          kind: 'decision-approval',
          title: 'Quyết định về việc hưởng trợ cấp thất nghiệp',
          number: record.number,
          downloadUrl: `/api/v1/dossiers/${dossier.id}/documents/decision-approval/pdf`,
        }),
      ]);
    });

    it('gives the citizen its metadata (docs/api.md) and the stored signed bytes, audited', async () => {
      const token = await citizenToken(dossier.personalId);
      const meta = await api()
        .get(`/api/v1/dossiers/${dossier.id}/decision`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(meta.body).toEqual({
        number: record.number,
        issuedAt: expect.any(String),
        kind: 'approval',
        sha256: record.sha256,
        verificationCode: record.verificationCode,
        verifyUrl: `${t.runtime.config.publicBaseUrl}/verify/${record.verificationCode}`,
        status: 'issued',
        revokedAt: null,
        revocationReason: null,
      });
      const pdf = await api()
        .get(`/api/v1/dossiers/${dossier.id}/decision/pdf`)
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
      expect(pdf.headers['content-disposition']).toMatch(/attachment; filename="decision-approval-\d+-QD-SNV\.pdf"/);
      expect(sha256(pdf.body as Buffer)).toBe(record.sha256);
      await api()
        .get(`/api/v1/dossiers/${dossier.id}/documents/decision-approval/pdf`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      const audit = await ds.query(
        `SELECT actor_type AS "actorType", actor_id AS "actorId", data FROM audit_log WHERE action = 'document.download' AND entity_id = $1 ORDER BY id`,
        [dossier.id],
      );
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({
        actorType: 'citizen',
        actorId: dossier.personalId,
        data: { kind: 'decision-approval', sha256: record.sha256 },
      });
      expect(audit[0].data.requestId).toEqual(expect.any(String));
    });

    it('answers 404 to another citizen, for an unknown dossier and for a document not issued', async () => {
      const other = await citizenToken(nextPersonalId());
      for (const path of ['decision', 'decision/pdf', 'documents/decision-approval/pdf']) {
        const res = await api()
          .get(`/api/v1/dossiers/${dossier.id}/${path}`)
          .set('Authorization', `Bearer ${other}`)
          .expect(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      const own = await citizenToken(dossier.personalId);
      await api().get(`/api/v1/dossiers/${randomUUID()}/decision`).set('Authorization', `Bearer ${own}`).expect(404);
      await api().get(`/api/v1/dossiers/not-a-uuid/decision`).set('Authorization', `Bearer ${own}`).expect(404);
      await api()
        .get(`/api/v1/dossiers/${dossier.id}/documents/receipt/pdf`)
        .set('Authorization', `Bearer ${own}`)
        .expect(404);
      await api()
        .get(`/api/v1/dossiers/${dossier.id}/documents/..%2Fsecret/pdf`)
        .set('Authorization', `Bearer ${own}`)
        .expect(404);
      const pending = await insertDossier();
      const token = await citizenToken(pending.personalId);
      await api().get(`/api/v1/dossiers/${pending.id}/decision`).set('Authorization', `Bearer ${token}`).expect(404);
    });

    it('requires a citizen login (401 anonymous, 403 for staff on citizen routes)', async () => {
      await api().get(`/api/v1/dossiers/${dossier.id}/decision`).expect(401);
      const staff = await staffToken('receiver', 'DNA-BH');
      await api().get(`/api/v1/dossiers/${dossier.id}/decision`).set('Authorization', `Bearer ${staff}`).expect(403);
    });

    it("lets staff of the dossier's center and province-level roles download it; another center gets 403", async () => {
      for (const [role, center] of [
        ['receiver', 'DNA-BH'],
        ['director', null],
        ['admin', null],
      ] as const) {
        await api()
          .get(`/api/v1/staff/dossiers/${dossier.id}/documents/decision-approval/pdf`)
          .set('Authorization', `Bearer ${await staffToken(role, center)}`)
          .expect(200);
      }
      await api()
        .get(`/api/v1/staff/dossiers/${dossier.id}/documents/decision-approval/pdf`)
        .set('Authorization', `Bearer ${await staffToken('reviewer', 'DNA-DX')}`)
        .expect(403);
      await api()
        .get(`/api/v1/staff/dossiers/${randomUUID()}/documents/decision-approval/pdf`)
        .set('Authorization', `Bearer ${await staffToken('director', null)}`)
        .expect(404);
      const [row] = await ds.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.download' AND entity_id = $1 AND actor_type = 'staff'`,
        [dossier.id],
      );
      expect(row.n).toBe(3);
    });

    it('is verifiable by the public: valid, same SHA-256, masked holder name', async () => {
      const res = await api().get(`/api/v1/public/decisions/${record.verificationCode}`).expect(200);
      expect(res.body).toMatchObject({
        valid: true,
        decisionNumber: record.number,
        issuer: 'Sở Nội vụ tỉnh Đồng Nai',
        holderName: 'Nguyễn T** Á** T****',
        sha256: record.sha256,
        status: 'issued',
        revokedAt: null,
      });
      expect(res.body.issuedAt).toEqual(expect.any(String));
      const unknown = await api()
        .get(`/api/v1/public/decisions/${'A'.repeat(32)}`)
        .expect(404);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
      await api().get('/api/v1/public/decisions/short').expect(404);
    });

    it('carries two timestamped signatures (Director, organisation), the DSS, and a QR payload that verifies offline with the published key', async () => {
      const path = await writeTemp(await store.get(record.objectKey));
      const sig = await runTool('pdfsig', [path]);
      expect(sig.stdout.match(/Signature is Valid\./g)).toHaveLength(2);
      expect(sig.stdout).toContain('Signer Certificate Common Name: Đặng Hữu Phước');
      expect(sig.stdout).toContain('Signer Certificate Common Name: Sở Nội vụ tỉnh Đồng Nai');
      const pdf = await store.get(record.objectKey);
      // Timestamp tokens from the sandbox TSA (id-aa-signatureTimeStampToken) and the document security store.
      expect(pdf.toString('latin1')).toContain('/Type /DSS');
      expect(pdf.toString('latin1').includes('060b2a864886f70d010910020e')).toBe(true); // the OID, hex in /Contents

      await runTool('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', '-png', path, `${path}-page`]);
      const qr = (await runTool('zbarimg', ['-q', '--raw', `${path}-page-1.png`])).stdout.trim();
      expect(qr.startsWith(`${t.runtime.config.publicBaseUrl}/verify/${record.verificationCode}#v1.`)).toBe(true);
      const key = await api().get('/api/v1/public/decisions/verification-key').expect(200);
      expect(key.body.algorithm).toBe('Ed25519');
      const check = verifyOfflinePayload(qr, createPublicKey(key.body.publicKeyPem));
      expect(check).toMatchObject({
        valid: true,
        facts: { number: record.number, maskedHolder: 'Nguyễn T** Á** T****', amount: 5_520_000 },
      });

      const payload = qr.slice(qr.indexOf('#') + 1);
      const online = await api()
        .get(`/api/v1/public/decisions/${record.verificationCode}`)
        .query({ payload })
        .expect(200);
      expect(online.body.offline).toMatchObject({ signatureValid: true, matchesRecord: true });
      const [, facts, signature] = /^v1\.([^.]+)\.([^.]+)$/.exec(payload)!;
      const tampered = Buffer.from(facts, 'base64url');
      tampered[3] ^= 0x01;
      const bad = await api()
        .get(`/api/v1/public/decisions/${record.verificationCode}`)
        .query({ payload: `v1.${tampered.toString('base64url')}.${signature}` })
        .expect(200);
      expect(bad.body.offline).toEqual({ signatureValid: false, matchesRecord: false, facts: null });
    });

    it("in the sandbox: publishes the development CRLs at the certificates' distribution points and runs the TSA over HTTP", async () => {
      const { organisation } = await t.app.get(SigningIdentityProvider).get();
      const [issuingCa] = organisation.certificates.slice(1);
      const crlUrl = crlDistributionPoints(organisation.certificates[0])[0];
      expect(crlUrl).toBe(`${t.runtime.config.publicBaseUrl}/sandbox/pki/province-ca.crl`);
      expect(crlDistributionPoints(issuingCa)).toEqual([`${t.runtime.config.publicBaseUrl}/sandbox/pki/root.crl`]);
      const crl = await fetch(crlUrl.replace(t.runtime.config.publicBaseUrl, t.baseUrl));
      expect(crl.status).toBe(200);
      expect(crl.headers.get('content-type')).toBe('application/pkix-crl');
      const dir = mkdtempSync(join(tmpdir(), 'tctn-crl-'));
      writeFileSync(join(dir, 'crl.der'), Buffer.from(await crl.arrayBuffer()));
      writeFileSync(join(dir, 'ca.der'), issuingCa);
      await runTool('openssl', ['x509', '-inform', 'DER', '-in', join(dir, 'ca.der'), '-out', join(dir, 'ca.pem')]);
      const checked = await runTool('openssl', [
        'crl',
        '-inform',
        'DER',
        '-in',
        join(dir, 'crl.der'),
        '-CAfile',
        join(dir, 'ca.pem'),
        '-noout',
      ]);
      expect(`${checked.stdout}${checked.stderr}`).toContain('verify OK');
      expect((await fetch(`${t.baseUrl}/sandbox/pki/other.crl`)).status).toBe(404);

      const token = await new HttpTimestampClient(`${t.baseUrl}/sandbox/tsa`).timestamp(Buffer.from('signature value'));
      expect(token.includes(Buffer.from(createHash('sha256').update('signature value').digest()))).toBe(true);
    });

    it('never issues a second decision: a repeated side effect is a no-op, a re-run job is only marked done', async () => {
      await transition(dossier.id, 'approve', 'APPROVED');
      const jobsOf = `FROM job WHERE queue = '${ISSUANCE_QUEUE}' AND payload->>'dossierId' = $1`;
      const [jobs] = await ds.query(`SELECT count(*)::int AS n ${jobsOf}`, [dossier.id]);
      expect(jobs.n).toBe(1);
      await ds.query(`UPDATE job SET status = 'pending', done_at = NULL WHERE id IN (SELECT id ${jobsOf})`, [
        dossier.id,
      ]);
      await worker.drain();
      const rows = await ds.query(`SELECT sha256 FROM issued_document WHERE dossier_id = $1`, [dossier.id]);
      expect(rows).toEqual([{ sha256: record.sha256 }]);
      expect(await jobOf(dossier.id, 'decision-approval')).toMatchObject({ status: 'done' });
      expect(sha256(await store.get(record.objectKey))).toBe(record.sha256);
    });
  });

  it('lets the Director revoke a decision with a reason: verification says revoked, the citizen sees why, audited once', async () => {
    const dossier = await insertDossier({ fullName: 'Phạm Thị Thu Hà' });
    await appendEvent(dossier.id, 'approve');
    await transition(dossier.id, 'approve', 'APPROVED');
    await worker.drain();
    const issued = await recordOf(dossier.id, 'decision-approval');
    const revoke = (token: string, body: object, id = dossier.id) =>
      api().post(`/api/v1/staff/dossiers/${id}/decision/revoke`).set('Authorization', `Bearer ${token}`).send(body);
    const director = await staffToken('director', null);
    const reason = 'Quyết định ban hành nhầm: người lao động đã có việc làm trước ngày hưởng.';

    for (const [role, center] of [
      ['reviewer', 'DNA-BH'],
      ['center_head', 'DNA-BH'],
      ['admin', null],
    ] as const)
      await revoke(await staffToken(role, center), { reason }).expect(403);
    for (const body of [{}, { reason: '   ngắn    ' }, { reason: 42 }, { reason: 'x'.repeat(1001) }]) {
      const bad = await revoke(director, body);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
    }
    await revoke(director, { reason }, randomUUID()).expect(404);
    await revoke(director, { reason }, 'not-a-uuid').expect(404);
    const pending = await insertDossier();
    expect((await revoke(director, { reason }, pending.id).expect(404)).body.detail).toBe('Hồ sơ chưa có quyết định.');
    expect((await recordOf(dossier.id, 'decision-approval')).status).toBe('issued');

    const done = await revoke(director, { reason: `  ${reason}  ` }).expect(200);
    expect(done.body).toMatchObject({
      number: issued.number,
      status: 'revoked',
      revokedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      revocationReason: reason,
    });
    const again = await revoke(director, { reason }).expect(409);
    expect(again.body.detail).toBe(`Quyết định số ${issued.number} đã được thu hồi trước đó.`);

    const publicView = await api().get(`/api/v1/public/decisions/${issued.verificationCode}`).expect(200);
    expect(publicView.body).toMatchObject({
      valid: false,
      status: 'revoked',
      revokedAt: done.body.revokedAt,
      sha256: issued.sha256,
    });
    expect(publicView.body).not.toHaveProperty('revocationReason');
    const citizen = await citizenToken(dossier.personalId);
    const meta = await api()
      .get(`/api/v1/dossiers/${dossier.id}/decision`)
      .set('Authorization', `Bearer ${citizen}`)
      .expect(200);
    expect(meta.body).toMatchObject({ status: 'revoked', revocationReason: reason });
    const view = await api()
      .get(`/api/v1/dossiers/${dossier.id}`)
      .set('Authorization', `Bearer ${citizen}`)
      .expect(200);
    expect(view.body.decision).toMatchObject({ status: 'revoked', revokedAt: done.body.revokedAt });
    // The signed PDF itself is kept, unchanged.
    expect(sha256(await store.get(issued.objectKey))).toBe(issued.sha256);
    const audit = await ds.query(
      `SELECT actor_id AS "actorId", data FROM audit_log WHERE action = 'document.revoke' AND entity_id = $1`,
      [dossier.id],
    );
    expect(audit).toEqual([
      { actorId: 'test.director.tinh', data: expect.objectContaining({ number: issued.number, reason }) },
    ]);
    // Revocation is a workflow step: a history row, an audit row and a portal event (8 "Dừng xử lý"), and the
    // citizen sees the dossier closed.
    expect(view.body).toMatchObject({
      status: 'REVOKED',
      statusLabel: 'Quyết định đã bị thu hồi',
      portalStatusCode: 8,
    });
    expect(view.body.history.at(-1)).toMatchObject({ action: 'revoke_decision', status: 'REVOKED', note: reason });
    const steps = await ds.query(
      `SELECT action FROM audit_log WHERE action = 'dossier.revoke_decision' AND entity_id = $1`,
      [dossier.id],
    );
    expect(steps).toHaveLength(1);
    const [event] = await ds.query(
      `SELECT payload FROM job WHERE queue = 'portal.deliver' AND key = $1 ORDER BY id DESC LIMIT 1`,
      [dossier.id],
    );
    expect(event.payload).toMatchObject({ status: 'REVOKED', portalStatusCode: 8, note: reason });
  });

  it('numbers 20 decisions issued by two workers at once consecutively and uniquely', async () => {
    const [before] = await ds.query(
      `SELECT coalesce(max(last_value), 0) AS n FROM document_number_sequence WHERE authority_symbol = 'QĐ-SNV'`,
    );
    const dossiers: { id: string }[] = [];
    for (let i = 0; i < 20; i += 1) dossiers.push(await insertDossier({ fullName: `Trần Văn Thứ ${i + 1}` }));
    await ds.transaction(async (em) => {
      for (const d of dossiers) await transition(d.id, 'approve', 'APPROVED', em);
    });
    // A second instance: its own runner on the same database, with the same handler.
    const second = new JobRunner(t.app.get(JobStore));
    second.register<IssuanceJob>(
      ISSUANCE_QUEUE,
      { ...DEFAULT_ISSUANCE_SETTINGS, enabled: false, batchSize: 2 },
      async (job) => void (await issuance.issue(job)),
    );
    const [a, b] = await Promise.all([worker.drain(), second.drain(ISSUANCE_QUEUE)]);
    expect(a + b).toBe(20);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const rows: { number: string }[] = await ds.query(
      `SELECT number FROM issued_document WHERE kind = 'decision-approval' AND dossier_id = ANY($1::uuid[])`,
      [dossiers.map((d) => d.id)],
    );
    const numbers = rows.map((r) => Number(r.number.split('/')[0])).sort((x, y) => x - y);
    const start = Number(before.n) + 1;
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => start + i));
    for (const r of rows) expect(r.number).toMatch(/\/QĐ-SNV$/);
  });

  it('survives a crash between upload and insert: the retry overwrites the object and records exactly one document', async () => {
    const dossier = await insertDossier({ fullName: 'Lê Thị Ngọc Hường' });
    await appendEvent(dossier.id, 'approve');
    await transition(dossier.id, 'approve', 'APPROVED');
    let firstUpload: Buffer | undefined;
    await withFaultAfterUpload(
      store,
      SIGNED_PDF,
      async (key) => {
        firstUpload = await store.get(key);
        throw new Error('simulated crash after upload');
      },
      () => worker.runOnce(),
    );
    const key = `dossiers/${dossier.id}/documents/decision-approval.pdf`;
    expect(firstUpload).toBeDefined();
    expect(await store.exists(key)).toBe(true);
    expect(await recordOf(dossier.id, 'decision-approval')).toBeUndefined();
    expect(await jobOf(dossier.id, 'decision-approval')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'simulated crash after upload',
    });

    await ds.query(`UPDATE job SET run_at = now() WHERE queue = $1 AND payload->>'dossierId' = $2`, [
      ISSUANCE_QUEUE,
      dossier.id,
    ]);
    await worker.drain();
    const rows = await ds.query(`SELECT sha256, object_key AS "objectKey" FROM issued_document WHERE dossier_id = $1`, [
      dossier.id,
    ]);
    expect(rows).toHaveLength(1);
    const stored = await store.get(key);
    expect(sha256(stored)).toBe(rows[0].sha256);
    expect(sha256(firstUpload!)).not.toBe(rows[0].sha256);
    expect(await jobOf(dossier.id, 'decision-approval')).toMatchObject({ status: 'done', attempts: 2 });
    const sig = await runTool('pdfsig', [await writeTemp(stored)]);
    expect(sig.stdout).toContain('Signature is Valid.');
  });

  it('issues the intake documents and the refusal with their own numbers', async () => {
    const dossier = await insertDossier({
      status: 'RECEIVED',
      decisionNote: 'Đã có việc làm và tham gia bảo hiểm xã hội bắt buộc.',
    });
    await appendEvent(dossier.id, 'receive');
    await transition(dossier.id, 'receive', 'RECEIVED');
    await appendEvent(dossier.id, 'request_supplement', { items: ['Quyết định thôi việc (bản sao chứng thực)'] });
    await transition(dossier.id, 'request_supplement', 'SUPPLEMENT_REQUESTED');
    const secondSeq = await appendEvent(dossier.id, 'request_supplement', { items: ['Sổ bảo hiểm xã hội'] });
    await transition(dossier.id, 'request_supplement', 'SUPPLEMENT_REQUESTED');
    await appendEvent(dossier.id, 'deny', {}, 'Đã có việc làm và tham gia bảo hiểm xã hội bắt buộc.');
    await transition(dossier.id, 'deny', 'DENIED');
    await worker.drain();

    const kinds = (await documents.forDossier(dossier.id)).documents.map((d: { kind: string }) => d.kind).sort();
    expect(kinds).toEqual(
      ['decision-refusal', 'receipt', 'supplement-request', `supplement-request-${secondSeq}`].sort(),
    );
    const views = await documents.forDossier(dossier.id);
    expect(views.decision).toMatchObject({ kind: 'refusal', number: expect.stringMatching(/^\d+\/TB-SNV$/) });

    const receipt = await recordOf(dossier.id, 'receipt');
    expect(receipt.number).toMatch(/^DNA-BH-20261102-\d{5}\/TNHS-TTDVVL$/);
    const first = await pdfText(
      await writeTemp(await store.get((await recordOf(dossier.id, 'supplement-request')).objectKey)),
    );
    expect(first).toContain('Quyết định thôi việc');
    const later = await recordOf(dossier.id, `supplement-request-${secondSeq}`);
    expect(later.number).toContain(`.${secondSeq}/YCBS-TTDVVL`);
    const laterText = await pdfText(await writeTemp(await store.get(later.objectKey)));
    expect(laterText).toContain('Sổ bảo hiểm xã hội');
    expect(laterText).not.toContain('Quyết định thôi việc');

    const refusal = await recordOf(dossier.id, 'decision-refusal');
    const refusalText = await pdfText(await writeTemp(await store.get(refusal.objectKey)));
    expect(refusalText).toContain('Đã có việc làm và tham gia bảo hiểm xã hội bắt buộc.');
    const token = await citizenToken(dossier.personalId);
    const meta = await api()
      .get(`/api/v1/dossiers/${dossier.id}/decision`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(meta.body).toMatchObject({ kind: 'refusal', number: refusal.number });
    await api()
      .get(`/api/v1/dossiers/${dossier.id}/documents/supplement-request-${secondSeq}/pdf`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
  });

  it('fails a job at once when the dossier cannot make the document (no benefit periods)', async () => {
    const dossier = await insertDossier({
      output: { ...APPROVED_OUTPUT, periods: [], entitlementStart: null, entitlementEnd: null },
    });
    await transition(dossier.id, 'approve', 'APPROVED');
    await worker.drain();
    const job = await jobOf(dossier.id, 'decision-approval');
    expect(job).toMatchObject({ status: 'dead', attempts: 1 });
    expect(job.lastError).toMatch(/thời gian hưởng/);
    expect(await recordOf(dossier.id, 'decision-approval')).toBeUndefined();
  });

  it('shows staff a decision whose issuance died, and lets the Director retry it (audited); never silent', async () => {
    const dossier = await insertDossier({
      output: { ...APPROVED_OUTPUT, periods: [], entitlementStart: null, entitlementEnd: null },
    });
    await transition(dossier.id, 'approve', 'APPROVED');
    await worker.drain();
    const director = await staffToken('director', null);
    const view = await api()
      .get(`/api/v1/staff/dossiers/${dossier.id}`)
      .set('Authorization', `Bearer ${director}`)
      .expect(200);
    expect(view.body.issuance).toEqual([
      { kind: 'decision-approval', status: 'dead', attempts: 1, lastError: expect.stringMatching(/thời gian hưởng/) },
    ]);
    const retry = (token: string, kind = 'decision-approval') =>
      api()
        .post(`/api/v1/staff/dossiers/${dossier.id}/documents/${kind}/retry`)
        .set('Authorization', `Bearer ${token}`);
    await retry(await staffToken('receiver', 'DNA-BH')).expect(403);
    await retry(await staffToken('center_head', 'DNA-DX')).expect(403);
    await retry(director, 'receipt').expect(404);
    await retry(director).expect(204);
    expect(await jobOf(dossier.id, 'decision-approval')).toMatchObject({ status: 'pending', attempts: 0 });
    await retry(director).expect(404);
    const [audit] = await ds.query(
      `SELECT actor_id AS "actorId", data FROM audit_log WHERE action = 'document.issuance.retry' AND entity_id = $1`,
      [dossier.id],
    );
    expect(audit).toMatchObject({ actorId: 'test.director.tinh', data: { kind: 'decision-approval', attempts: 1 } });
  });

  it('backs off after a transient failure, and a job whose lease expired is claimed again', async () => {
    const dossier = await insertDossier();
    await transition(dossier.id, 'approve', 'APPROVED');
    await withFaultAfterUpload(
      store,
      SIGNED_PDF,
      () => Promise.reject(new Error('object store timeout')),
      () => worker.runOnce(),
    );
    const jobSql = `FROM job WHERE queue = '${ISSUANCE_QUEUE}' AND payload->>'dossierId' = $1`;
    const [afterFailure] = await ds.query(
      `SELECT status, attempts, run_at > now() + interval '5 seconds' AS "backedOff", locked_until AS "lockedUntil" ${jobSql}`,
      [dossier.id],
    );
    expect(afterFailure).toMatchObject({ status: 'pending', attempts: 1, backedOff: true, lockedUntil: null });
    expect(await worker.runOnce()).toBe(0);

    // A worker that holds the lease (alive): nobody else takes the job.
    await ds.query(
      `UPDATE job SET run_at = now(), locked_until = now() + interval '1 minute' WHERE id IN (SELECT id ${jobSql})`,
      [dossier.id],
    );
    expect(await worker.runOnce()).toBe(0);
    // A worker that died holding the lease: once the lease ran out, the job is claimed again.
    await ds.query(`UPDATE job SET locked_until = now() - interval '1 second' WHERE id IN (SELECT id ${jobSql})`, [
      dossier.id,
    ]);
    expect(await worker.runOnce()).toBe(1);
    expect(await jobOf(dossier.id, 'decision-approval')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('runs by itself once started, and stops cleanly', async () => {
    const dossier = await insertDossier();
    await transition(dossier.id, 'approve', 'APPROVED');
    worker.start();
    try {
      for (let i = 0; i < 100 && (await jobOf(dossier.id, 'decision-approval')).status !== 'done'; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.stop();
    }
    expect(await jobOf(dossier.id, 'decision-approval')).toMatchObject({ status: 'done' });
  });
});
