import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedS3, startEmbeddedS3 } from './embedded-s3';
import { S3ObjectStore } from './s3-object-store.adapter';

describe('S3 object store on the embedded S3 server', () => {
  let s3: EmbeddedS3;
  let store: S3ObjectStore;
  const dir = mkdtempSync(join(tmpdir(), 'tctn-s3-'));

  beforeAll(async () => {
    s3 = await startEmbeddedS3(dir);
    store = new S3ObjectStore(s3.settings);
    await store.ensureBucket();
  });
  afterAll(() => s3.stop());

  it('stores and returns bytes unchanged, and tells what exists', async () => {
    const bytes = Buffer.from('%PDF-1.7 Nguyễn Thị Ánh\n');
    await store.put('dossiers/a/file.pdf', bytes, 'application/pdf');
    expect(await store.get('dossiers/a/file.pdf')).toEqual(bytes);
    expect(await store.exists('dossiers/a/file.pdf')).toBe(true);
    expect(await store.exists('dossiers/a/missing.pdf')).toBe(false);
  });

  it('keeps objects on disk across a restart of the server', async () => {
    await store.put('kept.txt', Buffer.from('còn đây'), 'text/plain');
    await s3.stop();
    s3 = await startEmbeddedS3(dir);
    store = new S3ObjectStore(s3.settings);
    expect((await store.get('kept.txt')).toString()).toBe('còn đây');
  });
});
