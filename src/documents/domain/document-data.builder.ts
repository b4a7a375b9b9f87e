import type { WorkingCalendar } from '../../calendar/working-calendar';
import type {
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
import { noticeSchedule } from './notice-schedule';
import { legalBasisFor } from '../../eligibility/domain/legal-bases';
import { Regime, regimeFor } from '../../eligibility/domain/regime';

/** The dossier as the issuance job reads it (own SQL; the documents module does not import the dossiers module). */
export interface DossierSnapshot {
  readonly id: string;
  readonly code: string;
  readonly personalId: string;
  readonly channel: 'online' | 'portal' | 'counter';
  readonly fullName: string;
  /** Population record: {fullName, dateOfBirth, sex, permanentAddress{line, communeName, provinceName}}. */
  readonly applicant: any;
  readonly application: any;
  /** `.output` is the eligibility engine's result. */
  readonly assessment: any;
  readonly supplement: any;
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
  readonly data: any;
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
};

export function holderOf(d: DossierSnapshot): DocumentHolder {
  const a = d.applicant ?? {};
  const address = a.permanentAddress ?? {};
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
      const fallback = (d.assessment?.output?.reasons ?? []).map((r: { message: string }) => r.message);
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
  }
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
