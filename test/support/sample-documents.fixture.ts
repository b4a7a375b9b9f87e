import type { DocumentDataByKind, DocumentHolder } from '../../src/documents/document-data.types';
import type { DocumentKind } from '../../src/documents/document-kind';
import type { IssuerProfile } from '../../src/documents/issuer-profile.types';
import { legalBasisFor } from '../../src/eligibility/domain/legal-bases';

/** Sample data for tests, the bench and previews. Names carry every kind of Vietnamese diacritic. */
export const SAMPLE_ISSUER: IssuerProfile = {
  parentAuthority: 'UBND TỈNH ĐỒNG NAI',
  authority: 'SỞ NỘI VỤ',
  authorityFullName: 'Sở Nội vụ tỉnh Đồng Nai',
  symbol: 'SNV',
  place: 'Đồng Nai',
  signerTitle: 'GIÁM ĐỐC',
  signerName: 'Đặng Hữu Phước',
  competenceBasis: 'Căn cứ Quyết định của Ủy ban nhân dân tỉnh Đồng Nai quy định chức năng, nhiệm vụ của Sở Nội vụ;',
  center: {
    name: 'Trung tâm Dịch vụ việc làm tỉnh Đồng Nai',
    headerName: 'TRUNG TÂM DỊCH VỤ VIỆC LÀM',
    symbol: 'TTDVVL',
    signerTitle: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    signerName: 'Lê Thị Ngọc Hường',
  },
};

export const SAMPLE_HOLDER: DocumentHolder = {
  fullName: 'Nguyễn Thị Ánh Tuyết',
  personalId: '075190012345',
  dateOfBirth: '1990-03-15',
  address: 'Số 12, đường Võ Thị Sáu, phường Trấn Biên, tỉnh Đồng Nai',
  sex: 'female',
};

const common = {
  dossierCode: 'G22.75-261102-0042',
  issuedAt: new Date('2026-11-26T03:00:00Z'),
  verifyUrl: 'https://dichvucong.dongnai.gov.vn/xac-thuc/G22.75-261102-0042?k=8f3a2c',
  holder: SAMPLE_HOLDER,
};

