import type { ObjectStore } from '../../src/platform/storage/object-store.port';

/**
 * Runs `body` with a fault after every completed upload to `store` whose key matches `keys`: the bytes are stored,
 * then `fault(key)` runs where `put` returns, so a rejection stops the caller right after the upload, as a crash
 * there would (e.g. issuance between storing the signed PDF and inserting its record). The store is the running
 * application's own (`app.get(OBJECT_STORE)`); its `put` is restored afterwards.
 */
export async function withFaultAfterUpload<T>(
  store: ObjectStore,
  keys: RegExp,
  fault: (key: string) => Promise<void>,
  body: () => Promise<T>,
): Promise<T> {
  const put = store.put;
  store.put = async (key, bytes, contentType, metadata) => {
    await put.call(store, key, bytes, contentType, metadata);
    if (keys.test(key)) await fault(key);
  };
  try {
    return await body();
  } finally {
    store.put = put;
  }
}
