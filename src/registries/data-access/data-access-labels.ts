import { RegistrySource } from '../http/registry-http-client';

/** Who caused a registry read. */
export type DataAccessActorType = 'citizen' | 'staff' | 'portal' | 'system';

/**
 * Why registry data was read. Stable codes stored in `data_access_log.purpose`: extend, never rename (old rows keep
 * their code). A code missing here is still stored and listed, labelled with the code itself.
 */
export type DataAccessPurpose =
  | 'prefill'
  | 'eligibility_preview'
  | 'filing'
  | 'review'
  | 'reemployment_check'
  | 'dossier_review'
  | 'benefit_reemployment_sweep';

export const DATA_ACCESS_SOURCE_LABELS: Readonly<Record<RegistrySource, string>> = Object.freeze({
  population: 'Cơ sở dữ liệu quốc gia về dân cư',
  social_insurance: 'Cơ sở dữ liệu quốc gia về bảo hiểm',
});

export const DATA_ACCESS_PURPOSE_LABELS: Readonly<Record<DataAccessPurpose, string>> = Object.freeze({
  prefill: 'Điền sẵn thông tin vào tờ khai',
  eligibility_preview: 'Xem trước điều kiện và mức hưởng trợ cấp thất nghiệp',
  filing: 'Nộp hồ sơ đề nghị hưởng trợ cấp thất nghiệp',
  review: 'Thẩm định hồ sơ',
  reemployment_check: 'Kiểm tra việc có việc làm mới sau khi nộp hồ sơ',
  dossier_review: 'Cán bộ xem hồ sơ (dữ liệu lấy từ cơ sở dữ liệu quốc gia lưu trong hồ sơ)',
  benefit_reemployment_sweep: 'Kiểm tra hằng ngày việc có việc làm mới trong thời gian hưởng trợ cấp thất nghiệp',
});

export const DATA_ACCESS_ACTOR_LABELS: Readonly<Record<DataAccessActorType, string>> = Object.freeze({
  citizen: 'Chính công dân',
  staff: 'Cán bộ tổ chức dịch vụ việc làm công',
  portal: 'Cổng Dịch vụ công quốc gia',
  system: 'Hệ thống (tự động)',
});

export function purposeLabel(code: string): string {
  return (DATA_ACCESS_PURPOSE_LABELS as Record<string, string>)[code] ?? code;
}
