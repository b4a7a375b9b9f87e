import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { sql } from '../../src/platform/database/sql';
import { CenterDirectory } from '../../src/dossiers/center-directory';
import { DossierRecord, DossierRepository, NewDossier } from '../../src/dossiers/dossier.repository';
import { DraftRepository } from '../../src/dossiers/drafts/draft.repository';
import { SignerRepository } from '../../src/organisation/signer.repository';
import { createTestDatabase } from '../support/database';
import { allEntities } from '../support/entities';

/**
 * The dossiers and organisation repositories on PostgreSQL with the real migrations: reads through the entities give
 * the records the services used to get from hand-formatted SQL (timestamps as RFC 3339 UTC with milliseconds, dates
 * as `YYYY-MM-DD`, sizes as numbers), and agree with the statements that stay raw.
 */
describe('dossier and organisation persistence (entities and typed SQL)', () => {
  let dataSource: DataSource;
  let dossiers: DossierRepository;
  let centers: CenterDirectory;
  let drafts: DraftRepository;
  let signers: SignerRepository;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({
      type: 'postgres',
      url,
      entities: allEntities(),
    }).initialize();
    dossiers = new DossierRepository(dataSource);
    centers = new CenterDirectory(dataSource);
    drafts = new DraftRepository(dataSource);
    signers = new SignerRepository(dataSource);
    await centers.seed([
      { code: 'PT-A', name: 'Trung tâm A', provinceName: 'Tỉnh Thử', communes: ['00001'] },
      { code: 'PT-B', name: 'Trung tâm B', provinceName: 'Tỉnh Thử', address: 'Số 2', phone: '0200', hours: '7h-17h' },
    ]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  async function fileDossier(personalId: string): Promise<DossierRecord> {
    return dataSource.transaction(async (em) => {
      const seq = await dossiers.nextSequence(em, 'PT-A', '2026-11-27');
      return dossiers.insert(em, {
        id: randomUUID(),
        code: `PT-A-20261127-${String(seq).padStart(5, '0')}`,
        personalId,
        centerCode: 'PT-A',
        channel: 'online',
        portalDossierCode: null,
        fullName: 'Nguyễn Văn An',
        searchName: 'nguyen van an',
        // The repository stores the JSON as given (its shape is the filing's concern): a stand-in here.
        ...({
          applicant: { personalId, fullName: 'Nguyễn Văn An' },
          application: { centerCode: 'PT-A' },
          assessment: { assessedAt: '2026-11-27T01:00:00.000Z' },
        } as unknown as Pick<NewDossier, 'applicant' | 'application' | 'assessment'>),
        insurance: null,
        flags: [],
        terminationDate: '2026-11-01',
        filedAt: '2026-11-27T01:02:03.456Z',
      });
    });
  }

  it('numbers the dossiers of a center and day one after another', async () => {
    const day = '2026-10-01';
    const numbers = await dataSource.transaction(async (em) => [
      await dossiers.nextSequence(em, 'PT-B', day),
      await dossiers.nextSequence(em, 'PT-B', day),
      await dossiers.nextSequence(em, 'PT-B', '2026-10-02'),
    ]);
    expect(numbers).toEqual([1, 2, 1]);
  });

  it('reads the history through the entity exactly as the append returned it (timestamps cut to milliseconds)', async () => {
    const dossier = await fileDossier('079090000101');
    const appended = await dataSource.transaction(async (em) => [
      await dossiers.appendEventRecord(em, dossier.id, {
        // Microseconds: PostgreSQL keeps them; both reads must show the same milliseconds.
        occurredAt: '2026-11-27T01:02:03.456789Z',
        action: 'submit',
        fromStatus: null,
        toStatus: 'SUBMITTED',
        actorType: 'citizen',
        actorId: dossier.personalId,
        actorName: null,
        note: null,
        data: {},
      }),
      await dossiers.appendEventRecord(em, dossier.id, {
        occurredAt: '2026-11-28T08:00:00+07:00',
        action: 'request_supplement',
        fromStatus: 'SUBMITTED',
        toStatus: 'SUPPLEMENT_REQUESTED',
        actorType: 'staff',
        actorId: 'canbo1',
        actorName: 'Cán bộ Một',
        note: 'Bổ sung giấy tờ',
        data: { items: ['termination_proof'], actorRole: 'intake_officer' },
      }),
    ]);
    expect(appended.map((e) => [e.seq, e.occurredAt])).toEqual([
      [1, '2026-11-27T01:02:03.456Z'],
      [2, '2026-11-28T01:00:00.000Z'],
    ]);
    expect(await dossiers.history(dossier.id)).toEqual(appended);
    expect(await dossiers.event(undefined, dossier.id, 2)).toEqual(appended[1]);
    expect(await dossiers.event(undefined, dossier.id, 3)).toBeUndefined();
    const other = await fileDossier('079090000102');
    const batched = await dossiers.historiesOf([other.id, dossier.id]);
    expect([...batched.entries()]).toEqual([
      [other.id, []],
      [dossier.id, appended],
    ]);
  });

  it('stores attachments and reads them back in upload order, alone and in a batch', async () => {
    const dossier = await fileDossier('079090000103');
    const file = (n: number, uploadedAt: string) => ({
      id: randomUUID(),
      dossierId: dossier.id,
      kind: 'termination_proof',
      fileName: `giay-to-termination-proof-${n}.pdf`,
      contentType: 'application/pdf',
      size: 1000 + n,
      sha256: String(n).repeat(64),
      objectKey: `dossiers/${dossier.id}/attachments/${n}`,
      uploadedAt,
      uploadedBy: 'citizen:079090000103',
    });
    const second = file(2, '2026-11-27T02:00:00.000Z');
    const first = file(1, '2026-11-27T01:59:59.999Z');
    await dataSource.transaction(async (em) => {
      await dossiers.lock(em, dossier.id);
      await dossiers.insertAttachment(em, second);
      await dossiers.insertAttachment(em, first);
    });
    expect(await dossiers.attachments(dossier.id)).toEqual([first, second]);
    const batched = await dossiers.attachmentsOf([dossier.id, randomUUID()]);
    expect(batched.get(dossier.id)).toEqual([first, second]);
    expect([...batched.values()][1]).toEqual([]);
  });

  it('keeps the public directory, the center lookup and the administered view consistent', async () => {
    expect(await centers.takesDossiers('PT-A')).toBe(true);
    expect(await centers.takesDossiers('PT-Z')).toBe(false);
    expect(await centers.summary('PT-B')).toEqual({
      code: 'PT-B',
      name: 'Trung tâm B',
      provinceName: 'Tỉnh Thử',
      address: 'Số 2',
    });
    await dataSource.transaction(async (em) => {
      expect(
        await centers.insert(em, 'PT-C', {
          name: 'Trung tâm C',
          provinceName: 'Tỉnh Thử',
          address: '',
          phone: '',
          hours: '',
          communes: ['00003'],
        }),
      ).toBe(true);
      expect(
        await centers.insert(em, 'PT-C', {
          name: 'Trùng mã',
          provinceName: 'Tỉnh Thử',
          address: '',
          phone: '',
          hours: '',
          communes: [],
        }),
      ).toBe(false);
      await centers.update(em, 'PT-C', {
        name: 'Trung tâm C mới',
        provinceName: 'Tỉnh Thử',
        address: 'Số 3',
        phone: '0300',
        hours: '8h-16h',
        communes: ['00003', '00004'],
      });
      expect(await centers.communeOwners(em, ['00001', '00004', '00009'], 'PT-A')).toEqual([
        { code: 'PT-C', commune: '00004' },
      ]);
    });
    const open = await fileDossier('079090000104');
    const at = new Date('2026-11-29T03:04:05.678Z');
    const moved = await dataSource.transaction(async (em) => {
      expect((await centers.find('PT-A', em, true))?.active).toBe(true);
      await centers.close(em, 'PT-A', 'PT-C', 'Sáp nhập', at);
      return centers.moveDossiers(em, 'PT-A', 'PT-C', []);
    });
    expect(moved).toContainEqual({ id: open.id, code: open.code, status: 'SUBMITTED' });
    expect((await dossiers.findById(open.id))?.centerCode).toBe('PT-C');
    expect(await centers.find('PT-A')).toEqual({
      code: 'PT-A',
      name: 'Trung tâm A',
      provinceName: 'Tỉnh Thử',
      address: '',
      phone: '',
      hours: '',
      communes: [],
      active: false,
      closedAt: '2026-11-29T03:04:05.678Z',
      closedReason: 'Sáp nhập',
      successorCode: 'PT-C',
    });
    expect((await centers.find('PT-C'))?.communes).toEqual(['00001', '00003', '00004']);
    expect((await centers.list()).map((c) => [c.code, c.active])).toEqual([
      ['PT-B', true],
      ['PT-C', true],
      ['PT-A', false],
    ]);
    expect((await centers.publicDirectory()).map((c) => c.code)).toEqual(['PT-B', 'PT-C']);
    expect(await centers.takesDossiers('PT-A')).toBe(false);
    expect(await dataSource.transaction((em) => centers.firstActive(em))).toBe('PT-B');
  });

  it('keeps a draft and its files, replaces the answers, and removes only the owner’s file', async () => {
    const person = '079090000105';
    expect(await drafts.find(person)).toBeNull();
    await drafts.save(person, { phone: '0900000000' }, '2026-11-27T01:00:00.123Z');
    await drafts.save(person, { phone: '0911111111' }, '2026-11-27T02:00:00.456Z');
    expect(await drafts.find(person)).toEqual({
      personalId: person,
      data: { phone: '0911111111' },
      updatedAt: '2026-11-27T02:00:00.456Z',
    });
    const file = {
      id: randomUUID(),
      personalId: person,
      kind: 'termination_proof',
      contentType: 'image/png',
      size: 2048,
      sha256: 'a'.repeat(64),
      objectKey: `drafts/${person}/a`,
      uploadedAt: '2026-11-27T02:01:00.000Z',
    };
    await dataSource.transaction(async (em) => {
      await drafts.ensure(em, person, '2026-11-27T02:01:00.000Z');
      await drafts.lock(em, person);
      await drafts.insertAttachment(em, file);
    });
    expect(await drafts.attachments(person)).toEqual([file]);
    expect(await drafts.deleteAttachment('079090000999', file.id)).toBe(false);
    expect(await drafts.deleteAttachment(person, file.id)).toBe(true);
    expect(await drafts.attachments(person)).toEqual([]);
    await drafts.delete(person);
    expect(await drafts.find(person)).toBeNull();
  });

  it('gives a signer period the same shape by id, by scope and in force on a day', async () => {
    const id = randomUUID();
    const fields = {
      scope: 'department',
      capacity: 'deputy' as const,
      fullName: 'Trần Thị Bình',
      staffUsername: null,
      validFrom: '2026-01-01',
      validTo: '2026-06-30',
      certificateRef: null,
    };
    await dataSource.transaction(async (em) => {
      await signers.lockScope(em, 'department');
      await signers.insert(em, id, fields, 'admin');
    });
    const stored = { id, ...fields, signatureImageKey: null };
    expect(await signers.find(id)).toEqual(stored);
    expect(await signers.inForce('department', '2026-06-30')).toEqual(stored);
    expect(await signers.inForce('department', '2026-07-01')).toBeUndefined();
    await dataSource.transaction(async (em) => {
      await signers.update(em, id, { ...fields, validTo: null, staffUsername: 'giamdoc' });
      await signers.setSignatureImage(em, id, 'signers/x.png');
    });
    const changed = { ...stored, validTo: null, staffUsername: 'giamdoc', signatureImageKey: 'signers/x.png' };
    expect(await signers.list('department')).toEqual([changed]);
    expect(await signers.list()).toEqual([changed]);
    expect(await signers.inForce('department', '2030-01-01')).toEqual(changed);
    const [{ updated }] = await sql.rows<{ updated: boolean }>(
      dataSource,
      `SELECT updated_at > created_at AS updated FROM signer_authority WHERE id = $1`,
      [id],
    );
    expect(updated).toBe(true);
  });
});
