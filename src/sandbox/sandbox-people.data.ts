import { SandboxCommuneKey, SandboxEmployerKey } from './sandbox-places.data';

/** Stable scenario tags (API.md); `id-mismatch` is the one resident whose personal ID disagrees with the registry. */
export const SANDBOX_SCENARIOS = [
  'eligible',
  'cap-zone-1',
  'exactly-12-months',
  'ineligible-11-months',
  'gaps',
  'over-144-months',
  'reserved-months',
  'state-salary',
  'old-regime-2025',
  'short-contract',
  'no-record',
  'id-mismatch',
] as const;

export type SandboxScenario = (typeof SANDBOX_SCENARIOS)[number];

/** One synthetic person, before the clock turns them into registry records. */
export interface SandboxPerson {
  readonly fullName: string;
  readonly sex: 'male' | 'female';
  readonly dateOfBirth: string;
  /** Pre-2025 province code of the birth registration: the first three digits of the personal ID. */
  readonly birthProvince: string;
  readonly home: SandboxCommuneKey;
  /** Where they live now when it differs from the permanent residence. */
  readonly current?: SandboxCommuneKey;
  readonly scenario: SandboxScenario;
  /** Termination is the working day on or before `today − daysAgo`. */
  readonly daysAgo: number;
  /** Last employer first, then earlier ones. */
  readonly employers: readonly SandboxEmployerKey[];
  /** Monthly contribution salary at the last employer, in thousand VND. */
  readonly salaryK: number;
  /** `eligible` only: total contribution months (default derived from the index, 18–87); keeps young people adult. */
  readonly months?: number;
}

/**
 * Fictional people. Names cover every Vietnamese letter with a diacritic (ă â đ ê ô ơ ư) and all five tones.
 * Order is part of the data: the index seeds personal-ID serials and addresses, so append, never reorder.
 */
