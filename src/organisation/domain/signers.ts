/**
 * Who signs a document on a given date (pure). The department (Sở Nội vụ) and each center keep dated signer
 * periods; at most one is in force per scope and day (Nghị định 30/2020/NĐ-CP, Điều 13: the head signs, or a
 * deputy signs "KT." for the head; Phụ lục I, mục II for the layout of the signer block).
 */

/** `department`, or a center's code. */
export type SignerScope = string;
export const DEPARTMENT_SCOPE = 'department';

/** `head` signs in person ("GIÁM ĐỐC"); `deputy` signs for the head ("KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC"). */
export type SignerCapacity = 'head' | 'deputy';
export const SIGNER_CAPACITIES: readonly SignerCapacity[] = ['head', 'deputy'];

export interface SignerPeriod {
  readonly id: string;
  readonly scope: SignerScope;
  readonly capacity: SignerCapacity;
  readonly fullName: string;
  /** The staff account of this person, when they have one (a Director who approves in the service). */
  readonly staffUsername: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  readonly validFrom: string;
  /** `YYYY-MM-DD`, inclusive; null: until further notice. */
  readonly validTo: string | null;
  readonly signatureImageKey: string | null;
  readonly certificateRef: string | null;
}

/** The signer block of a document: the authority line (deputies only), the title, the name. */
export interface SignerLines {
  readonly onBehalfOf: string;
  readonly title: string;
  readonly name: string;
}

/** Whether a period covers a day (ISO dates compare as strings). */
export function covers(period: Pick<SignerPeriod, 'validFrom' | 'validTo'>, day: string): boolean {
  return period.validFrom <= day && (period.validTo === null || day <= period.validTo);
}

/** Whether two periods share at least one day. */
export function overlaps(
  a: Pick<SignerPeriod, 'validFrom' | 'validTo'>,
  b: Pick<SignerPeriod, 'validFrom' | 'validTo'>,
): boolean {
  return (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);
}

/** The period of `scope` in force on `day`; undefined when none is (the configured signer then applies). */
export function signerInForce<P extends SignerPeriod>(
  periods: readonly P[],
  scope: SignerScope,
  day: string,
): P | undefined {
  return periods.find((p) => p.scope === scope && covers(p, day));
}

/** The existing periods of the same scope that a new or changed period would overlap (itself excluded). */
export function conflictingPeriods<P extends SignerPeriod>(
  periods: readonly P[],
  candidate: Pick<SignerPeriod, 'scope' | 'validFrom' | 'validTo'> & { id?: string },
): P[] {
  return periods.filter((p) => p.scope === candidate.scope && p.id !== candidate.id && overlaps(p, candidate));
}

/** The printed lines of a period: the head signs as "GIÁM ĐỐC"; a deputy "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC". */
export function signerLines(period: Pick<SignerPeriod, 'capacity' | 'fullName'>, headTitle = 'GIÁM ĐỐC'): SignerLines {
  return period.capacity === 'head'
    ? { onBehalfOf: '', title: headTitle, name: period.fullName }
    : { onBehalfOf: `KT. ${headTitle}`, title: `PHÓ ${headTitle}`, name: period.fullName };
}

/** The configured signer (ISSUER_SIGNER_*), used when no period is in force. */
export interface ConfiguredSigner {
  readonly signerTitle: string;
  readonly signerName: string;
  readonly signerOnBehalfOf?: string;
}

/**
 * The department's signer of a decision dated `day`: the period in force that day; without one, the configured
 * signer, where a Director signing in person (no "KT.") is named as the Director who approved in the service.
 */
export function decisionSigner(
  periods: readonly SignerPeriod[],
  day: string,
  configured: ConfiguredSigner,
  approverName: string | null,
): SignerLines & { period: SignerPeriod | null } {
  const period = signerInForce(periods, DEPARTMENT_SCOPE, day);
  if (period) return { ...signerLines(period), period };
  const inPerson = !configured.signerOnBehalfOf;
  return {
    onBehalfOf: configured.signerOnBehalfOf ?? '',
    title: configured.signerTitle,
    name: inPerson && approverName ? approverName : configured.signerName,
    period: null,
  };
}
