import { randomBytes } from 'node:crypto';
import { DocumentKind, isDocumentKind } from '../document-kind';

/**
 * The kind under which a document is stored (the issuance job's dedupe key, issued_document.kind), unique per dossier.
 * It is the template kind, except for documents a dossier may receive more than once:
 * - supplementation requests after the first one are stored as `supplement-request-<seq>` (the first stays
 *   `supplement-request`);
 * - the benefit-period decisions (suspension, resumption, termination) are always stored as `<kind>-<seq>`: a
 *   benefit may be suspended and resumed more than once, and each decision is its own document.
 * `<seq>` is the dossier_event sequence number of the step that asked for the document.
 */
export type StoredKind = string;

const SUPPLEMENT = 'supplement-request';

/** Kinds issued once per history event, stored as `<kind>-<seq>`. */
export const PER_EVENT_KINDS = [
  'decision-suspension',
  'decision-resumption',
  'decision-termination',
] as const satisfies readonly DocumentKind[];
export type PerEventKind = (typeof PER_EVENT_KINDS)[number];

export function isPerEventKind(kind: string): kind is PerEventKind {
  return (PER_EVENT_KINDS as readonly string[]).includes(kind);
}

const NUMBERED = new RegExp(`^(${[SUPPLEMENT, ...PER_EVENT_KINDS].join('|')})-([1-9][0-9]{0,8})$`);

export interface ParsedKind {
  readonly kind: DocumentKind;
  /** For a later supplementation request or a benefit-period decision: the dossier_event seq of its step. */
  readonly eventSeq?: number;
}

export function supplementRequestKind(eventSeq: number | null): StoredKind {
  return eventSeq === null ? SUPPLEMENT : `${SUPPLEMENT}-${eventSeq}`;
}

/** `decision-suspension-7`: the stored kind of a benefit-period decision asked for by history event 7. */
export function perEventKind(kind: PerEventKind, eventSeq: number): StoredKind {
  return `${kind}-${eventSeq}`;
}

/** The template kind behind a stored kind; undefined for anything else (e.g. a URL segment). */
export function parseStoredKind(stored: string): ParsedKind | undefined {
  if (isDocumentKind(stored)) return isPerEventKind(stored) ? undefined : { kind: stored };
  const match = NUMBERED.exec(stored);
  return match ? { kind: match[1] as DocumentKind, eventSeq: Number(match[2]) } : undefined;
}

/** Decisions take a number from the authority's register (per document symbol and year). */
export const DECISION_KINDS = [
  'decision-approval',
  'decision-refusal',
  ...PER_EVENT_KINDS,
] as const satisfies readonly DocumentKind[];
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
