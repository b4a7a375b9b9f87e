/** Staff roles of docs/api.md. */
export type SandboxStaffRole = 'receiver' | 'reviewer' | 'center_head' | 'director' | 'admin';

export interface SandboxCenter {
  readonly code: string;
  readonly name: string;
  /** Post-2025 province code. */
  readonly provinceCode: string;
  readonly address: string;
  /** Shown to citizens as "Cần hỗ trợ?" (sandbox numbers, not real lines). */
  readonly phone: string;
  readonly hours: string;
  /** Commune codes served (sandbox-places.data.ts). */
  readonly communes: readonly string[];
}

/** Public employment service centers of Đồng Nai (sandbox). */
export const SANDBOX_CENTERS: readonly SandboxCenter[] = Object.freeze([
  {
    code: 'DNA-BH',
    name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa',
    provinceCode: '75',
    address: 'Số 1, đường Phạm Văn Thuận, Phường Trấn Biên, Tỉnh Đồng Nai',
    phone: '0251 3800 101',
    hours: 'Thứ Hai đến Thứ Sáu, 7 giờ 30 – 11 giờ 30 và 13 giờ 00 – 17 giờ 00',
    communes: ['75001', '75002', '75003', '75004'],
  },
  {
    code: 'DNA-DX',
    name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Đồng Xoài',
    provinceCode: '75',
    address: 'Số 8, đường Hùng Vương, Phường Đồng Xoài, Tỉnh Đồng Nai',
    phone: '0271 3800 102',
    hours: 'Thứ Hai đến Thứ Sáu, 7 giờ 30 – 11 giờ 30 và 13 giờ 00 – 17 giờ 00',
    communes: ['75007', '75008', '75009'],
  },
  {
    code: 'DNA-LK',
    name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Long Khánh',
    provinceCode: '75',
    address: 'Số 21, đường Hùng Vương, Phường Long Khánh, Tỉnh Đồng Nai',
    phone: '0251 3800 103',
    hours: 'Thứ Hai đến Thứ Sáu, 7 giờ 30 – 11 giờ 30 và 13 giờ 00 – 17 giờ 00',
    communes: ['75005', '75006'],
  },
]);

/** The provincial department whose Director signs decisions (Sở Nội vụ since 1/3/2025). */
export const SANDBOX_DEPARTMENT = Object.freeze({
  code: 'SNV-DNA',
  name: 'Sở Nội vụ tỉnh Đồng Nai',
  provinceCode: '75',
});

export interface SandboxStaffAccount {
  readonly username: string;
  /** Sandbox only: listed on purpose so testers can log in. Never reuse outside the sandbox. */
  readonly password: string;
  readonly role: SandboxStaffRole;
  /** `null` for province-level roles (director, admin), who belong to `SANDBOX_DEPARTMENT`. */
  readonly centerCode: string | null;
  readonly provinceCode: string;
  readonly fullName: string;
}

function account(
  username: string,
  role: SandboxStaffRole,
  centerCode: string | null,
  fullName: string,
): SandboxStaffAccount {
  return { username, password: `Sandbox@2026.${username}`, role, centerCode, provinceCode: '75', fullName };
}

/** Each center-level role in every center; two directors and two administrators at province level. */
export const SANDBOX_STAFF: readonly SandboxStaffAccount[] = Object.freeze([
  account('tiepnhan.bh', 'receiver', 'DNA-BH', 'Nguyễn Thị Thanh Tâm'),
  account('tiepnhan2.bh', 'receiver', 'DNA-BH', 'Phạm Văn Hiếu'),
  account('thamdinh.bh', 'reviewer', 'DNA-BH', 'Trần Văn Khoa'),
  account('truongtt.bh', 'center_head', 'DNA-BH', 'Lê Thị Bích Liên'),
  account('tiepnhan.dx', 'receiver', 'DNA-DX', 'Điểu Thị Hạnh'),
  account('thamdinh.dx', 'reviewer', 'DNA-DX', 'Hoàng Minh Tuấn'),
  account('truongtt.dx', 'center_head', 'DNA-DX', 'Nguyễn Văn Thưởng'),
  account('tiepnhan.lk', 'receiver', 'DNA-LK', 'Vương Thị Lụa'),
  account('thamdinh.lk', 'reviewer', 'DNA-LK', 'Đoàn Quốc Việt'),
  account('truongtt.lk', 'center_head', 'DNA-LK', 'Phan Thị Ngọc Diệp'),
  account('giamdoc.snv', 'director', null, 'Trần Đức Hải'),
  account('phogiamdoc.snv', 'director', null, 'Nguyễn Thị Kiều Oanh'),
  account('quantri', 'admin', null, 'Lê Quang Vinh'),
  account('quantri2', 'admin', null, 'Bùi Thị Yến Nhi'),
]);
