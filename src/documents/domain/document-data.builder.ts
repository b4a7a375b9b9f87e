import type { WorkingCalendar } from '../../calendar/working-calendar';
import type {
  BenefitDecisionData,
  DecisionApprovalData,
  DecisionRefusalData,
  DocumentCommonData,
  DocumentData,
  DocumentHolder,
  IntakeRefusalData,
  ReceiptData,
  SupplementRequestData,
} from '../document-data.types';
import type { DocumentKind } from '../document-kind';
import { formatShortDate } from '../formatting/vietnamese-date.formatter';
import { noticeSchedule } from './notice-schedule';
import { legalBasisFor } from '../../eligibility/domain/legal-bases';
import { Regime, regimeFor } from '../../eligibility/domain/regime';
import type { Assessment } from '../../eligibility/domain/assessment';
import type { PopulationRecord } from '../../registries/registry-reader.service';
import type { Application } from '../../dossiers/domain/application';
import type { SupplementRequest } from '../../dossiers/domain/dossier';
import type { DossierEventData } from '../../dossiers/dossier.repository';

/** What the documents read of the population record kept with the dossier (DossierRecord.applicant). */
export type SnapshotApplicant = Pick<PopulationRecord, 'fullName' | 'dateOfBirth' | 'sex'> & {
  readonly permanentAddress: Pick<PopulationRecord['permanentAddress'], 'line' | 'communeName' | 'provinceName'>;
};

/** What the documents read of the citizen's application (DossierRecord.application). */
export type SnapshotApplication = Pick<Application, 'phone'> & {
  readonly lastEmployer: Pick<Application['lastEmployer'], 'name'>;
};

/**
 * What the decisions read of the eligibility engine's result (DossierRecord.assessment.output). The regime and the
 * reasons may be absent from an assessment recorded before they were kept.
 */
export type SnapshotAssessmentOutput = Pick<
  Assessment,
  | 'monthlyBenefit'
  | 'benefitMonths'
  | 'averageSalary'
  | 'totalContributionMonths'
  | 'reservedMonthsAfter'
  | 'entitlementStart'
  | 'entitlementEnd'
  | 'periods'
> &
  Partial<Pick<Assessment, 'regime' | 'reasons'>>;

/** What the supplementation request reads of the dossier's current request (DossierRecord.supplement). */
export type SnapshotSupplement = Pick<SupplementRequest, 'items' | 'note' | 'dueDate'>;

/** The dossier as the issuance job reads it (through the dossiers module's DossierReader; see DossierSource). */
export interface DossierSnapshot {
  readonly id: string;
  readonly code: string;
  readonly personalId: string;
  readonly channel: 'online' | 'portal' | 'counter' | 'transfer';
  readonly fullName: string;
  /** The population record read when the dossier was filed. */
  readonly applicant: SnapshotApplicant;
  readonly application: SnapshotApplication;
  /** `.output` is the eligibility engine's result. */
  readonly assessment: { readonly output: SnapshotAssessmentOutput } | null;
  readonly supplement: SnapshotSupplement | null;
  readonly decisionNote: string | null;
  readonly filedAt: Date;
  readonly receivedAt: Date | null;
  readonly dueDate: string | null;
  readonly terminationDate: string;
  /** Vietnam calendar date of filedAt. */
  readonly filedOn: string;
}

/** The history event that asked for the document (receive, request_supplement, reject_intake, approve, deny). */
export interface TriggeringEvent {
  readonly seq: number;
  readonly occurredAt: Date;
  readonly actorName: string | null;
  readonly note: string | null;
  /** What the step recorded (varies by action; read defensively). */
  readonly data: DossierEventData;
}

export interface IssuanceContext {
  readonly documentNumber: string;
  readonly issuedAt: Date;
  /** Vietnam calendar date of issuedAt: the day the result is available to the citizen (full-online). */
  readonly issuedOn: string;
  readonly verifyUrl: string;
  readonly calendar: WorkingCalendar;
  readonly socialInsuranceOffice: string;
  readonly centerName: string;
  readonly attachments: readonly { kind: string; fileName: string }[];
  readonly event: TriggeringEvent | null;
}

/** A dossier that cannot make the document it asks for; retrying will not help (the job fails at once). */
export class IssuanceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IssuanceDataError';
  }
}

const ATTACHMENT_LABELS: Record<string, string> = {
  termination_proof: 'Giấy tờ xác nhận chấm dứt hợp đồng lao động hoặc hợp đồng làm việc',
  application_form: 'Đề nghị hưởng trợ cấp thất nghiệp',
  social_insurance_book: 'Sổ bảo hiểm xã hội',
  supplement: 'Giấy tờ bổ sung',
  other: 'Giấy tờ khác',
};

const CHANNEL_LABELS: Record<DossierSnapshot['channel'], string> = {
  online: 'trực tuyến',
  portal: 'trực tuyến',
  counter: 'trực tiếp',
  transfer: 'chuyển nơi hưởng từ tỉnh khác',
};

