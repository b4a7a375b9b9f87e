import type { DocumentKind } from './document-kind';
import type { IsoDate } from './formatting/vietnamese-date.formatter';

/** The citizen the document is about, as known from the population database. */
export interface DocumentHolder {
  readonly fullName: string;
  /** Số định danh cá nhân, 12 digits. */
  readonly personalId: string;
  readonly dateOfBirth: IsoDate;
  readonly address: string;
  /** Chooses "Ông"/"Bà"; "Ông/Bà" when unknown. */
  readonly sex?: 'male' | 'female';
  readonly phone?: string;
}

export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A notice window the decision states in words (month 1 counts from the day the result is returned). */
export interface NoticeWords {
  readonly words: string;
}

/** Fields every document carries. */
export interface DocumentCommonData {
  /** The register sequence part only, e.g. "123"; the symbol part ("QĐ-SNV") comes from the template and issuer. */
  readonly documentNumber: string;
  readonly dossierCode: string;
  /** Issue instant; prints the place-and-date line and becomes the PDF CreationDate (deterministic output). */
  readonly issuedAt: Date;
  /** Public verification page; encoded in the QR code and printed under it. */
  readonly verifyUrl: string;
  readonly holder: DocumentHolder;
}

export interface DecisionFigures {
  /** Monthly benefit in whole VND. */
  readonly monthlyBenefit: number;
  readonly benefitMonths: number;
  /** Average monthly contribution salary of the last 6 contributed months, whole VND. */
  readonly averageSalary: number;
  readonly contributionMonths: number;
  /** One entry per benefit month, in order. */
  readonly periods: readonly DateRange[];
  readonly entitlementStart: IsoDate;
  readonly entitlementEnd: IsoDate;
  /** Monthly job-search notice date (or window) per benefit month, same order as `periods`. */
  readonly noticeDates: readonly (IsoDate | DateRange | NoticeWords)[];
  readonly reservedMonthsAfter: number;
  /** Paying office, e.g. "Bảo hiểm xã hội tỉnh Đồng Nai". */
  readonly socialInsuranceOffice: string;
  /** Where the worker collects the benefit, e.g. "Bảo hiểm xã hội cơ sở Biên Hòa". */
  readonly paymentPlace?: string;
}

/** The legal bases a decision cites, following the regime it applied ("Căn cứ …"). */
export interface DecisionLegalBasis {
  readonly law: string;
  readonly decree: string;
  /** The average-salary line of the approval decision in the regime's wording. */
  readonly averageSalaryWording: string;
}

export interface DecisionApprovalData extends DocumentCommonData {
  readonly legalBasis: DecisionLegalBasis;
  readonly submittedAt: IsoDate;
  readonly terminationDate: IsoDate;
  readonly lastEmployer: string;
  readonly decision: DecisionFigures;
  /** Center that proposed the decision ("Theo đề nghị của ..."); defaults to the issuer's center name. */
  readonly proposingCenter?: string;
}

export interface DecisionRefusalData extends DocumentCommonData {
  readonly legalBasis: DecisionLegalBasis;
  readonly submittedAt: IsoDate;
  readonly reasons: readonly string[];
}

export interface ReceiptData extends DocumentCommonData {
  readonly receivedAt: Date;
  readonly dueDate: IsoDate;
  /** Documents received, as listed on the slip. */
  readonly receivedItems: readonly string[];
  /** "trực tuyến" | "trực tiếp" | "bưu chính công ích". */
  readonly channel: string;
  readonly resultDelivery: string;
}

export interface SupplementRequestData extends DocumentCommonData {
  readonly receivedAt: Date;
  readonly missingItems: readonly string[];
  /** Optional date by which the supplement is expected. */
  readonly supplementDeadline?: IsoDate;
  /** False when the request was made before the dossier was received (the slip must not say "đã tiếp nhận"). */
  readonly wasReceived?: boolean;
  /** The officer's note to the citizen, printed on the slip. */
  readonly officerNote?: string;
}

export interface IntakeRefusalData extends DocumentCommonData {
  readonly receivedAt: Date;
  readonly reasons: readonly string[];
}

/**
 * What a benefit-period decision (Luật Việc làm 74/2025 Điều 41) states, all read from the history event of the
 * Director's step: the month concerned, why, from when, and (termination) the contribution months reserved.
 */
export interface BenefitChange {
  /** Suspension and resumption: the benefit month concerned and its dates. */
  readonly month?: number;
  readonly period?: DateRange;
  /** The day the decision takes effect on the benefit. */
  readonly effectiveDate: IsoDate;
  /** Why, in the citizen's words ("Không thông báo về việc tìm kiếm việc làm ..."). */
  readonly reason: string;
  /** "Khoản 2 Điều 41 Luật Việc làm số 74/2025/QH15". */
  readonly articleBasis: string;
  /** Termination: months of contribution reserved (Điều 41 k.5), 0 when none. */
  readonly reservedMonths?: number;
  /** Termination: the provision that reserves them, '' when none. */
  readonly reserveBasis?: string;
  readonly socialInsuranceOffice: string;
}

export interface BenefitDecisionData extends DocumentCommonData {
  readonly legalBasis: DecisionLegalBasis;
  readonly proposingCenter: string;
  readonly benefit: BenefitChange;
}

/** Typed data per document kind. */
export interface DocumentDataByKind {
  readonly 'decision-approval': DecisionApprovalData;
  readonly 'decision-refusal': DecisionRefusalData;
  readonly receipt: ReceiptData;
  readonly 'supplement-request': SupplementRequestData;
  readonly 'intake-refusal': IntakeRefusalData;
  readonly 'decision-suspension': BenefitDecisionData;
  readonly 'decision-resumption': BenefitDecisionData;
  readonly 'decision-termination': BenefitDecisionData;
}

export type DocumentData<K extends DocumentKind = DocumentKind> = DocumentDataByKind[K];
