import { Address } from '../registries/population/population-registry.port';
import { MinimumWageZone } from '../registries/social-insurance/social-insurance-registry.port';

/**
 * Post-2025 two-level places used by the synthetic residents. Commune and province names are the real post-merger
 * units (e.g. Bình Phước's Đồng Xoài is now a ward of Đồng Nai; Bình Dương's Thủ Dầu Một and Bà Rịa – Vũng Tàu's
 * Vũng Tàu are now wards of TP. Hồ Chí Minh). Commune codes are SYNTHETIC placeholders, not the official codes.
 */
interface Commune {
  readonly communeCode: string;
  readonly communeName: string;
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly streets: readonly string[];
  readonly quarter: string;
}

const DONG_NAI = { provinceCode: '75', provinceName: 'Tỉnh Đồng Nai' } as const;
const HCMC = { provinceCode: '79', provinceName: 'Thành phố Hồ Chí Minh' } as const;
const HA_NOI = { provinceCode: '01', provinceName: 'Thành phố Hà Nội' } as const;
const CAN_THO = { provinceCode: '92', provinceName: 'Thành phố Cần Thơ' } as const;

export const SANDBOX_COMMUNES = {
  DN_TRAN_BIEN: {
    ...DONG_NAI,
    communeCode: '75001',
    communeName: 'Phường Trấn Biên',
    quarter: 'khu phố 2',
    streets: ['đường Phạm Văn Thuận', 'đường Võ Thị Sáu', 'đường Cách Mạng Tháng Tám'],
  },
  DN_TAM_HIEP: {
    ...DONG_NAI,
    communeCode: '75002',
    communeName: 'Phường Tam Hiệp',
    quarter: 'khu phố 5',
    streets: ['đường Đồng Khởi', 'đường Phạm Văn Thuận'],
  },
  DN_LONG_BINH: {
    ...DONG_NAI,
    communeCode: '75003',
    communeName: 'Phường Long Bình',
    quarter: 'khu phố 7',
    streets: ['đường Bùi Văn Hòa', 'đường Nguyễn Ái Quốc'],
  },
  DN_HO_NAI: {
    ...DONG_NAI,
    communeCode: '75004',
    communeName: 'Phường Hố Nai',
    quarter: 'khu phố 4',
    streets: ['Quốc lộ 1', 'đường Nguyễn Văn Tiên'],
  },
  DN_LONG_KHANH: {
    ...DONG_NAI,
    communeCode: '75005',
    communeName: 'Phường Long Khánh',
    quarter: 'khu phố 1',
    streets: ['đường Hùng Vương', 'đường Nguyễn Trãi'],
  },
  DN_XUAN_LOC: {
    ...DONG_NAI,
    communeCode: '75006',
    communeName: 'Xã Xuân Lộc',
    quarter: 'ấp Bình Hòa',
    streets: ['đường Trần Phú', 'tỉnh lộ 766'],
  },
  DN_DONG_XOAI: {
    ...DONG_NAI,
    communeCode: '75007',
    communeName: 'Phường Đồng Xoài',
    quarter: 'khu phố Xuân Đồng',
    streets: ['đường Phú Riềng Đỏ', 'đường Hùng Vương'],
  },
  DN_BINH_PHUOC: {
    ...DONG_NAI,
    communeCode: '75008',
    communeName: 'Phường Bình Phước',
    quarter: 'khu phố Tân Trà',
    streets: ['đường Lê Quý Đôn', 'đường Trần Hưng Đạo'],
  },
  DN_BINH_LONG: {
    ...DONG_NAI,
    communeCode: '75009',
    communeName: 'Phường Bình Long',
    quarter: 'khu phố Phú Thịnh',
    streets: ['đường Nguyễn Huệ', 'Quốc lộ 13'],
  },
  HCM_SAI_GON: {
    ...HCMC,
    communeCode: '79001',
    communeName: 'Phường Sài Gòn',
    quarter: 'khu phố 3',
    streets: ['đường Lê Lợi', 'đường Hai Bà Trưng', 'đường Đồng Khởi'],
  },
  HCM_BEN_THANH: {
    ...HCMC,
    communeCode: '79002',
    communeName: 'Phường Bến Thành',
    quarter: 'khu phố 6',
    streets: ['đường Nguyễn Thị Minh Khai', 'đường Lê Thánh Tôn'],
  },
  HCM_THU_DUC: {
    ...HCMC,
    communeCode: '79003',
    communeName: 'Phường Thủ Đức',
    quarter: 'khu phố 8',
    streets: ['đường Võ Văn Ngân', 'đường Đặng Văn Bi'],
  },
  HCM_GIA_DINH: {
    ...HCMC,
    communeCode: '79004',
    communeName: 'Phường Gia Định',
    quarter: 'khu phố 2',
    streets: ['đường Phan Đăng Lưu', 'đường Lê Quang Định'],
  },
  HCM_THU_DAU_MOT: {
    ...HCMC,
    communeCode: '79005',
    communeName: 'Phường Thủ Dầu Một',
    quarter: 'khu phố 1',
    streets: ['đường Yersin', 'đường Bạch Đằng'],
  },
  HCM_VUNG_TAU: {
    ...HCMC,
    communeCode: '79006',
    communeName: 'Phường Vũng Tàu',
    quarter: 'khu phố 4',
    streets: ['đường Thùy Vân', 'đường Ba Cu'],
  },
  HN_HOAN_KIEM: {
    ...HA_NOI,
    communeCode: '01001',
    communeName: 'Phường Hoàn Kiếm',
    quarter: 'tổ dân phố 9',
    streets: ['phố Hàng Bạc', 'phố Lý Thường Kiệt'],
  },
  HN_CAU_GIAY: {
    ...HA_NOI,
    communeCode: '01002',
    communeName: 'Phường Cầu Giấy',
    quarter: 'tổ dân phố 14',
    streets: ['đường Xuân Thủy', 'phố Trần Thái Tông'],
  },
  HN_HA_DONG: {
    ...HA_NOI,
    communeCode: '01003',
    communeName: 'Phường Hà Đông',
    quarter: 'tổ dân phố 3',
    streets: ['đường Quang Trung', 'phố Tô Hiệu'],
  },
  CT_NINH_KIEU: {
    ...CAN_THO,
    communeCode: '92001',
    communeName: 'Phường Ninh Kiều',
    quarter: 'khu vực 2',
    streets: ['đường Trần Hưng Đạo', 'đường 30 Tháng 4'],
  },
} as const satisfies Record<string, Commune>;

