/**
 * In-memory storage for the sandbox e-ID provider (oidc-provider's adapter interface). Sandbox data is throwaway:
 * sessions, codes and interactions live for minutes and are lost on restart, which is what a test environment wants.
 * Expired entries are dropped when touched and by a sweep on each write.
 */
interface Entry {
  payload: Record<string, any>;
  expiresAt: number;
}

const store = new Map<string, Entry>();
const grants = new Map<string, Set<string>>();

function key(model: string, id: string): string {
  return `${model}:${id}`;
}

function live(k: string): Record<string, any> | undefined {
  const entry = store.get(k);
  if (!entry) return undefined;
  if (entry.expiresAt <= Date.now()) {
    store.delete(k);
    return undefined;
  }
  return entry.payload;
}

function sweep(): void {
  const now = Date.now();
  for (const [k, entry] of store) if (entry.expiresAt <= now) store.delete(k);
}

export class SandboxEidMemoryAdapter {
  constructor(private readonly model: string) {}

  async upsert(id: string, payload: Record<string, any>, expiresIn: number): Promise<void> {
    if (store.size > 10_000) sweep();
    const k = key(this.model, id);
    store.set(k, { payload: { ...payload }, expiresAt: Date.now() + (expiresIn || 3600) * 1000 });
    if (payload.grantId) {
      const set = grants.get(payload.grantId) ?? new Set<string>();
      set.add(k);
      grants.set(payload.grantId, set);
    }
    if (payload.uid)
      store.set(key(this.model, `uid:${payload.uid}`), {
        payload: { id },
        expiresAt: Date.now() + (expiresIn || 3600) * 1000,
      });
    if (payload.userCode) {
      store.set(key(this.model, `userCode:${payload.userCode}`), {
        payload: { id },
        expiresAt: Date.now() + (expiresIn || 3600) * 1000,
      });
    }
  }

  async find(id: string): Promise<Record<string, any> | undefined> {
    return live(key(this.model, id));
  }

  async findByUid(uid: string): Promise<Record<string, any> | undefined> {
    const ref = live(key(this.model, `uid:${uid}`));
    return ref ? this.find(ref.id) : undefined;
  }

  async findByUserCode(userCode: string): Promise<Record<string, any> | undefined> {
    const ref = live(key(this.model, `userCode:${userCode}`));
    return ref ? this.find(ref.id) : undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = live(key(this.model, id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    store.delete(key(this.model, id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const k of grants.get(grantId) ?? []) store.delete(k);
    grants.delete(grantId);
  }
}
