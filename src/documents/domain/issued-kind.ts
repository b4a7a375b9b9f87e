import { randomBytes } from 'node:crypto';
import { DocumentKind, isDocumentKind } from '../document-kind';

/**
 * The kind under which a document is stored (the issuance job's dedupe key, issued_document.kind), unique per dossier.
 * It is the template kind, except for supplementation requests after the first one: a dossier may be asked to
 * supplement more than once, and each request gets its own slip, stored as `supplement-request-<seq>` where
 * `<seq>` is the dossier_event sequence number of that request. The first request stays `supplement-request`.
 */
export type StoredKind = string;

const SUPPLEMENT = 'supplement-request';
const NUMBERED_SUPPLEMENT = /^supplement-request-([1-9][0-9]{0,8})$/;

export interface ParsedKind {
  readonly kind: DocumentKind;
  /** For a later supplementation request: the dossier_event seq of the request. */
  readonly eventSeq?: number;
}

export function supplementRequestKind(eventSeq: number | null): StoredKind {
  return eventSeq === null ? SUPPLEMENT : `${SUPPLEMENT}-${eventSeq}`;
}

/** The template kind behind a stored kind; undefined for anything else (e.g. a URL segment). */
export function parseStoredKind(stored: string): ParsedKind | undefined {
  if (isDocumentKind(stored)) return { kind: stored };
  const match = NUMBERED_SUPPLEMENT.exec(stored);
  return match ? { kind: SUPPLEMENT, eventSeq: Number(match[1]) } : undefined;
}

export const DECISION_KINDS = ['decision-approval', 'decision-refusal'] as const satisfies readonly DocumentKind[];
export type DecisionKind = (typeof DECISION_KINDS)[number];

export function isDecisionKind(kind: string): kind is DecisionKind {
  return (DECISION_KINDS as readonly string[]).includes(kind);
}

/** Where the signed PDF lives: one key per dossier and stored kind, so a retry overwrites its own attempt. */
export function documentObjectKey(dossierId: string, stored: StoredKind): string {
  return `dossiers/${dossierId}/documents/${stored}.pdf`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 160 random bits as 32 characters of RFC 4648 base32 (no padding): printed under the QR code, typeable. */
export function newVerificationCode(bytes: Buffer = randomBytes(20)): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export const VERIFICATION_CODE_PATTERN = /^[A-Z2-7]{32}$/;

/** The register (sổ đăng ký) a decision number is drawn from: one per document symbol, authority and year. */
export function registerKey(typeCode: string, authoritySymbol: string): string {
  return `${typeCode}-${authoritySymbol}`;
}

/** `<n>/<type code>-<symbol>`, as printed ("Số: 12/QĐ-SNV"). */
export function printedNumber(sequence: string, typeCode: string, symbol: string): string {
  // Nghị định 30/2020, Phụ lục I: numbers below 10 are written with a leading zero ("01/QĐ-SNV").
  return `${/^\d$/.test(sequence) ? `0${sequence}` : sequence}/${typeCode}-${symbol}`;
}
