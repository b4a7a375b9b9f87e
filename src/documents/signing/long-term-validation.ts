import { sign as rsaSign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import {
  derBytes,
  derNull,
  derOid,
  derSequence,
  derTime,
  derTlv,
  readDerChildren,
  readDerElement,
} from './der-encoding';
import type { DerElement } from './der-encoding';
import { appendIncrementalUpdate, objectDictionary, readTrailer, setEntry } from './incremental-update';

/**
 * PAdES baseline B-LT (ETSI EN 319 142-1 §5.4): after the last signature, an incremental update adds the
 * document security store (DSS) with every certificate the signatures and their timestamps depend on and
 * the revocation data (CRLs) for them, so that a validator can still check the decision after the signing
 * certificates expire or the CA goes offline.
 */

/** Where revocation data come from: production fetches the CRL distribution points; development signs its own. */
export interface RevocationSource {
  /** DER CRLs covering the given certificates (those without a CRL distribution point may be skipped). */
  crls(certificates: readonly Buffer[]): Promise<Buffer[]>;
}

const SIGNED_DATA_OID = derOid('1.2.840.113549.1.7.2');
const TIMESTAMP_TOKEN_OID = derOid('1.2.840.113549.1.9.16.2.14');
const CRL_DP_OID = derOid('2.5.29.31');

function children(buffer: Buffer, element: DerElement): DerElement[] {
  return readDerChildren(buffer, element);
}

/** The certificates in a CMS SignedData and, recursively, in the timestamp tokens of its signers. */
export function certificatesInCms(cms: Buffer): Buffer[] {
  const found: Buffer[] = [];
  const visit = (contentInfo: Buffer): void => {
    const root = readDerElement(contentInfo, 0);
    const [oid, wrapped] = children(contentInfo, root);
    if (!derBytes(contentInfo, oid).equals(SIGNED_DATA_OID) || !wrapped) return;
    const [signedData] = children(contentInfo, wrapped);
    const fields = children(contentInfo, signedData);
    for (const field of fields) {
      if (field.tag === 0xa0)
        for (const cert of children(contentInfo, field)) found.push(Buffer.from(derBytes(contentInfo, cert)));
    }
    const signerInfos = fields[fields.length - 1];
    for (const signerInfo of children(contentInfo, signerInfos)) {
      for (const part of children(contentInfo, signerInfo)) {
        if (part.tag !== 0xa1) continue;
        for (const attribute of children(contentInfo, part)) {
          const [type, values] = children(contentInfo, attribute);
          if (!derBytes(contentInfo, type).equals(TIMESTAMP_TOKEN_OID)) continue;
          for (const token of children(contentInfo, values)) visit(Buffer.from(derBytes(contentInfo, token)));
        }
      }
    }
  };
  visit(cms);
  return found;
}

/** The CMS blobs of every signature in a PDF (the hex /Contents of each /ByteRange). */
export function signatureContents(pdf: Buffer): Buffer[] {
  const text = pdf.toString('latin1');
  const result: Buffer[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [start, end] = [Number(match[2]), Number(match[3])];
    const hex = text.slice(start + 1, end - 1);
    const cms = Buffer.from(hex, 'hex');
    result.push(Buffer.from(derBytes(cms, readDerElement(cms, 0))));
  }
  return result;
}

/** The http(s) URLs of a certificate's CRL distribution points. */
export function crlDistributionPoints(certificate: Buffer): string[] {
  const at = certificate.indexOf(CRL_DP_OID);
  if (at < 0) return [];
  const urls: string[] = [];
  const window = certificate.subarray(at, Math.min(certificate.length, at + 600));
  for (let index = 0; index < window.length - 2; index += 1) {
    if (window[index] !== 0x86) continue;
    const length = window[index + 1];
    if (length >= 0x80) continue;
    const value = window.subarray(index + 2, index + 2 + length).toString('latin1');
    if (/^https?:\/\/[\x21-\x7e]+$/.test(value)) urls.push(value);
  }
  return [...new Set(urls)];
}

const unique = (items: readonly Buffer[]): Buffer[] => {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

function stream(data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<<\n/Length ${data.length}\n>>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** Adds /DSS << /Certs [...] /CRLs [...] >> to the catalog in an incremental update. */
export function addDocumentSecurityStore(
  pdf: Buffer,
  input: { readonly certificates: readonly Buffer[]; readonly crls: readonly Buffer[] },
): Buffer {
  const trailer = readTrailer(pdf);
  const certificates = unique(input.certificates);
  const crls = unique(input.crls);
  let next = trailer.size;
  const objects: { id: number; body: Buffer }[] = [];
  const refs = (items: Buffer[]): string =>
    items
      .map((item) => {
        const id = next;
        next += 1;
        objects.push({ id, body: stream(item) });
        return `${id} 0 R`;
      })
      .join(' ');
  const certRefs = refs(certificates);
  const crlRefs = refs(crls);
  const dssId = next;
  next += 1;
  objects.push({
    id: dssId,
    body: Buffer.from(`<<\n/Type /DSS\n/Certs [${certRefs}]\n/CRLs [${crlRefs}]\n>>`, 'latin1'),
  });
  const catalog = objectDictionary(pdf, trailer.root);
  objects.push({ id: trailer.root, body: Buffer.from(setEntry(catalog, 'DSS', `${dssId} 0 R`), 'latin1') });
  return appendIncrementalUpdate(pdf, objects, next);
}

/** The B-LT step: every certificate of the signatures and their timestamps, and CRLs for them. */
export function longTermValidation(source: RevocationSource): (pdf: Buffer) => Promise<Buffer> {
  return async (pdf) => {
    const certificates = unique(signatureContents(pdf).flatMap((cms) => certificatesInCms(cms)));
    return addDocumentSecurityStore(pdf, { certificates, crls: await source.crls(certificates) });
  };
}

/** Production adapter: fetches each CRL distribution point over HTTP, cached until an hour has passed. */
export class HttpCrlSource implements RevocationSource {
  private readonly cache = new Map<string, { crl: Buffer; until: number }>();

  constructor(private readonly options: { readonly timeoutMs?: number; readonly now?: () => number } = {}) {}

  async crls(certificates: readonly Buffer[]): Promise<Buffer[]> {
    const urls = [...new Set(certificates.flatMap((certificate) => crlDistributionPoints(certificate)))];
    return Promise.all(urls.map((url) => this.fetch(url)));
  }

  private async fetch(url: string): Promise<Buffer> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.cache.get(url);
    if (cached && cached.until > now) return cached.crl;
    const response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
    if (!response.ok) throw new Error(`CRL ${url} answered ${response.status}`);
    const crl = Buffer.from(await response.arrayBuffer());
    this.cache.set(url, { crl, until: now + 3600_000 });
    return crl;
  }
}

/** The subject Name (DER) of a certificate, exactly as encoded. */
export function subjectOf(certificate: Buffer): Buffer {
  const root = readDerElement(certificate, 0);
  const [tbs] = readDerChildren(certificate, root);
  const fields = readDerChildren(certificate, tbs);
  const offset = fields[0].tag === 0xa0 ? 1 : 0;
  return Buffer.from(derBytes(certificate, fields[offset + 4]));
}

/**
 * An X.509 v2 CRL (RFC 5280 §5) with no revoked certificates, issued by `issuerCertificate`'s subject and
 * signed with its key (RSA, SHA-256). For the development CA.
 */
export function createEmptyCrl(issuerCertificate: Buffer, issuerKey: KeyObject, thisUpdate: Date, days = 7): Buffer {
  const algorithm = derSequence(derOid('1.2.840.113549.1.1.11'), derNull());
  const nextUpdate = new Date(thisUpdate.getTime() + days * 24 * 3600_000);
  const tbs = derSequence(
    derTlv(0x02, Buffer.from([1])),
    algorithm,
    subjectOf(issuerCertificate),
    derTime(thisUpdate),
    derTime(nextUpdate),
  );
  const signature = rsaSign('sha256', tbs, issuerKey);
  return derSequence(tbs, algorithm, derTlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
}
