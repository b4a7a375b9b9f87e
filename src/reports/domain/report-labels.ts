import {
  INELIGIBILITY_CODES,
  IneligibilityCode,
  TERMINATION_REASONS,
  TerminationReason,
} from '../../eligibility/domain/assessment';

/** Filing channels of the dossier table with their Vietnamese names (Cổng DVCQG codes in brackets). */
export const CHANNELS = ['online', 'portal', 'counter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: 'Trực tuyến trên hệ thống của tỉnh',
  portal: 'Trực tuyến qua Cổng Dịch vụ công quốc gia',
  counter: 'Trực tiếp tại trung tâm',
};

/** Age at filing, in full years. */
export const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under_25: 'Dưới 25 tuổi',
  '25_34': 'Từ 25 đến 34 tuổi',
  '35_44': 'Từ 35 đến 44 tuổi',
  '45_54': 'Từ 45 đến 54 tuổi',
  '55_plus': 'Từ 55 tuổi trở lên',
  unknown: 'Không rõ ngày sinh',
};

export const SEXES = ['male', 'female', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const SEX_LABELS: Record<Sex, string> = { male: 'Nam', female: 'Nữ', unknown: 'Không rõ' };

export const TERMINATION_REASON_LABELS: Record<TerminationReason, string> = {
  contract_expired: 'Hết hạn hợp đồng',
  mutual_agreement: 'Hai bên thỏa thuận chấm dứt hợp đồng',
  employee_lawful_resignation: 'Người lao động đơn phương chấm dứt đúng pháp luật',
  employer_lawful_termination: 'Người sử dụng lao động đơn phương chấm dứt đúng pháp luật',
  restructuring: 'Thay đổi cơ cấu, công nghệ hoặc vì lý do kinh tế',
  employer_closed: 'Người sử dụng lao động chấm dứt hoạt động',
  dismissal: 'Bị xử lý kỷ luật sa thải',
  employee_unlawful_resignation: 'Người lao động đơn phương chấm dứt trái pháp luật',
  pension_eligible: 'Đủ điều kiện hưởng lương hưu',
  receiving_pension: 'Đang hưởng lương hưu',
};

export const REFUSAL_REASON_LABELS: Record<IneligibilityCode, string> = {
  unlawful_termination: 'Chấm dứt hợp đồng trái pháp luật',
  pension_eligible: 'Đủ điều kiện hưởng lương hưu',
  receiving_pension: 'Đang hưởng lương hưu hằng tháng',
  insufficient_contributions: 'Chưa đủ thời gian đóng bảo hiểm thất nghiệp',
  filing_before_termination: 'Nộp hồ sơ trước ngày chấm dứt hợp đồng',
  filed_late: 'Nộp hồ sơ quá 03 tháng kể từ ngày chấm dứt hợp đồng',
};

export function terminationReasonLabel(code: string): string {
  return (TERMINATION_REASONS as readonly string[]).includes(code)
    ? TERMINATION_REASON_LABELS[code as TerminationReason]
    : `Khác (${code})`;
}

export function refusalReasonLabel(code: string): string {
  return (INELIGIBILITY_CODES as readonly string[]).includes(code)
    ? REFUSAL_REASON_LABELS[code as IneligibilityCode]
    : `Khác (${code})`;
}

/** Key of a refusal grouped by the Director's written reason (no ineligibility found by the assessment). */
export const DECISION_NOTE_REASON = 'decision_note';
export const UNKNOWN = 'unknown';
