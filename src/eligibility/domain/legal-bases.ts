import { Regime } from './regime';

/**
 * What a decision cites for the regime it applied (docs/domain.md §2: "The decision cites the law and decree it
 * applied"), with the promulgation dates, and the regime's own wording of the average salary line.
 */
export interface RegimeLegalBasis {
  /** "Luật Việc làm số … ngày …" (without "Căn cứ" and the final ";"). */
  readonly law: string;
  /** "Nghị định số … ngày … của Chính phủ …". */
  readonly decree: string;
  /** The average-salary line of the approval decision, as the regime words it. */
  readonly averageSalaryWording: string;
}

/**
 * Promulgation date of Nghị định 374/2025/NĐ-CP as printed on decisions ("ngày … tháng … năm …"); null until an
 * administrator has confirmed it against the official gazette, in which case the decree is cited without its date.
 */
export const DECREE_374_2025_DATE: string | null = null;

const BASES: Record<Regime, RegimeLegalBasis> = {
  'VN-2013': {
    law: 'Luật Việc làm số 38/2013/QH13 ngày 16 tháng 11 năm 2013',
    decree:
      'Nghị định số 28/2015/NĐ-CP ngày 12 tháng 3 năm 2015 của Chính phủ quy định chi tiết thi hành một số điều của ' +
      'Luật Việc làm về bảo hiểm thất nghiệp, được sửa đổi, bổ sung bởi Nghị định số 61/2020/NĐ-CP ngày 29 tháng 5 ' +
      'năm 2020 của Chính phủ',
    averageSalaryWording:
      'Mức bình quân tiền lương tháng đóng bảo hiểm thất nghiệp của 06 tháng liền kề trước khi thất nghiệp',
  },
  'VN-2025': {
    law: 'Luật Việc làm số 74/2025/QH15 ngày 16 tháng 6 năm 2025',
    decree:
      `Nghị định số 374/2025/NĐ-CP${DECREE_374_2025_DATE ? ` ngày ${DECREE_374_2025_DATE}` : ''} của Chính phủ quy ` +
      'định chi tiết một số điều của Luật Việc làm về bảo hiểm thất nghiệp',
    averageSalaryWording: 'Mức bình quân tiền lương tháng đóng bảo hiểm thất nghiệp của 06 tháng đã đóng gần nhất',
  },
};

export function legalBasisFor(regime: Regime): RegimeLegalBasis {
  return BASES[regime];
}
