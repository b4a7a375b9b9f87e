import { WorkingCalendar } from '../calendar/working-calendar';
import { deadlineFlags } from './domain/dossier-deadlines';
import { DossierStatus, PORTAL_STATUS_CODES, STATUS_LABELS } from './domain/dossier-status';
import {
  ACTION_LABELS,
  ActingParty,
  allowedActions,
  missingDocuments,
  REQUIRED_DOCUMENT_LABELS,
  WORKFLOW,
  WorkflowAction,
} from './domain/dossier-workflow';
import { AttachmentRecord, DossierEventRecord, DossierRecord } from './dossier.repository';

export const FLAG_LABELS: Record<string, string> = {
  filed_late: 'Nộp quá thời hạn 3 tháng kể từ ngày chấm dứt hợp đồng',
  century_sex_mismatch: 'Chữ số thế kỷ/giới tính của số định danh không khớp với CSDL dân cư',
  birth_year_mismatch: 'Năm sinh trong số định danh không khớp với CSDL dân cư',
  no_insurance_record: 'Không có dữ liệu đóng bảo hiểm thất nghiệp',
  not_eligible_by_assessment: 'Kết quả đánh giá sơ bộ: chưa đủ điều kiện hưởng',
  reemployed: 'Có đóng bảo hiểm sau ngày chấm dứt hợp đồng (có thể đã có việc làm)',
};

export interface DocumentSummary {
  kind: string;
  title: string;
  number: string | null;
  issuedAt: string;
  sha256: string;
  verificationCode: string;
  verifyUrl: string;
  downloadUrl: string;
}

/** A document the workflow asked for that is not issued yet: waiting, or dead (staff retry it). */
export interface IssuanceSummary {
  kind: string;
  status: 'pending' | 'dead';
  attempts: number;
  lastError: string | null;
}

export interface DecisionSummary {
  number: string;
  issuedAt: string;
  kind: 'approval' | 'refusal';
  sha256: string;
  verificationCode: string;
  verifyUrl: string;
  /** `revoked` once the Director has revoked it (thu hồi); then when and why. */
  status: 'issued' | 'revoked';
  revokedAt: string | null;
  revocationReason: string | null;
}

export interface ViewContext {
  today: string;
  calendar: WorkingCalendar;
  history: DossierEventRecord[];
  attachments: AttachmentRecord[];
  documents: DocumentSummary[];
  decision: DecisionSummary | null;
  issuance: IssuanceSummary[];
}

/** How a citizen sees the staff who acted: by their function, not by name. */
const STAFF_ROLE_LABELS: Record<string, string> = {
  receiver: 'Cán bộ tiếp nhận',
  reviewer: 'Cán bộ thẩm định',
  center_head: 'Lãnh đạo Trung tâm Dịch vụ việc làm',
  director: 'Giám đốc Sở Nội vụ',
};

/**
 * The history as its audience may read it: staff see who acted and every note (internal ones marked); the citizen
 * sees staff by their function and only the notes meant for them.
 */
function historyView(events: DossierEventRecord[], audience: 'citizen' | 'staff') {
  return events.map((e) => {
    const internal = e.data?.noteVisibility === 'internal';
    const staffName =
      audience === 'staff' ? (e.actorName ?? 'Cán bộ') : (STAFF_ROLE_LABELS[e.data?.actorRole ?? ''] ?? 'Cán bộ');
    return {
      ...eventView(e, staffName),
      note: audience === 'citizen' && internal ? null : e.note,
      ...(audience === 'staff' ? { noteVisibility: internal ? 'internal' : 'citizen' } : {}),
    };
  });
}

/** History events that are not workflow actions: the moves of a benefit between provinces (docs/transfer.md). */
const TRANSFER_EVENT_LABELS: Readonly<Record<string, string>> = {
  transfer_requested: 'Đề nghị chuyển nơi hưởng',
  transfer_refused: 'Trung tâm không đồng ý chuyển nơi hưởng',
  transfer_approved: 'Trung tâm đồng ý chuyển nơi hưởng',
  benefit_transferred: 'Đã chuyển nơi hưởng sang tỉnh khác',
  transfer_rejected: 'Tỉnh nơi chuyển đến không nhận hồ sơ',
  transfer_received: 'Nhận hồ sơ chuyển nơi hưởng từ tỉnh khác',
  transfer_cancelled: 'Hủy chuyển nơi hưởng (đã chấm dứt hưởng)',
};