export function holderOf(d: DossierSnapshot): DocumentHolder {
  const a: Partial<SnapshotApplicant> = d.applicant ?? {};
  const address: Partial<SnapshotApplicant['permanentAddress']> = a.permanentAddress ?? {};
  const sex = a.sex === 'male' || a.sex === 'female' ? a.sex : undefined;
  return {
    fullName: String(a.fullName ?? d.fullName),
    personalId: d.personalId,
    dateOfBirth: String(a.dateOfBirth ?? ''),
    address: [address.line, address.communeName, address.provinceName]
      .filter((p) => typeof p === 'string' && p.trim())
      .join(', '),
    ...(sex ? { sex } : {}),
    ...(typeof d.application?.phone === 'string' ? { phone: d.application.phone } : {}),
  };
}

function lines(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The data each template needs, from the dossier row, its triggering event and the issuance context. Pure. */
export function buildDocumentData(kind: DocumentKind, d: DossierSnapshot, ctx: IssuanceContext): DocumentData {
  const common: DocumentCommonData = {
    documentNumber: ctx.documentNumber,
    dossierCode: d.code,
    issuedAt: ctx.issuedAt,
    verifyUrl: ctx.verifyUrl,
    holder: holderOf(d),
  };
  switch (kind) {
    case 'decision-approval':
      return approval(common, d, ctx);
    case 'decision-refusal': {
      const reasons = lines(d.decisionNote);
      const fallback = (d.assessment?.output?.reasons ?? []).map((r) => r.message);
      const data: DecisionRefusalData = {
        ...common,
        legalBasis: decisionLegalBasis(d, ctx),
        submittedAt: d.filedOn,
        reasons: reasons.length ? reasons : fallback,
      };
      if (!data.reasons.length)
        throw new IssuanceDataError('Thông báo không hưởng cần có lý do (decision_note trống).');
      return data;
    }
    case 'receipt': {
      if (!d.dueDate) throw new IssuanceDataError('Giấy tiếp nhận cần ngày hẹn trả kết quả (due_date trống).');
      const data: ReceiptData = {
        ...common,
        receivedAt: d.receivedAt ?? ctx.event?.occurredAt ?? d.filedAt,
        dueDate: d.dueDate,
        receivedItems: receivedItems(ctx.attachments),
        channel: CHANNEL_LABELS[d.channel],
        resultDelivery:
          d.channel === 'counter'
            ? `Trực tiếp tại ${ctx.centerName} hoặc trực tuyến trên Cổng Dịch vụ công quốc gia`
            : 'Trực tuyến trên Cổng Dịch vụ công quốc gia (tài khoản định danh điện tử VNeID)',
      };
      return data;
    }
    case 'supplement-request': {
      const items: unknown = ctx.event?.data?.items ?? d.supplement?.items;
      const missing = Array.isArray(items) ? items.map(String).filter((i) => i.trim()) : [];
      if (!missing.length) throw new IssuanceDataError('Phiếu yêu cầu bổ sung cần danh sách giấy tờ cần bổ sung.');
      const due: unknown = ctx.event?.data?.dueDate ?? d.supplement?.dueDate;
      const note = (ctx.event?.note ?? d.supplement?.note ?? '').trim();
      const data: SupplementRequestData = {
        ...common,
        receivedAt: d.receivedAt ?? d.filedAt,
        missingItems: missing,
        wasReceived: Boolean(d.receivedAt),
        ...(typeof due === 'string' && due ? { supplementDeadline: due } : {}),
        ...(note ? { officerNote: note } : {}),
      };
      return data;
    }
    case 'intake-refusal': {
      const reasons = lines(ctx.event?.note ?? d.decisionNote);
      if (!reasons.length) throw new IssuanceDataError('Phiếu từ chối tiếp nhận cần lý do.');
      const data: IntakeRefusalData = { ...common, receivedAt: d.filedAt, reasons };
      return data;
    }
    case 'decision-suspension':
    case 'decision-resumption':
    case 'decision-termination':
      return benefitDecision(kind, common, ctx);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && ISO_DATE.test(value) ? value : undefined;
}

function dateRange(value: unknown): { from: string; to: string } | undefined {
  const range = typeof value === 'object' && value !== null ? (value as { from?: unknown; to?: unknown }) : undefined;
  const from = isoDate(range?.from);
  const to = isoDate(range?.to);
  return from && to ? { from, to } : undefined;
}

const BENEFIT_EVENT: Record<'decision-suspension' | 'decision-resumption' | 'decision-termination', string> = {
  'decision-suspension': 'suspended',
  'decision-resumption': 'resumed',
  'decision-termination': 'terminated',
};

/**
 * A suspension, resumption or termination decision (Luật Việc làm 74/2025 Điều 41 k.2–5), from the data the
 * Director's step recorded in its history event (docs/benefits.md): nothing is read from the benefit tables, so a
 * decision issued late still states what was decided.
 */
function benefitDecision(
  kind: 'decision-suspension' | 'decision-resumption' | 'decision-termination',
  common: DocumentCommonData,
  ctx: IssuanceContext,
): BenefitDecisionData {
  const data: DossierEventData = ctx.event?.data ?? {};
  if (data.event !== BENEFIT_EVENT[kind])
    throw new IssuanceDataError(`Bước hồ sơ không ghi nhận quyết định "${BENEFIT_EVENT[kind]}" của thời gian hưởng.`);
  const articleBasis = typeof data.legalBasis === 'string' ? data.legalBasis : '';
  const base = {
    ...common,
    legalBasis: { ...legalBasisFor('VN-2025') },
    proposingCenter: ctx.centerName,
  };
  if (kind === 'decision-termination') {
    const effectiveDate = isoDate(data.effectiveDate);
    const reservedMonths = Number(data.reservedMonths);
    if (!effectiveDate || !Number.isInteger(reservedMonths) || !data.reasonLabel || !articleBasis)
      throw new IssuanceDataError('Quyết định chấm dứt hưởng cần lý do, ngày có hiệu lực và số tháng bảo lưu.');
    return {
      ...base,
      benefit: {
        effectiveDate,
        reason: String(data.reasonLabel),
        articleBasis,
        reservedMonths,
        reserveBasis: typeof data.reserveBasis === 'string' ? data.reserveBasis : '',
        socialInsuranceOffice: ctx.socialInsuranceOffice,
      },
    };
  }
  const month = Number(data.month);
  const period = dateRange(data.period);
  const effectiveDate = isoDate(data.effectiveDate) ?? period?.from;
  if (!Number.isInteger(month) || month < 1 || !period || !effectiveDate || !articleBasis)
    throw new IssuanceDataError('Quyết định cần tháng hưởng, thời gian của tháng đó và căn cứ.');
  let reason: string;
  if (kind === 'decision-suspension') {
    const window = dateRange(data.noticeWindow);
    reason = window
      ? `Không thông báo về việc tìm kiếm việc làm hằng tháng trong thời hạn từ ngày ${formatShortDate(window.from)} đến ngày ${formatShortDate(window.to)}`
      : 'Không thông báo về việc tìm kiếm việc làm hằng tháng theo quy định';
  } else {
    const filedAt = typeof data.noticeFiledAt === 'string' ? new Date(data.noticeFiledAt) : undefined;
    reason =
      filedAt && !Number.isNaN(filedAt.getTime())
        ? `Đã thông báo về việc tìm kiếm việc làm của tháng hưởng thứ ${month} ngày ${formatShortDate(filedAt)}`
        : `Đã thông báo về việc tìm kiếm việc làm của tháng hưởng thứ ${month}`;
  }
  return {
    ...base,
    benefit: { month, period, effectiveDate, reason, articleBasis, socialInsuranceOffice: ctx.socialInsuranceOffice },
  };
}

/**
 * The bases of the regime the dossier's assessment applied (the decision re-assesses under the law in force on its
 * date); without a recorded regime, the regime in force on the day the decision is issued.
 */
function decisionLegalBasis(d: DossierSnapshot, ctx: IssuanceContext) {
  const recorded: unknown = d.assessment?.output?.regime;
  const regime: Regime = recorded === 'VN-2013' || recorded === 'VN-2025' ? recorded : regimeFor(ctx.issuedOn);
  return { ...legalBasisFor(regime) };
}

function receivedItems(attachments: IssuanceContext['attachments']): string[] {
  const items = attachments.some((a) => a.kind === 'application_form')
    ? []
    : ['Đề nghị hưởng trợ cấp thất nghiệp (bản điện tử)'];
  for (const a of attachments) items.push(`${ATTACHMENT_LABELS[a.kind] ?? ATTACHMENT_LABELS.other} (${a.fileName})`);
  return items;
}

function approval(common: DocumentCommonData, d: DossierSnapshot, ctx: IssuanceContext): DecisionApprovalData {
  const o = d.assessment?.output;
  const periods: { from: string; to: string }[] = Array.isArray(o?.periods) ? o.periods : [];
  if (!o || !periods.length || !o.entitlementStart || !o.entitlementEnd) {
    throw new IssuanceDataError('Hồ sơ không có kết quả tính hưởng (thời gian hưởng) để lập quyết định.');
  }
  return {
    ...common,
    legalBasis: decisionLegalBasis(d, ctx),
    submittedAt: d.filedOn,
    terminationDate: d.terminationDate,
    lastEmployer: String(d.application?.lastEmployer?.name ?? ''),
    proposingCenter: ctx.centerName,
    decision: {
      monthlyBenefit: o.monthlyBenefit,
      benefitMonths: o.benefitMonths,
      averageSalary: o.averageSalary,
      contributionMonths: o.totalContributionMonths,
      periods: periods.map((p) => ({ from: p.from, to: p.to })),
      entitlementStart: o.entitlementStart,
      entitlementEnd: o.entitlementEnd,
      noticeDates: noticeSchedule(periods, ctx.calendar),
      reservedMonthsAfter: o.reservedMonthsAfter ?? 0,
      socialInsuranceOffice: ctx.socialInsuranceOffice,
    },
  };
}
