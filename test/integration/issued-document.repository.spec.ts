import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase } from '../support/database';
import { DocumentNumberSequenceEntity } from '../../src/documents/persistence/document-number-sequence.entity';
import { IssuedDocumentEntity } from '../../src/documents/persistence/issued-document.entity';
import {
  IssuedDocumentRepository,
  NewIssuedDocument,
} from '../../src/documents/persistence/issued-document.repository';

/** Signed documents and their number registers on PostgreSQL with the real migrations. */
describe('IssuedDocumentRepository on PostgreSQL', () => {
  let dataSource: DataSource;
  let documents: IssuedDocumentRepository;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({
      type: 'postgres',
      url,
      entities: [IssuedDocumentEntity, DocumentNumberSequenceEntity],
    }).initialize();
    documents = new IssuedDocumentRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  /** Writes without the dossier rows the foreign key asks for (the owner's session skips FK triggers). */
  function withoutDossiers<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      return work(em);
    });
  }

  function newDocument(dossierId: string, kind: string, issuedAt: string, number: string | null): NewIssuedDocument {
    return {
      id: randomUUID(),
      dossierId,
      kind,
      number,
      authoritySymbol: 'SNV',
      year: 2026,
      verificationCode: randomUUID().replace(/-/g, '').slice(0, 20).toUpperCase(),
      sha256: 'ab'.repeat(32),
      objectKey: `documents/${dossierId}/${kind}.pdf`,
      holderName: 'Nguyễn Thị Ánh Tuyết',
      issuerName: 'Sở Nội vụ tỉnh Đồng Nai',
      issuedAt: new Date(issuedAt),
    };
  }

  it('hands out the numbers of each register and year in order, and gives back those of a rolled-back issuance', async () => {
    const taken = async (register: string, year: number) =>
      dataSource.transaction((em) => documents.nextNumber(em, register, year));
    expect([await taken('SNV', 2026), await taken('SNV', 2026), await taken('SNV', 2026)]).toEqual([1, 2, 3]);
    expect(await taken('SNV', 2027)).toBe(1);
    expect(await taken('TTDVVL', 2026)).toBe(1);
    await expect(
      dataSource.transaction(async (em) => {
        await documents.nextNumber(em, 'SNV', 2026);
        throw new Error('signing failed');
      }),
    ).rejects.toThrow('signing failed');
    expect(await taken('SNV', 2026)).toBe(4);
  });

  it('gives the same record through the issuance read and the entity reads, timestamps in RFC 3339 UTC with milliseconds', async () => {
    const dossierId = randomUUID();
    const d = newDocument(dossierId, 'decision-approval', '2026-11-26T03:00:00.123Z', '12');
    await withoutDossiers((em) => documents.insert(em, d));
    const expected = {
      id: d.id,
      dossierId,
      kind: 'decision-approval',
      number: '12',
      authoritySymbol: 'SNV',
      year: 2026,
      verificationCode: d.verificationCode,
      sha256: 'ab'.repeat(32),
      objectKey: d.objectKey,
      holderName: 'Nguyễn Thị Ánh Tuyết',
      issuerName: 'Sở Nội vụ tỉnh Đồng Nai',
      issuedAt: '2026-11-26T03:00:00.123Z',
      status: 'issued',
      revokedAt: null,
      revocationReason: null,
      revokedBy: null,
    };
    expect(await documents.findByDossierAndKind(dossierId, 'decision-approval')).toEqual(expected);
    expect(await documents.findByVerificationCode(d.verificationCode)).toEqual(expected);
    expect(await documents.findDecision(dossierId)).toEqual(expected);
    expect(await documents.listForDossier(dossierId)).toEqual([expected]);
    expect(await documents.findByVerificationCode('KHONGCO')).toBeUndefined();
    expect(await documents.findByDossierAndKind(dossierId, 'receipt')).toBeUndefined();
  });

  it('lists the documents of one or several dossiers by issue time, then kind', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await withoutDossiers(async (em) => {
      await documents.insert(em, newDocument(a, 'supplement-request', '2026-11-05T01:00:00.000Z', null));
      await documents.insert(em, newDocument(b, 'receipt', '2026-11-03T01:00:00.000Z', null));
      await documents.insert(em, newDocument(a, 'receipt', '2026-11-03T01:00:00.000Z', null));
    });
    const order = (records: { dossierId: string; kind: string }[]) =>
      records.map((r) => `${r.dossierId === a ? 'a' : 'b'}:${r.kind}`);
    expect(order(await documents.listForDossier(a))).toEqual(['a:receipt', 'a:supplement-request']);
    const both = order(await documents.listForDossiers([a, b]));
    expect(both.slice(0, 2).sort()).toEqual(['a:receipt', 'b:receipt']);
    expect(both[2]).toBe('a:supplement-request');
    expect(await documents.listForDossiers([])).toEqual([]);
  });

  it('finds the approval before a refusal, and keeps the decision locked for the transaction that asked', async () => {
    const dossierId = randomUUID();
    await withoutDossiers(async (em) => {
      await documents.insert(em, newDocument(dossierId, 'decision-refusal', '2026-11-20T01:00:00.000Z', '7'));
      await documents.insert(em, newDocument(dossierId, 'decision-approval', '2026-11-26T01:00:00.000Z', '8'));
    });
    expect((await documents.findDecision(dossierId))?.kind).toBe('decision-approval');
    await dataSource.transaction(async (em) => {
      const locked = await documents.findDecision(dossierId, { em, forUpdate: true });
      expect(locked?.kind).toBe('decision-approval');
      await expect(
        dataSource.query(`SELECT id FROM issued_document WHERE id = $1 FOR UPDATE NOWAIT`, [locked?.id]),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
  });

  it('revokes an issued decision once, recording when, why and by whom', async () => {
    const dossierId = randomUUID();
    const d = newDocument(dossierId, 'decision-approval', '2026-11-26T03:00:00.000Z', '9');
    await withoutDossiers((em) => documents.insert(em, d));
    const first = {
      at: new Date('2026-12-01T02:30:00.456Z'),
      reason: 'Quyết định ban hành sai đối tượng',
      by: 'giamdoc',
    };
    await dataSource.transaction((em) => documents.revoke(em, d.id, first));
    const again = { at: new Date('2026-12-02T02:30:00.000Z'), reason: 'Lần hai', by: 'khac' };
    await dataSource.transaction((em) => documents.revoke(em, d.id, again));
    const revoked = {
      status: 'revoked',
      revokedAt: '2026-12-01T02:30:00.456Z',
      revocationReason: 'Quyết định ban hành sai đối tượng',
      revokedBy: 'giamdoc',
    };
    expect(await documents.findByVerificationCode(d.verificationCode)).toMatchObject(revoked);
    expect(await documents.findByDossierAndKind(dossierId, 'decision-approval')).toMatchObject(revoked);
  });
});
