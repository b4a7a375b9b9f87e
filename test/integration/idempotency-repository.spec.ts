import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../src/platform/errors/domain-error';
import { IdempotencyKeyEntity } from '../../src/platform/idempotency/idempotency-key.entity';
import { IdempotencyRepository, requestHash } from '../../src/platform/idempotency/idempotency.repository';
import { createTestDatabase } from '../support/database';

/** `Idempotency-Key` storage on PostgreSQL with the real migrations, through its entity and its one upsert. */
describe('idempotency repository (table idempotency_key)', () => {
  let ds: DataSource;
  let repo: IdempotencyRepository;
  let seq = 0;
  const newKey = () => `key-${++seq}`;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url, entities: [IdempotencyKeyEntity] }).initialize();
    repo = new IdempotencyRepository(ds);
  });
  afterAll(() => ds.destroy());

  it('claims a new key, hides it from lookups until completed, then answers with the stored response', async () => {
    const key = newKey();
    const hash = requestHash({ a: 1, b: [2, 3] });
    const body = { code: 'HS-1', nested: { list: [1, 'hai', null], flag: true } };
    await ds.transaction(async (em) => {
      expect(await repo.claim(em, 'citizen:1', key, hash)).toBeNull();
      // Inside the creating transaction the key is still in progress: nobody else may answer from it yet.
      expect(await repo.lookup('citizen:1', key, hash)).toBeNull();
      await repo.complete(em, 'citizen:1', key, { status: 201, body });
    });
    expect(await repo.lookup('citizen:1', key, hash)).toEqual({ status: 201, body });
    // A retry that reaches the transaction gets the same answer from the claim.
    expect(await ds.transaction((em) => repo.claim(em, 'citizen:1', key, hash))).toEqual({ status: 201, body });
    const [row] = await ds.query(
      `SELECT response_status AS status, response_body AS body FROM idempotency_key WHERE scope = $1 AND key = $2`,
      ['citizen:1', key],
    );
    expect(row).toEqual({ status: 201, body });
  });

  it('refuses the same key with a different body (409 idempotency mismatch), in lookup and in claim', async () => {
    const key = newKey();
    await ds.transaction(async (em) => {
      await repo.claim(em, 'citizen:2', key, requestHash({ n: 1 }));
      await repo.complete(em, 'citizen:2', key, { status: 201, body: { ok: true } });
    });
    const other = requestHash({ n: 2 });
    const mismatch = expect.objectContaining({ code: ErrorCode.IdempotencyMismatch });
    await expect(repo.lookup('citizen:2', key, other)).rejects.toEqual(mismatch);
    await expect(ds.transaction((em) => repo.claim(em, 'citizen:2', key, other))).rejects.toBeInstanceOf(DomainError);
  });

  it('keeps keys apart by scope, and a rolled-back claim leaves the key free', async () => {
    const key = newKey();
    const hash = requestHash({ same: 'body' });
    await expect(
      ds.transaction(async (em) => {
        expect(await repo.claim(em, 'citizen:3', key, hash)).toBeNull();
        throw new Error('filing failed');
      }),
    ).rejects.toThrow('filing failed');
    expect(await ds.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [key])).toHaveLength(0);
    await ds.transaction(async (em) => {
      expect(await repo.claim(em, 'citizen:3', key, hash)).toBeNull();
      await repo.complete(em, 'citizen:3', key, { status: 201, body: 'first' });
    });
    // The same key under another scope (another citizen) is another request altogether.
    expect(await repo.lookup('citizen:4', key, hash)).toBeNull();
    expect(await ds.transaction((em) => repo.claim(em, 'citizen:4', key, hash))).toBeNull();
    expect(await repo.lookup('citizen:3', key, hash)).toEqual({ status: 201, body: 'first' });
  });
});
