/**
 * Vietnamese labels for the API's stable codes (API.md), rendered into pages so selects work without JavaScript
 * and the client scripts never hard-code wording. Codes are the API's; only the labels live here.
 */
export interface CodeLabel {
  readonly code: string;
  readonly label: string;
}

export const TERMINATION_REASONS: readonly CodeLabel[] = [
  { code: 'contract_expired', label: 'Hết hạn hợp đồng lao động' },
  { code: 'mutual_agreement', label: 'Hai bên thỏa thuận chấm dứt hợp đồng' },
  { code: 'employee_lawful_resignation', label: 'Người lao động đơn phương chấm dứt đúng pháp luật' },
  { code: 'employer_lawful_termination', label: 'Người sử dụng lao động đơn phương chấm dứt đúng pháp luật' },
  { code: 'restructuring', label: 'Thay đổi cơ cấu, công nghệ, lý do kinh tế' },
  { code: 'employer_closed', label: 'Doanh nghiệp chấm dứt hoạt động, giải thể, phá sản' },
  { code: 'dismissal', label: 'Bị xử lý kỷ luật sa thải' },
  { code: 'employee_unlawful_resignation', label: 'Người lao động đơn phương chấm dứt trái pháp luật' },
  { code: 'pension_eligible', label: 'Đã đủ điều kiện hưởng lương hưu' },
  { code: 'receiving_pension', label: 'Đang hưởng lương hưu hoặc trợ cấp mất sức lao động hằng tháng' },
];

export const CONTRACT_TYPES: readonly CodeLabel[] = [
  { code: 'indefinite', label: 'Hợp đồng không xác định thời hạn' },
  { code: 'fixed_term', label: 'Hợp đồng xác định thời hạn từ đủ 12 tháng' },
  { code: 'short_term', label: 'Hợp đồng từ đủ 1 tháng đến dưới 12 tháng' },
  { code: 'seasonal', label: 'Hợp đồng mùa vụ, theo công việc (từ đủ 3 đến dưới 12 tháng)' },
  { code: 'working_contract', label: 'Hợp đồng làm việc (viên chức)' },
];

export const ZONES: readonly CodeLabel[] = [
  { code: 'I', label: 'Vùng I' },
  { code: 'II', label: 'Vùng II' },
  { code: 'III', label: 'Vùng III' },
  { code: 'IV', label: 'Vùng IV' },
];

/** Internal dossier statuses (API.md) with the wording a citizen or an officer reads. */
export const DOSSIER_STATUSES: readonly CodeLabel[] = [
  { code: 'SUBMITTED', label: 'Mới nộp, chờ tiếp nhận' },
  { code: 'SUPPLEMENT_REQUESTED', label: 'Yêu cầu bổ sung hồ sơ' },
  { code: 'RECEIVED', label: 'Đã tiếp nhận' },
  { code: 'IN_REVIEW', label: 'Đang thẩm định' },
  { code: 'REVIEWED', label: 'Đã thẩm định' },
  { code: 'PROPOSED', label: 'Đã trình Giám đốc Sở' },
  { code: 'APPROVED', label: 'Đã có quyết định hưởng' },
  { code: 'DENIED', label: 'Không được hưởng' },
  { code: 'REJECTED', label: 'Không được tiếp nhận' },
  { code: 'WITHDRAWN', label: 'Đã rút hồ sơ' },
  { code: 'RESULT_RETURNED', label: 'Đã trả kết quả' },
];

/** Kinds of attachment a citizen may upload with the application. */
export const ATTACHMENT_KINDS: readonly CodeLabel[] = [
  { code: 'termination_proof', label: 'Giấy tờ chứng minh chấm dứt hợp đồng lao động' },
  { code: 'social_insurance_book', label: 'Sổ bảo hiểm xã hội (nếu có)' },
  { code: 'other', label: 'Giấy tờ khác' },
];

export interface CenterOption {
  readonly code: string;
  readonly name: string;
  readonly address?: string;
}
