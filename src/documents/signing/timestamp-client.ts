import { createHash, randomBytes } from 'node:crypto';
import {
  derBytes,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  derTlv,
  readDerChildren,
  readDerElement,
} from './der-encoding';

/**
 * RFC 3161 time-stamping: the port through which a signature gets its timestamp token (PAdES B-T).
 * Production: `HttpTimestampClient` against the TSA at TSA_URL; sandbox: the embedded TSA (src/sandbox).
 */
export interface TimestampClient {
  /** A TimeStampToken (CMS ContentInfo, DER) over SHA-256(`data`). */
  timestamp(data: Buffer): Promise<Buffer>;
}

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/** TimeStampReq (RFC 3161 §2.4.1): version 1, SHA-256 message imprint, a 64-bit nonce, certReq TRUE. */
export function timestampRequest(data: Buffer, nonce: Buffer = randomBytes(8)): Buffer {
  const digest = createHash('sha256').update(data).digest();
  const imprint = derSequence(derSequence(derOid(SHA256_OID), derNull()), derOctetString(digest));
  const positiveNonce = nonce[0] & 0x80 ? Buffer.concat([Buffer.from([0]), nonce]) : nonce;
  return derSequence(
    derTlv(0x02, Buffer.from([1])),
    imprint,
    derTlv(0x02, positiveNonce),
    derTlv(0x01, Buffer.from([0xff])),
  );
}

/** The token out of a TimeStampResp; throws unless the status is granted (0) or grantedWithMods (1). */
export function tokenFromResponse(response: Buffer): Buffer {
  const outer = readDerElement(response, 0);
  const [status, token] = readDerChildren(response, outer);
  const [code] = readDerChildren(response, status);
  const value = response[code.contentStart];
  if (value !== 0 && value !== 1) throw new Error(`The timestamp authority refused the request (status ${value})`);
  if (!token) throw new Error('The timestamp response carries no token');
  return Buffer.from(derBytes(response, token));
}

/** Production adapter: POST application/timestamp-query to a TSA over HTTP(S). */
export class HttpTimestampClient implements TimestampClient {
  constructor(
    private readonly url: string,
    private readonly options: { readonly timeoutMs?: number; readonly authorization?: string } = {},
  ) {}

  async timestamp(data: Buffer): Promise<Buffer> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/timestamp-query',
        ...(this.options.authorization ? { authorization: this.options.authorization } : {}),
      },
      body: new Uint8Array(timestampRequest(data)),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`Timestamp authority ${this.url} answered ${response.status}`);
    return tokenFromResponse(Buffer.from(await response.arrayBuffer()));
  }
}