function eventView(e: DossierEventRecord, staffName: string) {
  return {
    at: e.occurredAt,
    action: e.action,
    actionLabel:
      ACTION_LABELS[e.action as WorkflowAction] ??
      TRANSFER_EVENT_LABELS[e.action] ??
      (e.action === 'submit' ? 'Nộp hồ sơ' : e.action),
    fromStatus: e.fromStatus,
    status: e.toStatus,
    statusLabel: STATUS_LABELS[e.toStatus as DossierStatus] ?? e.toStatus,
    actorType: e.actorType,
    actorName:
      e.actorType === 'staff'
        ? staffName
        : e.actorType === 'citizen'
          ? 'Công dân'
          : e.actorType === 'portal'
            ? 'Cổng Dịch vụ công quốc gia'
            : 'Hệ thống',
    items: e.data?.items,
  };
}

/** What the citizen (and the portal) sees of a dossier. */
export function citizenView(d: DossierRecord, ctx: ViewContext) {
  const flags = deadlineFlags(d.isOpen, d.dueDate, ctx.today, ctx.calendar);
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusLabel: STATUS_LABELS[d.status],
    portalStatusCode: PORTAL_STATUS_CODES[d.status],
    version: d.version,
    channel: d.channel,
    portalDossierCode: d.portalDossierCode,
    personalId: d.personalId,
    centerCode: d.centerCode,
    applicant: d.applicant,
    application: d.application,
    assessment: d.assessment?.output ?? null,
    filedAt: d.filedAt,
    receivedAt: d.receivedAt,
    dueDate: d.dueDate,
    decidedAt: d.decidedAt,
    overdue: flags.overdue,
    supplementRequest: d.supplement
      ? {
          note: d.supplement.note ?? null,
          items: d.supplement.items ?? [],
          requestedAt: d.supplement.requestedAt,
          dueDate: d.supplement.dueDate ?? null,
        }
      : null,
    decisionNote: d.decisionNote,
    /** Documents a complete dossier still lacks (before receipt): what the citizen should add, what staff ask for. */
    missingDocuments:
      d.status === 'SUBMITTED' || d.status === 'SUPPLEMENT_REQUESTED'
        ? missingDocuments(
            d.application.contractType,
            ctx.today,
            ctx.attachments.map((a) => a.kind),
          ).map((kind) => ({
            kind,
            label: REQUIRED_DOCUMENT_LABELS[kind] ?? kind,
          }))
        : [],
    attachments: ctx.attachments.map(({ id, kind, fileName, contentType, size, sha256, uploadedAt }) => ({
      id,
      kind,
      fileName,
      contentType,
      size,
      sha256,
      uploadedAt,
    })),
    history: historyView(ctx.history, 'citizen'),
    documents: ctx.documents,
    decision: ctx.decision,
  };
}

/** What a caseworker sees: everything, plus the actions the workflow table allows this caseworker now. */
export function staffView(d: DossierRecord, ctx: ViewContext, party: ActingParty | null) {
  const flags = deadlineFlags(d.isOpen, d.dueDate, ctx.today, ctx.calendar);
  const staffActions = party && party.role !== 'citizen' ? allowedActions(d.status, d.centerCode, party) : [];
  return {
    ...citizenView(d, ctx),
    documents: ctx.documents.map((doc) => ({
      ...doc,
      downloadUrl: `/api/v1/staff/dossiers/${d.id}/documents/${doc.kind}/pdf`,
    })),
    history: historyView(ctx.history, 'staff'),
    dueSoon: flags.dueSoon,
    flags: d.flags.map((code) => ({ code, label: FLAG_LABELS[code] ?? code })),
    registry: { population: d.applicant, insurance: d.insurance },
    /** Documents not issued yet; a `dead` one failed all its attempts and waits for a retry. */
    issuance: ctx.issuance,
    assessmentRecord: d.assessment,
    review: d.review,
    allowedActions: staffActions
      .filter((a) => a !== 'revoke_decision')
      .map((action) => ({ action, label: ACTION_LABELS[action], fields: WORKFLOW[action].fields })),
    /** Revocation has its own form (a destructive step, shown only while a signed decision stands). */
    canRevokeDecision: staffActions.includes('revoke_decision') && ctx.decision?.status === 'issued',
  };
}

/** One line of the work queue. */
export function queueItemView(d: DossierRecord, today: string, calendar: WorkingCalendar) {
  const flags = deadlineFlags(d.isOpen, d.dueDate, today, calendar);
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusLabel: STATUS_LABELS[d.status],
    fullName: d.fullName,
    personalId: d.personalId,
    centerCode: d.centerCode,
    channel: d.channel,
    filedAt: d.filedAt,
    dueDate: d.dueDate,
    overdue: flags.overdue,
    dueSoon: flags.dueSoon,
    flags: d.flags,
    version: d.version,
  };
}
