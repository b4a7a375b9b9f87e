import { importJWK, type CryptoKey, type JWK, type KeyObject } from 'jose';

export const PEER_PROVINCES = Symbol('PEER_PROVINCES');

/** What the transfers module knows of the federation (from `PROVINCE_CODE`, `PEER_PROVINCES`, `PEER_CLIENT_*`). */
export interface PeerProvinces {
  readonly ownProvince: string;
  readonly peers: readonly { provinceCode: string; url: string }[];
  readonly client?: { clientId: string; clientSecret: string };
}

/** One delivery attempt: accepted (with the receiving dossier), refused for good (with the reason), or transient. */
export type DeliveryOutcome =
  | { kind: 'accepted'; dossierCode: string }
  | { kind: 'refused'; code: string; reason: string }
  | { kind: 'failed'; error: string; aborted?: boolean };

const TIMEOUT_MS = 15_000;

/**
 * The production adapter to the other provinces' systems (the same code talks to a peer in tests): client
 * credentials at the peer's `POST /api/v1/auth/clients/token`, the signed package to `POST /api/v1/transfers/packages`
 * with `Idempotency-Key: <packageId>`, and the peer's signing keys from `GET /api/v1/transfers/keys`.
 */
export class PeerProvinceClient {
  private readonly tokens = new Map<string, { token: string; until: number }>();
  private readonly keys = new Map<string, { key: CryptoKey | KeyObject; until: number }>();

  constructor(private readonly config: PeerProvinces) {}

  /** Provinces a benefit can be sent to: the configured peers, once this province has credentials for them. */
  destinations(): string[] {
    return this.config.client ? this.config.peers.map((p) => p.provinceCode) : [];
  }

  peer(provinceCode: string): { provinceCode: string; url: string } | undefined {
    return this.config.peers.find((p) => p.provinceCode === provinceCode);
  }

  async deliver(provinceCode: string, packageId: string, jws: string, signal: AbortSignal): Promise<DeliveryOutcome> {
    const peer = this.peer(provinceCode);
    if (!peer || !this.config.client) return { kind: 'failed', error: `province ${provinceCode} is not configured` };
    try {
      const token = await this.token(peer.url, signal);
      const response = await fetch(`${peer.url}/api/v1/transfers/packages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': packageId,
        },
        body: JSON.stringify({ package: jws }),
        signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
        redirect: 'error',
      });
      const body = (await response.json().catch(() => ({}))) as {
        dossierCode?: string;
        detail?: string;
        errors?: { code?: string; message?: string }[];
      };
      if (response.ok && typeof body.dossierCode === 'string')
        return { kind: 'accepted', dossierCode: body.dossierCode };
      if (response.status === 401) this.tokens.delete(peer.url);
      // 422: the peer read the package and refused it for a reason that a retry will not change.
      if (response.status === 422)
        return {
          kind: 'refused',
          code: body.errors?.[0]?.code ?? 'refused',
          reason: body.errors?.[0]?.message ?? body.detail ?? 'Tỉnh nhận từ chối gói hồ sơ chuyển.',
        };
      return { kind: 'failed', error: `HTTP ${response.status}${body.detail ? `: ${body.detail.slice(0, 200)}` : ''}` };
    } catch (error) {
      if (signal.aborted) return { kind: 'failed', aborted: true, error: 'interrupted: service stopping' };
      const cause = (error as { cause?: { code?: string } }).cause;
      return { kind: 'failed', error: `network error: ${cause?.code ?? (error as Error).message}` };
    }
  }

  /** The peer's public key of this id (cached for an hour; an unknown id is fetched again). */
  async verificationKey(provinceCode: string, kid: string): Promise<CryptoKey | KeyObject | undefined> {
    const peer = this.peer(provinceCode);
    if (!peer) return undefined;
    const cacheKey = `${provinceCode}/${kid}`;
    const cached = this.keys.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.key;
    const response = await fetch(`${peer.url}/api/v1/transfers/keys`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`keys of ${provinceCode}: HTTP ${response.status}`);
    const { keys } = (await response.json()) as { keys?: JWK[] };
    const jwk = (keys ?? []).find((k) => k.kid === kid && k.kty === 'EC' && k.crv === 'P-256');
    if (!jwk) return undefined;
    const key = await importJWK({ ...jwk, alg: 'ES256' }, 'ES256');
    if (key instanceof Uint8Array) return undefined;
    this.keys.set(cacheKey, { key, until: Date.now() + 3_600_000 });
    return key;
  }

  private async token(url: string, signal: AbortSignal): Promise<string> {
    const cached = this.tokens.get(url);
    if (cached && cached.until > Date.now()) return cached.token;
    const response = await fetch(`${url}/api/v1/auth/clients/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(this.config.client),
      signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`client credentials refused by ${url}: HTTP ${response.status}`);
    const { accessToken, expiresIn } = (await response.json()) as { accessToken: string; expiresIn: number };
    this.tokens.set(url, { token: accessToken, until: Date.now() + Math.max(0, expiresIn - 30) * 1000 });
    return accessToken;
  }
}
