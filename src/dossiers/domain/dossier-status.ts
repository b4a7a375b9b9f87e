/** Internal statuses of a dossier (docs/api.md) with their Vietnamese labels and national-portal codes (docs/domain.md §6). */
export const DOSSIER_STATUSES = [
  'SUBMITTED',
  'SUPPLEMENT_REQUESTED',
  'RECEIVED',
  'IN_REVIEW',
  'REVIEWED',
  'PROPOSED',
  'APPROVED',
  'DENIED',
  'RESULT_RETURNED',
  'REJECTED',
  'WITHDRAWN',
  'REVOKED',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const STATUS_LABELS: Record<DossierStatus, string> = {
  SUBMITTED: 'Mới nộp, chờ tiếp nhận',
  SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung hồ sơ',
  RECEIVED: 'Đã tiếp nhận',
  IN_REVIEW: 'Đang thẩm định',
  REVIEWED: 'Đã thẩm định, chờ trình',
  PROPOSED: 'Đã trình Giám đốc Sở',
  APPROVED: 'Đã có quyết định hưởng',
  DENIED: 'Không được hưởng',
  RESULT_RETURNED: 'Đã trả kết quả',
  REJECTED: 'Từ chối tiếp nhận',
  WITHDRAWN: 'Công dân đã rút hồ sơ',
  REVOKED: 'Quyết định đã bị thu hồi',
};

/**
 * Portal status codes (Cổng DVCQG): 1 Mới đăng ký · 2 Được tiếp nhận · 3 Không được tiếp nhận · 4 Đang xử lý ·
 * 5 Yêu cầu bổ sung giấy tờ · 7 Công dân yêu cầu rút hồ sơ · 8 Dừng xử lý · 9 Đã xử lý xong · 10 Đã trả kết quả.
 * A revoked decision (thu hồi) stops the case: 8 Dừng xử lý.
 */
export const PORTAL_STATUS_CODES: Record<DossierStatus, number> = {
  SUBMITTED: 1,
  RECEIVED: 2,
  REJECTED: 3,
  IN_REVIEW: 4,
  REVIEWED: 4,
  PROPOSED: 4,
  SUPPLEMENT_REQUESTED: 5,
  WITHDRAWN: 7,
  APPROVED: 9,
  DENIED: 9,
  RESULT_RETURNED: 10,
  REVOKED: 8,
};

/** Statuses in which a person's dossier still counts as open (one open dossier per person). */
export const OPEN_STATUSES: readonly DossierStatus[] = [
  'SUBMITTED',
  'SUPPLEMENT_REQUESTED',
  'RECEIVED',
  'IN_REVIEW',
  'REVIEWED',
  'PROPOSED',
];
