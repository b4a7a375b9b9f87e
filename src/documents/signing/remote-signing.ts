import { createHash } from 'node:crypto';
import type { SigningIdentity } from './signing-identity';

/**
 * Remote signing (a provincial signing service such as the Ban Cơ yếu Chính phủ's, or an HSM behind an
 * HTTP gateway): the key never leaves the service; this process sends the SHA-256 digest of what it signs.
 *
 * The contract (docs/documents.md, "Remote signing"), relative to REMOTE_SIGNING_URL:
 *
 * - `GET  keys/{keyId}/certificates` → `{"certificates": ["<base64 DER>", ...]}`, the signer's first, then the chain;
 * - `POST keys/{keyId}/sign` `{"algorithm": "RSASSA-PKCS1-v1_5-SHA256", "digest": "<base64 SHA-256>"}`
 *   → `{"signature": "<base64>"}` (PKCS#1 v1.5 over the DigestInfo of that digest).
 *
 * REMOTE_SIGNING_AUTHORIZATION, when set, is sent as the Authorization header of every call.
 */
export interface RemoteSigningOptions {
  readonly baseUrl: string;
  readonly authorization?: string;
  readonly timeoutMs?: number;
}

export const REMOTE_SIGNING_ALGORITHM = 'RSASSA-PKCS1-v1_5-SHA256';

export class RemoteSigningClient {
  constructor(private readonly options: RemoteSigningOptions) {}

  private url(path: string): string {
    return new URL(
      path,
      this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`,
    ).toString();
  }

  private async call(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
    const response = await fetch(this.url(path), {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(this.options.authorization ? { authorization: this.options.authorization } : {}),
      },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
    if (!response.ok) throw new Error(`Remote signing ${path} answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  }

  async certificates(keyId: string): Promise<Buffer[]> {
    const body = await this.call(`keys/${encodeURIComponent(keyId)}/certificates`);
    const list = body.certificates;
    if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string'))
      throw new Error('Remote signing: "certificates" must be a non-empty list of base64 DER certificates');
    return list.map((item: string) => Buffer.from(item, 'base64'));
  }

  async sign(keyId: string, data: Buffer): Promise<Buffer> {
    const digest = createHash('sha256').update(data).digest('base64');
    const body = await this.call(`keys/${encodeURIComponent(keyId)}/sign`, {
      method: 'POST',
      body: JSON.stringify({ algorithm: REMOTE_SIGNING_ALGORITHM, digest }),
    });
    if (typeof body.signature !== 'string' || body.signature === '')
      throw new Error('Remote signing: no "signature" in the answer');
    return Buffer.from(body.signature, 'base64');
  }
}

/** A signing identity whose key stays in the remote service. */
export async function openRemoteSigningIdentity(
  client: RemoteSigningClient,
  keyId: string,
  signerName = keyId,
): Promise<SigningIdentity> {
  const certificates = await client.certificates(keyId);
  return { certificates, signerName, sign: (data) => client.sign(keyId, data) };
}
