import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * In-memory storage for the sandbox e-ID provider (oidc-provider's adapter interface). Sandbox data is throwaway:
 * sessions, codes and interactions live for minutes and are lost on restart, which is what a test environment wants.
 * Expired entries are dropped when touched and by a sweep on each write.
 */
interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/** A secondary key (an interaction's uid, a device flow's user code) pointing at the entry's id. */
interface Ref {
  id: string;
  expiresAt: number;
}

const store = new Map<string, Entry>();
const refs = new Map<string, Ref>();
const grants = new Map<string, Set<string>>();

function key(model: string, id: string): string {
  return `${model}:${id}`;
}

function live<T extends { expiresAt: number }>(map: Map<string, T>, k: string): T | undefined {
  const entry = map.get(k);
  if (!entry) return undefined;
  if (entry.expiresAt <= Date.now()) {
    map.delete(k);
    return undefined;
  }
  return entry;
}

function sweep(): void {
  const now = Date.now();
  for (const [k, entry] of store) if (entry.expiresAt <= now) store.delete(k);
  for (const [k, ref] of refs) if (ref.expiresAt <= now) refs.delete(k);
}

export class SandboxEidMemoryAdapter implements Adapter {
  constructor(private readonly model: string) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    if (store.size + refs.size > 10_000) sweep();
    const k = key(this.model, id);
    const expiresAt = Date.now() + (expiresIn || 3600) * 1000;
    store.set(k, { payload: { ...payload }, expiresAt });
    if (payload.grantId) {
      const set = grants.get(payload.grantId) ?? new Set<string>();
      set.add(k);
      grants.set(payload.grantId, set);
    }
    if (payload.uid) refs.set(key(this.model, `uid:${payload.uid}`), { id, expiresAt });
    if (payload.userCode) refs.set(key(this.model, `userCode:${payload.userCode}`), { id, expiresAt });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return live(store, key(this.model, id))?.payload;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const ref = live(refs, key(this.model, `uid:${uid}`));
    return ref ? this.find(ref.id) : undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const ref = live(refs, key(this.model, `userCode:${userCode}`));
    return ref ? this.find(ref.id) : undefined;
  }

  async consume(id: string): Promise<void> {
    const entry = live(store, key(this.model, id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    store.delete(key(this.model, id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const k of grants.get(grantId) ?? []) store.delete(k);
    grants.delete(grantId);
  }
}