export const SAMPLE_DOCUMENTS: { readonly [K in DocumentKind]: DocumentDataByKind[K] } = {
  'decision-approval': {
    ...common,
    documentNumber: '123',
    legalBasis: { ...legalBasisFor('VN-2025') },
    submittedAt: '2026-11-02',
    terminationDate: '2026-10-15',
    lastEmployer: 'Công ty TNHH Điện tử Biên Hòa',
    decision: {
      monthlyBenefit: 5_520_000,
      benefitMonths: 3,
      averageSalary: 9_200_000,
      contributionMonths: 40,
      periods: [
        { from: '2026-11-16', to: '2026-12-15' },
        { from: '2026-12-16', to: '2027-01-15' },
        { from: '2027-01-16', to: '2027-02-15' },
      ],
      entitlementStart: '2026-11-16',
      entitlementEnd: '2027-02-15',
      noticeDates: [
        { words: 'Trong 03 ngày làm việc kể từ ngày nhận quyết định/trả kết quả' },
        { from: '2026-12-16', to: '2026-12-18' },
        { from: '2027-01-18', to: '2027-01-20' },
      ],
      reservedMonthsAfter: 4,
      socialInsuranceOffice: 'Bảo hiểm xã hội tỉnh Đồng Nai',
      paymentPlace: 'Bảo hiểm xã hội cơ sở Biên Hòa, tỉnh Đồng Nai',
    },
  },
  'decision-refusal': {
    ...common,
    documentNumber: '124',
    legalBasis: { ...legalBasisFor('VN-2025') },
    submittedAt: '2026-11-02',
    reasons: [
      'Chưa đóng đủ 12 tháng bảo hiểm thất nghiệp trong thời gian 24 tháng trước khi chấm dứt hợp đồng lao động (đã đóng 9 tháng).',
      'Đã có việc làm và tham gia bảo hiểm xã hội bắt buộc trong thời hạn 10 ngày làm việc kể từ ngày nộp đủ hồ sơ.',
    ],
  },
  receipt: {
    ...common,
    documentNumber: '2041',
    receivedAt: new Date('2026-11-02T02:15:00Z'),
    dueDate: '2026-11-30',
    receivedItems: [
      'Đề nghị hưởng trợ cấp thất nghiệp (Mẫu số 03).',
      'Quyết định chấm dứt hợp đồng lao động số 88/QĐ-ĐTBH ngày 15/10/2026 (bản điện tử).',
    ],
    channel: 'trực tuyến qua Cổng Dịch vụ công quốc gia',
    resultDelivery: 'bản điện tử trên Cổng Dịch vụ công quốc gia và tài khoản VNeID',
  },
  'supplement-request': {
    ...common,
    documentNumber: '318',
    receivedAt: new Date('2026-11-02T02:15:00Z'),
    missingItems: [
      'Bản sao quyết định chấm dứt hợp đồng lao động có chữ ký và đóng dấu của người sử dụng lao động.',
      'Xác nhận của người sử dụng lao động về thời gian đóng bảo hiểm thất nghiệp tháng 9 và tháng 10 năm 2026.',
    ],
    supplementDeadline: '2026-12-10',
  },
  'intake-refusal': {
    ...common,
    documentNumber: '57',
    receivedAt: new Date('2026-11-02T02:15:00Z'),
    reasons: ['Hồ sơ nộp sau thời hạn 03 tháng kể từ ngày chấm dứt hợp đồng lao động (ngày 15/06/2026).'],
  },
  'decision-suspension': {
    ...common,
    documentNumber: '131',
    legalBasis: { ...legalBasisFor('VN-2025') },
    proposingCenter: 'Trung tâm Dịch vụ việc làm tỉnh Đồng Nai',
    benefit: {
      month: 2,
      period: { from: '2026-12-16', to: '2027-01-15' },
      effectiveDate: '2026-12-16',
      reason:
        'Không thông báo về việc tìm kiếm việc làm hằng tháng trong thời hạn từ ngày 16/12/2026 đến ngày 18/12/2026',
      articleBasis: 'Khoản 2 Điều 41 Luật Việc làm số 74/2025/QH15',
      socialInsuranceOffice: 'Bảo hiểm xã hội tỉnh Đồng Nai',
    },
  },
  'decision-resumption': {
    ...common,
    documentNumber: '140',
    legalBasis: { ...legalBasisFor('VN-2025') },
    proposingCenter: 'Trung tâm Dịch vụ việc làm tỉnh Đồng Nai',
    benefit: {
      month: 3,
      period: { from: '2027-01-16', to: '2027-02-15' },
      effectiveDate: '2027-01-16',
      reason: 'Đã thông báo về việc tìm kiếm việc làm của tháng hưởng thứ 3 ngày 18/01/2027',
      articleBasis: 'Khoản 3 Điều 41 Luật Việc làm số 74/2025/QH15',
      socialInsuranceOffice: 'Bảo hiểm xã hội tỉnh Đồng Nai',
    },
  },
  'decision-termination': {
    ...common,
    documentNumber: '152',
    legalBasis: { ...legalBasisFor('VN-2025') },
    proposingCenter: 'Trung tâm Dịch vụ việc làm tỉnh Đồng Nai',
    benefit: {
      effectiveDate: '2027-02-01',
      reason: 'Có việc làm và thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc',
      articleBasis: 'Điểm a khoản 4 Điều 41 Luật Việc làm số 74/2025/QH15',
      reservedMonths: 12,
      reserveBasis: 'Khoản 5 Điều 41 Luật Việc làm số 74/2025/QH15',
      socialInsuranceOffice: 'Bảo hiểm xã hội tỉnh Đồng Nai',
    },
  },
};
