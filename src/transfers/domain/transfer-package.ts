import { CompactSign, compactVerify, decodeProtectedHeader, type CryptoKey, type KeyObject } from 'jose';
import { PersonalId } from '../../personal-id/personal-id';

/**
 * The transfer package (chuyển nơi hưởng, Luật Việc làm 74/2025 Điều 41 k.1): what the paying province hands over
 * to the receiving province's system. Signed by the sender as a compact JWS (ES256, `typ: tctn-transfer+jws`,
 * `kid` = the sender's key id), verified on receipt with the key the sender publishes at its configured address.
 * Pure apart from the signature (docs/transfer.md describes every field).
 */
export const PACKAGE_TYPE = 'tctn-transfer+jws';
export const PACKAGE_VERSION = 1;

export type MonthHandOver = 'paid_by_sender' | 'suspended' | 'missed' | 'cancelled' | 'handed_over';

export interface PackageMonth {
  month: number;
  from: string;
  to: string;
  noticeWindow: { from: string; to: string };
  /** Who pays it: the sender (it was under way or done before the hand-over), or the receiver from now on. */
  handOver: MonthHandOver;
  /** The notice the sender recorded for that month, if any. */
  notice: { filedAt: string; channel: string; receiptNumber: string } | null;
}

export interface TransferPackage {
  version: typeof PACKAGE_VERSION;
  /** Unique; the receiver answers a repeat of it from what it did the first time. */
  packageId: string;
  createdAt: string;
  from: { provinceCode: string; authority: string; dossierCode: string };
  to: { provinceCode: string };
  person: {
    personalId: string;
    fullName: string;
    applicant: Record<string, unknown>;
  };
  request: { reason: string; newAddress: string; requestedAt: string; approvedAt: string };
  decision: {
    number: string;
    issuedAt: string;
    sha256: string;
    verifyUrl: string;
    /** The signed PDF (PAdES) as issued, base64. */
    pdfBase64: string;
  };
  benefit: {
    monthlyBenefit: number;
    benefitMonths: number;
    resultReturnedOn: string;
    /** Contribution months the decision reserved after the benefit (Điều 41 k.5). */
    reservedMonths: number;
    monthsPaid: number;
    monthsSuspended: number;
    monthsRemaining: number;
    /** The first month the receiving province takes (its notice window opens after the hand-over day). */
    handOverFromMonth: number;
    months: PackageMonth[];
  };
  /** The approval's assessment (inputs and figures), so the receiving dossier reads as the sender's did. */
  assessment: Record<string, unknown>;
  application: Record<string, unknown>;
}

/** The package as the receiving province keeps it (`transfer_incoming.package`): the PDF moved to the object store. */
export type StoredTransferPackage = Omit<TransferPackage, 'decision'> & {
  decision: Omit<TransferPackage['decision'], 'pdfBase64'> & { objectKey: string };
};

export interface BenefitMonthFacts {
  month: number;
  from: string;
  to: string;
  noticeWindow: { from: string; to: string };
  outcome: 'missed' | 'suspended' | 'cancelled' | 'paid' | null;
  notice: { filedAt: string; channel: string; receiptNumber: string } | null;
}

/**
 * Which months move: those whose notice window opens after the hand-over day are the receiving province's (it
 * takes the notices from the next window); a month already under way, notified, missed, suspended or cancelled
 * stays with the sender. Null when no month is left to move.
 */
export function planHandOver(
  months: readonly BenefitMonthFacts[],
  handOverDay: string,
): { handOverFromMonth: number; months: PackageMonth[] } | null {
  const sorted = [...months].sort((a, b) => a.month - b.month);
  const first = sorted.find((m) => m.outcome === null && m.notice === null && m.noticeWindow.from > handOverDay);
  if (!first) return null;
  return {
    handOverFromMonth: first.month,
    months: sorted.map((m) => ({
      month: m.month,
      from: m.from,
      to: m.to,
      noticeWindow: m.noticeWindow,
      notice: m.notice,
      handOver:
        m.month >= first.month && m.outcome === null
          ? 'handed_over'
          : m.outcome === 'suspended'
            ? 'suspended'
            : m.outcome === 'cancelled'
              ? 'cancelled'
              : m.outcome === 'missed'
                ? 'missed'
                : 'paid_by_sender',
    })),
  };
}

/** The counts the package states: months the sender paid (or owes), suspended, and those the receiver takes. */
export function monthCounts(months: readonly PackageMonth[]): {
  monthsPaid: number;
  monthsSuspended: number;
  monthsRemaining: number;
} {
  const count = (kind: MonthHandOver) => months.filter((m) => m.handOver === kind).length;
  return {
    monthsPaid: count('paid_by_sender'),
    monthsSuspended: count('suspended'),
    monthsRemaining: count('handed_over'),
  };
}

/** The package as a compact JWS; the protected header names the key (`kid`) and the sending province (`iss`). */
export async function signPackage(pkg: TransferPackage, key: CryptoKey | KeyObject, kid: string): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(pkg)))
    .setProtectedHeader({ alg: 'ES256', typ: PACKAGE_TYPE, kid, iss: pkg.from.provinceCode })
    .sign(key);
}