export const SANDBOX_PEOPLE: readonly SandboxPerson[] = [
  // eligible
  { fullName: 'Nguyễn Thị Ánh Tuyết', sex: 'female', dateOfBirth: '1992-03-14', birthProvince: '075', home: 'DN_TRAN_BIEN', scenario: 'eligible', daysAgo: 9, employers: ['E1', 'E2'], salaryK: 9200 },
  { fullName: 'Đặng Hữu Phước', sex: 'male', dateOfBirth: '1988-11-02', birthProvince: '070', home: 'DN_DONG_XOAI', scenario: 'eligible', daysAgo: 12, employers: ['E3', 'E4'], salaryK: 8100 },
  { fullName: 'Lê Văn Hưởng', sex: 'male', dateOfBirth: '1979-07-21', birthProvince: '040', home: 'DN_LONG_BINH', scenario: 'eligible', daysAgo: 15, employers: ['E2', 'E1'], salaryK: 11500 },
  { fullName: 'Trần Thị Thu Hằng', sex: 'female', dateOfBirth: '1995-01-30', birthProvince: '079', home: 'HCM_GIA_DINH', scenario: 'eligible', daysAgo: 10, employers: ['E6', 'E5'], salaryK: 12800 },
  { fullName: 'Phạm Minh Đức', sex: 'male', dateOfBirth: '1990-09-09', birthProvince: '001', home: 'HN_CAU_GIAY', scenario: 'eligible', daysAgo: 20, employers: ['E7', 'E8'], salaryK: 15600 },
  { fullName: 'Võ Thị Kim Oanh', sex: 'female', dateOfBirth: '1987-05-05', birthProvince: '052', home: 'HCM_THU_DUC', scenario: 'eligible', daysAgo: 18, employers: ['E5', 'E6'], salaryK: 18400 },
  { fullName: 'Hoàng Văn Thắng', sex: 'male', dateOfBirth: '1984-12-12', birthProvince: '038', home: 'DN_HO_NAI', scenario: 'eligible', daysAgo: 25, employers: ['E1', 'E10'], salaryK: 8700 },
  { fullName: 'Lê Thị Mỹ Duyên', sex: 'female', dateOfBirth: '2001-06-18', birthProvince: '075', home: 'DN_TAM_HIEP', scenario: 'eligible', daysAgo: 11, employers: ['E2'], salaryK: 7200, months: 48 },
  { fullName: 'Bùi Quang Huy', sex: 'male', dateOfBirth: '2002-02-27', birthProvince: '074', home: 'HCM_THU_DAU_MOT', scenario: 'eligible', daysAgo: 14, employers: ['E13'], salaryK: 8900, months: 40 },
  { fullName: 'Đỗ Thị Hồng Nhung', sex: 'female', dateOfBirth: '1993-10-10', birthProvince: '036', home: 'HN_HA_DONG', scenario: 'eligible', daysAgo: 30, employers: ['E7'], salaryK: 10200 },
  { fullName: 'Ngô Đình Khải', sex: 'male', dateOfBirth: '1976-04-01', birthProvince: '079', home: 'HCM_SAI_GON', scenario: 'eligible', daysAgo: 16, employers: ['E6', 'E5'], salaryK: 21000 },
  { fullName: 'Huỳnh Thị Thảo Vy', sex: 'female', dateOfBirth: '1998-08-08', birthProvince: '092', home: 'CT_NINH_KIEU', current: 'DN_TRAN_BIEN', scenario: 'eligible', daysAgo: 13, employers: ['E1', 'E11'], salaryK: 7600 },
  { fullName: 'Dương Văn Lực', sex: 'male', dateOfBirth: '1983-03-03', birthProvince: '070', home: 'DN_BINH_LONG', scenario: 'eligible', daysAgo: 22, employers: ['E4', 'E3'], salaryK: 7100 },
  { fullName: 'Phan Thị Diễm Hương', sex: 'female', dateOfBirth: '1989-12-25', birthProvince: '087', home: 'DN_LONG_KHANH', scenario: 'eligible', daysAgo: 8, employers: ['E10'], salaryK: 6900 },
  { fullName: 'Vũ Đức Thịnh', sex: 'male', dateOfBirth: '1991-07-07', birthProvince: '034', home: 'HN_HOAN_KIEM', scenario: 'eligible', daysAgo: 27, employers: ['E8', 'E7'], salaryK: 24000 },
  { fullName: 'Hồ Thị Quỳnh Như', sex: 'female', dateOfBirth: '1997-02-14', birthProvince: '096', home: 'HCM_BEN_THANH', scenario: 'eligible', daysAgo: 19, employers: ['E5'], salaryK: 14500 },
  { fullName: 'Lý Văn Mạnh', sex: 'male', dateOfBirth: '1986-06-16', birthProvince: '075', home: 'DN_XUAN_LOC', scenario: 'eligible', daysAgo: 35, employers: ['E10', 'E1'], salaryK: 7400 },
  { fullName: 'Tạ Thị Ơn', sex: 'female', dateOfBirth: '1972-09-30', birthProvince: '070', home: 'DN_BINH_PHUOC', scenario: 'eligible', daysAgo: 17, employers: ['E3', 'E12'], salaryK: 6800 },
  { fullName: 'Lưu Văn Ổn', sex: 'male', dateOfBirth: '1980-01-20', birthProvince: '082', home: 'HCM_VUNG_TAU', scenario: 'eligible', daysAgo: 23, employers: ['E6'], salaryK: 13200 },
  { fullName: 'Kiều Thị Diễm My', sex: 'female', dateOfBirth: '2000-12-01', birthProvince: '079', home: 'HCM_GIA_DINH', scenario: 'eligible', daysAgo: 12, employers: ['E5'], salaryK: 11800, months: 50 },
  { fullName: 'Quách Văn Đởm', sex: 'male', dateOfBirth: '1968-05-19', birthProvince: '075', home: 'DN_TRAN_BIEN', scenario: 'eligible', daysAgo: 26, employers: ['E2', 'E1'], salaryK: 9800 },
  { fullName: 'Hà Thị Hoài Thương', sex: 'female', dateOfBirth: '1994-04-04', birthProvince: '042', home: 'DN_DONG_XOAI', scenario: 'eligible', daysAgo: 10, employers: ['E3', 'E12'], salaryK: 7300 },
  // cap-zone-1: high salary at a zone I employer, so 60 % of the average exceeds 5 × the regional minimum wage
  { fullName: 'Trần Quốc Bảo', sex: 'male', dateOfBirth: '1982-08-15', birthProvince: '079', home: 'HCM_SAI_GON', scenario: 'cap-zone-1', daysAgo: 12, employers: ['E5', 'E6'], salaryK: 52000 },
  { fullName: 'Lâm Thị Bảo Ngọc', sex: 'female', dateOfBirth: '1985-10-20', birthProvince: '001', home: 'HN_HOAN_KIEM', scenario: 'cap-zone-1', daysAgo: 16, employers: ['E8'], salaryK: 60000 },
  { fullName: 'Mai Xuân Trọng', sex: 'male', dateOfBirth: '1978-03-28', birthProvince: '075', home: 'DN_TRAN_BIEN', scenario: 'cap-zone-1', daysAgo: 20, employers: ['E2'], salaryK: 48000 },
  // exactly-12-months
  { fullName: 'Nguyễn Văn Dũng', sex: 'male', dateOfBirth: '1996-11-11', birthProvince: '075', home: 'DN_LONG_BINH', scenario: 'exactly-12-months', daysAgo: 9, employers: ['E1', 'E2'], salaryK: 8200 },
  { fullName: 'Cao Thị Ngọc Hân', sex: 'female', dateOfBirth: '2003-05-09', birthProvince: '070', home: 'DN_DONG_XOAI', scenario: 'exactly-12-months', daysAgo: 15, employers: ['E3', 'E4'], salaryK: 6600 },
  { fullName: 'Phùng Văn Sỹ', sex: 'male', dateOfBirth: '1993-01-17', birthProvince: '079', home: 'HCM_THU_DUC', scenario: 'exactly-12-months', daysAgo: 21, employers: ['E6', 'E5'], salaryK: 10500 },
  // ineligible-11-months
  { fullName: 'Trương Thị Ngọc Ẩn', sex: 'female', dateOfBirth: '1999-07-23', birthProvince: '075', home: 'DN_HO_NAI', scenario: 'ineligible-11-months', daysAgo: 10, employers: ['E1', 'E2'], salaryK: 7800 },
  { fullName: 'Đinh Văn Quý', sex: 'male', dateOfBirth: '1995-02-02', birthProvince: '040', home: 'DN_BINH_LONG', scenario: 'ineligible-11-months', daysAgo: 18, employers: ['E4'], salaryK: 6500 },
  { fullName: 'Triệu Thị Hường', sex: 'female', dateOfBirth: '1990-06-06', birthProvince: '020', home: 'HN_HA_DONG', scenario: 'ineligible-11-months', daysAgo: 24, employers: ['E7'], salaryK: 9100 },
  // gaps: the last six contributed months are not consecutive
  { fullName: 'Phan Thanh Tùng', sex: 'male', dateOfBirth: '1987-09-19', birthProvince: '083', home: 'HCM_VUNG_TAU', scenario: 'gaps', daysAgo: 13, employers: ['E6', 'E5'], salaryK: 11200 },
  { fullName: 'Bùi Thị Thúy Hạnh', sex: 'female', dateOfBirth: '1991-03-08', birthProvince: '075', home: 'DN_TAM_HIEP', scenario: 'gaps', daysAgo: 17, employers: ['E2', 'E1'], salaryK: 8300 },
  { fullName: 'Nông Văn Giỏi', sex: 'male', dateOfBirth: '1989-12-03', birthProvince: '004', home: 'DN_XUAN_LOC', scenario: 'gaps', daysAgo: 28, employers: ['E10', 'E1'], salaryK: 7000 },
  // over-144-months
  { fullName: 'Trịnh Xuân Trường', sex: 'male', dateOfBirth: '1970-02-11', birthProvince: '031', home: 'HCM_SAI_GON', scenario: 'over-144-months', daysAgo: 11, employers: ['E6', 'E5', 'E13'], salaryK: 19000 },
  { fullName: 'Ngô Thị Lệ Quyên', sex: 'female', dateOfBirth: '1974-08-27', birthProvince: '075', home: 'DN_TRAN_BIEN', scenario: 'over-144-months', daysAgo: 19, employers: ['E1', 'E2', 'E10'], salaryK: 10800 },
  { fullName: 'Lương Thế Vĩnh', sex: 'male', dateOfBirth: '1969-10-05', birthProvince: '001', home: 'HN_CAU_GIAY', scenario: 'over-144-months', daysAgo: 26, employers: ['E7', 'E8'], salaryK: 16700 },
  // reserved-months: an earlier benefit consumed old months and reserved some
  { fullName: 'Dương Thị Ngọc Ánh', sex: 'female', dateOfBirth: '1984-04-17', birthProvince: '075', home: 'DN_LONG_KHANH', scenario: 'reserved-months', daysAgo: 12, employers: ['E10', 'E1'], salaryK: 8000 },
  { fullName: 'Hồ Sỹ Hiển', sex: 'male', dateOfBirth: '1981-11-29', birthProvince: '040', home: 'DN_LONG_BINH', scenario: 'reserved-months', daysAgo: 16, employers: ['E2', 'E1'], salaryK: 9600 },
  { fullName: 'Phạm Ngọc Bích Trâm', sex: 'female', dateOfBirth: '1986-01-06', birthProvince: '079', home: 'HCM_GIA_DINH', scenario: 'reserved-months', daysAgo: 22, employers: ['E5', 'E6'], salaryK: 13700 },
  // state-salary: paid on the State salary scale by a public service unit
  { fullName: 'Đặng Thị Mai Phương', sex: 'female', dateOfBirth: '1985-07-12', birthProvince: '075', home: 'DN_TRAN_BIEN', scenario: 'state-salary', daysAgo: 14, employers: ['E9'], salaryK: 9400 },
  { fullName: 'Võ Thành Lộc', sex: 'male', dateOfBirth: '1980-05-30', birthProvince: '070', home: 'DN_DONG_XOAI', scenario: 'state-salary', daysAgo: 18, employers: ['E15'], salaryK: 22500 },
  { fullName: 'Tôn Nữ Thị Sương', sex: 'female', dateOfBirth: '1977-03-21', birthProvince: '046', home: 'HCM_BEN_THANH', scenario: 'state-salary', daysAgo: 24, employers: ['E16'], salaryK: 8600 },
  // old-regime-2025: terminated in 2025 (VN-2013), see sandbox-residents.ts
  { fullName: 'Huỳnh Tấn Đạt', sex: 'male', dateOfBirth: '1983-06-21', birthProvince: '080', home: 'DN_TAM_HIEP', scenario: 'old-regime-2025', daysAgo: 10, employers: ['E2', 'E1'], salaryK: 12000 },
  { fullName: 'Mai Thị Tuyết Nhung', sex: 'female', dateOfBirth: '1979-11-14', birthProvince: '075', home: 'DN_BINH_PHUOC', scenario: 'old-regime-2025', daysAgo: 20, employers: ['E3'], salaryK: 8800 },
  // short-contract: last contract 6 months; 12+ months only within 36
  { fullName: 'La Văn Ước', sex: 'male', dateOfBirth: '2004-09-03', birthProvince: '075', home: 'DN_HO_NAI', scenario: 'short-contract', daysAgo: 9, employers: ['E14', 'E1', 'E2'], salaryK: 7500 },
  { fullName: 'Vũ Thị Ngân', sex: 'female', dateOfBirth: '2000-03-15', birthProvince: '079', home: 'HCM_THU_DUC', scenario: 'short-contract', daysAgo: 15, employers: ['E14', 'E6', 'E5'], salaryK: 8200 },
  { fullName: 'Kha Văn Tấn', sex: 'male', dateOfBirth: '1998-10-28', birthProvince: '089', home: 'CT_NINH_KIEU', scenario: 'short-contract', daysAgo: 21, employers: ['E11', 'E11', 'E11'], salaryK: 6400 },
  // no-record: in the population registry, never insured
  { fullName: 'Lý Thị Hải Yến', sex: 'female', dateOfBirth: '2005-01-09', birthProvince: '075', home: 'DN_TRAN_BIEN', scenario: 'no-record', daysAgo: 10, employers: [], salaryK: 0 },
  { fullName: 'Ông Văn Lãm', sex: 'male', dateOfBirth: '1990-12-20', birthProvince: '079', home: 'HCM_SAI_GON', scenario: 'no-record', daysAgo: 14, employers: [], salaryK: 0 },
  { fullName: 'Châu Ngọc Thủy Tiên', sex: 'female', dateOfBirth: '1997-08-30', birthProvince: '092', home: 'CT_NINH_KIEU', scenario: 'no-record', daysAgo: 16, employers: [], salaryK: 0 },
  // id-mismatch: registry says male, born 1988; the number encodes a woman born 1989 (G = 1, YY = 89)
  { fullName: 'Nguyễn Hữu Nghĩa', sex: 'male', dateOfBirth: '1988-04-12', birthProvince: '075', home: 'DN_LONG_BINH', scenario: 'id-mismatch', daysAgo: 12, employers: ['E1', 'E2'], salaryK: 9000 },
];
