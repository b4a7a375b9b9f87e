/**
 * Vietnamese labels for the API's stable codes (docs/api.md), rendered into pages so selects work without JavaScript
 * and the client scripts never hard-code wording. The codes come from the modules that own them (typed records:
 * a code added there fails compilation here until it has a label); only the wording lives here.
 */
import { ATTACHMENT_KINDS as API_ATTACHMENT_KINDS } from '../dossiers/attachments.service';
import { DOSSIER_STATUSES as API_STATUSES, STATUS_LABELS } from '../dossiers/domain/dossier-status';
import { ContractType, TerminationReason } from '../eligibility/domain/assessment';

export interface CodeLabel {
  readonly code: string;
  readonly label: string;
}

const list = <K extends string>(labels: Record<K, string>, order: readonly K[]): readonly CodeLabel[] =>
  order.map((code) => ({ code, label: labels[code] }));

const REASON_LABELS: Record<TerminationReason, string> = {
  contract_expired: 'Hết hạn hợp đồng lao động',
  mutual_agreement: 'Hai bên thỏa thuận chấm dứt hợp đồng',
  employee_lawful_resignation: 'Người lao động đơn phương chấm dứt đúng pháp luật',
  employer_lawful_termination: 'Người sử dụng lao động đơn phương chấm dứt đúng pháp luật',
  restructuring: 'Thay đổi cơ cấu, công nghệ, lý do kinh tế',
  employer_closed: 'Doanh nghiệp chấm dứt hoạt động, giải thể, phá sản',
  dismissal: 'Bị xử lý kỷ luật sa thải',
  employee_unlawful_resignation: 'Người lao động đơn phương chấm dứt trái pháp luật',
  pension_eligible: 'Đã đủ điều kiện hưởng lương hưu',
  receiving_pension: 'Đang hưởng lương hưu hoặc trợ cấp mất sức lao động hằng tháng',
};
export const TERMINATION_REASONS = list(REASON_LABELS, Object.keys(REASON_LABELS) as TerminationReason[]);

const CONTRACT_LABELS: Record<ContractType, string> = {
  indefinite: 'Hợp đồng không xác định thời hạn',
  fixed_term: 'Hợp đồng xác định thời hạn từ đủ 12 tháng',
  short_term: 'Hợp đồng từ đủ 1 tháng đến dưới 12 tháng',
  seasonal: 'Hợp đồng mùa vụ, theo công việc (từ đủ 3 đến dưới 12 tháng)',
  working_contract: 'Hợp đồng làm việc (viên chức)',
};
export const CONTRACT_TYPES = list(CONTRACT_LABELS, Object.keys(CONTRACT_LABELS) as ContractType[]);

export const ZONES: readonly CodeLabel[] = [
  { code: 'I', label: 'Vùng I' },
  { code: 'II', label: 'Vùng II' },
  { code: 'III', label: 'Vùng III' },
  { code: 'IV', label: 'Vùng IV' },
];

/** Internal dossier statuses with the dossier module's own labels (the same words the API returns). */
export const DOSSIER_STATUSES = list(STATUS_LABELS, API_STATUSES);

type AttachmentKind = (typeof API_ATTACHMENT_KINDS)[number];
const ATTACHMENT_LABELS: Record<AttachmentKind, string> = {
  termination_proof: 'Giấy tờ chứng minh chấm dứt hợp đồng lao động',
  application_form: 'Đơn đề nghị hưởng trợ cấp thất nghiệp (bản ký)',
  social_insurance_book: 'Sổ bảo hiểm xã hội (nếu có)',
  supplement: 'Giấy tờ bổ sung',
  other: 'Giấy tờ khác',
};
/** Every kind the attachments API accepts (labels for display). */
export const ATTACHMENT_KINDS = list(ATTACHMENT_LABELS, API_ATTACHMENT_KINDS);
/** Kinds offered when filing (`supplement` is the answer to a supplementation request). */
export const FILING_ATTACHMENT_KINDS = ATTACHMENT_KINDS.filter((k) => k.code !== 'supplement');