/** Why a package is refused; the code goes back to the sender with a Vietnamese reason. */
export type PackageRefusal =
  | 'malformed'
  | 'unknown_sender'
  | 'invalid_signature'
  | 'wrong_recipient'
  | 'decision_pdf_mismatch'
  | 'already_beneficiary';

export class PackageRejected extends Error {
  constructor(
    readonly code: PackageRefusal,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

/** The header of a package before it is verified: who claims to have signed it. */
export function packageHeader(jws: string): { kid: string; iss: string } {
  try {
    const h = decodeProtectedHeader(jws) as { kid?: unknown; typ?: unknown; alg?: unknown; iss?: unknown };
    if (typeof h.kid !== 'string' || h.typ !== PACKAGE_TYPE || h.alg !== 'ES256' || typeof h.iss !== 'string')
      throw new Error('header');
    return { kid: h.kid, iss: h.iss };
  } catch {
    throw new PackageRejected('malformed', 'Gói hồ sơ chuyển không đúng định dạng (JWS ES256).');
  }
}

/**
 * Verifies the signature with the sender's key (the caller resolves it from the sender's configured address) and
 * checks the content: addressed to `ourProvince`, from the province that signed it, a well-formed person and
 * months, and the decision PDF matching its stated hash.
 */
export async function verifyPackage(
  jws: string,
  expected: { ourProvince: string; senderProvince: string },
  key: CryptoKey | KeyObject,
  sha256: (bytes: Buffer) => string,
): Promise<TransferPackage> {
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(jws, key, { algorithms: ['ES256'] }));
  } catch {
    throw new PackageRejected('invalid_signature', 'Chữ ký của gói hồ sơ chuyển không hợp lệ.');
  }
  let pkg: TransferPackage;
  try {
    pkg = JSON.parse(new TextDecoder().decode(payload)) as TransferPackage;
  } catch {
    throw new PackageRejected('malformed', 'Nội dung gói hồ sơ chuyển không phải JSON.');
  }
  const problem = shapeProblem(pkg);
  if (problem) throw new PackageRejected('malformed', `Gói hồ sơ chuyển thiếu hoặc sai: ${problem}.`);
  if (pkg.from.provinceCode !== expected.senderProvince)
    throw new PackageRejected('unknown_sender', 'Tỉnh gửi trong gói không khớp với hệ thống đã ký gói.');
  if (pkg.to.provinceCode !== expected.ourProvince)
    throw new PackageRejected('wrong_recipient', 'Gói hồ sơ chuyển không gửi cho tỉnh này.');
  if (sha256(Buffer.from(pkg.decision.pdfBase64, 'base64')) !== pkg.decision.sha256)
    throw new PackageRejected('decision_pdf_mismatch', 'Tệp quyết định trong gói không khớp với mã băm đã nêu.');
  return pkg;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first thing wrong with the package's shape (field path), or null. */
export function shapeProblem(pkg: TransferPackage): string | null {
  if (!pkg || typeof pkg !== 'object') return 'payload';
  if (pkg.version !== PACKAGE_VERSION) return 'version';
  if (typeof pkg.packageId !== 'string' || !UUID.test(pkg.packageId)) return 'packageId';
  if (!/^\d{3}$/.test(pkg.from?.provinceCode ?? '')) return 'from.provinceCode';
  if (!/^\d{3}$/.test(pkg.to?.provinceCode ?? '')) return 'to.provinceCode';
  if (!PersonalId.parse(pkg.person?.personalId).ok) return 'person.personalId';
  if (typeof pkg.person.fullName !== 'string' || !pkg.person.fullName.trim()) return 'person.fullName';
  if (typeof pkg.decision?.pdfBase64 !== 'string' || !/^[0-9a-f]{64}$/.test(pkg.decision.sha256 ?? ''))
    return 'decision';
  const b = pkg.benefit;
  if (!b || !Number.isInteger(b.monthlyBenefit) || b.monthlyBenefit < 0) return 'benefit.monthlyBenefit';
  if (!Array.isArray(b.months) || !b.months.length || b.months.length > 12) return 'benefit.months';
  for (const m of b.months) {
    if (!Number.isInteger(m.month) || m.month < 1 || m.month > 12) return 'benefit.months[].month';
    if (![m.from, m.to, m.noticeWindow?.from, m.noticeWindow?.to].every((d) => ISO.test(d ?? '')))
      return 'benefit.months[] dates';
  }
  if (!b.months.some((m) => m.handOver === 'handed_over' && m.month === b.handOverFromMonth))
    return 'benefit.handOverFromMonth';
  if (!Number.isInteger(b.reservedMonths) || b.reservedMonths < 0) return 'benefit.reservedMonths';
  if (!pkg.assessment || typeof pkg.assessment !== 'object') return 'assessment';
  if (!pkg.application || typeof pkg.application !== 'object') return 'application';
  return null;
}