export type SandboxCommuneKey = keyof typeof SANDBOX_COMMUNES;

/** A deterministic street address in the commune; `seed` picks house number and street. */
export function sandboxAddress(key: SandboxCommuneKey, seed: number): Address {
  const c: Commune = SANDBOX_COMMUNES[key];
  const house = 3 + ((seed * 37) % 240);
  const street = c.streets[seed % c.streets.length];
  return {
    line: `Số ${house}, ${street}, ${c.quarter}`,
    communeCode: c.communeCode,
    communeName: c.communeName,
    provinceCode: c.provinceCode,
    provinceName: c.provinceName,
  };
}

export interface SandboxEmployer {
  readonly name: string;
  /** Synthetic tax code (10 digits); not guaranteed to pass the official check digit. */
  readonly taxCode: string;
  readonly zone: MinimumWageZone;
  /** Pays on the State salary scale (public service unit). */
  readonly state: boolean;
}

/** Fictional employers; any resemblance to a real company is accidental. */
export const SANDBOX_EMPLOYERS = {
  E1: { name: 'Công ty TNHH Giày da Phú Thịnh Đồng Nai', taxCode: '3601234567', zone: 'I', state: false },
  E2: { name: 'Công ty Cổ phần Điện tử Tân Hiệp', taxCode: '3602345678', zone: 'I', state: false },
  E3: { name: 'Công ty TNHH Chế biến gỗ Đồng Xoài', taxCode: '3801234567', zone: 'II', state: false },
  E4: { name: 'Công ty TNHH Dệt may Bình Long', taxCode: '3802345678', zone: 'III', state: false },
  E5: { name: 'Công ty Cổ phần Phần mềm Sài Gòn Số', taxCode: '0312345678', zone: 'I', state: false },
  E6: { name: 'Công ty TNHH Giao nhận Cát Lái', taxCode: '0313456789', zone: 'I', state: false },
  E7: { name: 'Công ty Cổ phần Thương mại Hoàn Kiếm', taxCode: '0101234567', zone: 'I', state: false },
  E8: { name: 'Công ty Tài chính TNHH Ánh Dương', taxCode: '0109876543', zone: 'I', state: false },
  E9: { name: 'Trường Trung học cơ sở Bửu Long Mới', taxCode: '3600987654', zone: 'I', state: true },
  E10: { name: 'Công ty TNHH Nông sản Xuân Lộc Xanh', taxCode: '3603456789', zone: 'III', state: false },
  E11: { name: 'Công ty TNHH May mặc Tây Đô Xanh', taxCode: '1801234567', zone: 'II', state: false },
  E12: { name: 'Công ty TNHH Hạt điều Bù Gia Mập', taxCode: '3803456789', zone: 'IV', state: false },
  E13: { name: 'Công ty TNHH Bao bì Thủ Dầu Một', taxCode: '3701234567', zone: 'I', state: false },
  E14: { name: 'Công ty TNHH Tổ chức sự kiện Mùa Vàng', taxCode: '0314567890', zone: 'I', state: false },
  E15: { name: 'Trung tâm Y tế khu vực Đồng Xoài', taxCode: '3804567890', zone: 'II', state: true },
  E16: { name: 'Trung tâm Văn hóa – Thể thao Sài Gòn Mới', taxCode: '0315678901', zone: 'I', state: true },
} as const satisfies Record<string, SandboxEmployer>;

export type SandboxEmployerKey = keyof typeof SANDBOX_EMPLOYERS;
