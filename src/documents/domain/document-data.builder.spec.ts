import { shippedCalendar } from '../../calendar/shipped-calendar';
import { WorkingCalendar } from '../../calendar/working-calendar';
import type { BenefitDecisionData, DecisionApprovalData, SupplementRequestData } from '../document-data.types';
import {
  buildDocumentData,
  DossierSnapshot,
  holderOf,
  IssuanceContext,
  IssuanceDataError,
  SnapshotAssessmentOutput,
} from './document-data.builder';
import type { Regime } from '../../eligibility/domain/regime';

const output: SnapshotAssessmentOutput = {
  monthlyBenefit: 5_520_000,
  benefitMonths: 2,
  averageSalary: 9_200_000,
  totalContributionMonths: 30,
  reservedMonthsAfter: 0,
  entitlementStart: '2026-11-16',
  entitlementEnd: '2027-01-15',
  periods: [
    { from: '2026-11-16', to: '2026-12-15' },
    { from: '2026-12-16', to: '2027-01-15' },
  ],
};

const dossier: DossierSnapshot = {
  id: 'd1',
  code: 'DNA-BH-20261102-00042',
  personalId: '075190012345',
  channel: 'online',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  applicant: {
    fullName: 'Nguyễn Thị Ánh Tuyết',
    dateOfBirth: '1990-03-15',
    sex: 'female',
    permanentAddress: {
      line: 'Số 12, đường Võ Thị Sáu',
      communeName: 'Phường Trấn Biên',
      provinceName: 'Tỉnh Đồng Nai',
    },
  },
  application: { lastEmployer: { name: 'Công ty TNHH Điện tử Biên Hòa' }, phone: '0912345678' },
  assessment: { output },
  supplement: { items: ['stale'], note: null },
  decisionNote: null,
  filedAt: new Date('2026-11-02T02:15:00Z'),
  receivedAt: new Date('2026-11-02T03:00:00Z'),
  dueDate: '2026-11-30',
  terminationDate: '2026-10-15',
  filedOn: '2026-11-02',
};

const context: IssuanceContext = {
  documentNumber: '12',
  issuedAt: new Date('2026-11-26T03:00:00Z'),
  issuedOn: '2026-11-26',
  verifyUrl: 'https://example.test/verify/CODE',
  calendar: new WorkingCalendar(shippedCalendar()),
  socialInsuranceOffice: 'Bảo hiểm xã hội tỉnh Đồng Nai',
  centerName: 'Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa',
  attachments: [],
  event: null,
};

describe('buildDocumentData', () => {
  it('takes the holder from the population record, never from the application', () => {
    expect(holderOf(dossier)).toEqual({
      fullName: 'Nguyễn Thị Ánh Tuyết',
      personalId: '075190012345',
      dateOfBirth: '1990-03-15',
      address: 'Số 12, đường Võ Thị Sáu, Phường Trấn Biên, Tỉnh Đồng Nai',
      sex: 'female',
      phone: '0912345678',
    });
  });

  it('fills the approval from the assessment, with the notice schedule from the issue date', () => {
    const data = buildDocumentData('decision-approval', dossier, context) as DecisionApprovalData;
    expect(data.decision).toMatchObject({ monthlyBenefit: 5_520_000, benefitMonths: 2, contributionMonths: 30 });
    expect(data.decision.noticeDates).toEqual([
      { words: 'Trong 03 ngày làm việc kể từ ngày nhận quyết định/trả kết quả' },
      { from: '2026-12-16', to: '2026-12-18' },
    ]);
    expect(data.proposingCenter).toBe(context.centerName);
    expect(data.submittedAt).toBe('2026-11-02');
  });

  it.each([
    // recorded regime, law cited with its date, decree cited, average-salary wording
    [
      'VN-2025',
      'Luật Việc làm số 74/2025/QH15 ngày 16 tháng 6 năm 2025',
      'Nghị định số 374/2025/NĐ-CP',
      '06 tháng đã đóng gần nhất',
    ],
    [
      'VN-2013',
      'Luật Việc làm số 38/2013/QH13 ngày 16 tháng 11 năm 2013',
      'Nghị định số 28/2015/NĐ-CP ngày 12 tháng 3 năm 2015',
      '06 tháng liền kề trước khi thất nghiệp',
    ],
  ])('decisions cite the law and decree of the regime applied (%s)', (regime, law, decree, wording) => {
    const reasons = [{ code: 'insufficient_contributions' as const, message: 'x' }];
    const applied = { ...dossier, assessment: { output: { ...output, regime: regime as Regime, reasons } } };
    const approval = buildDocumentData('decision-approval', applied, context) as DecisionApprovalData;
    expect(approval.legalBasis.law).toBe(law);
    expect(approval.legalBasis.decree).toContain(decree);
    expect(approval.legalBasis.averageSalaryWording).toContain(wording);
    if (regime === 'VN-2013') expect(approval.legalBasis.decree).toContain('61/2020/NĐ-CP ngày 29 tháng 5 năm 2020');
    const refusal = buildDocumentData('decision-refusal', { ...applied, decisionNote: 'Lý do' }, context);
    expect((refusal as DecisionApprovalData).legalBasis.law).toBe(law);
  });

  it('without a recorded regime, cites the regime in force on the day of the decision', () => {
    const data = buildDocumentData('decision-approval', dossier, context) as DecisionApprovalData;
    expect(data.legalBasis.law).toContain('74/2025/QH15');
    const in2025 = { ...context, issuedOn: '2025-12-30' };
    expect((buildDocumentData('decision-approval', dossier, in2025) as DecisionApprovalData).legalBasis.law).toContain(
      '38/2013/QH13',
    );
  });

  it('refuses to build an approval without benefit periods, or a refusal without reasons', () => {
    const ineligible = { ...dossier, assessment: { output: { ...output, periods: [] } } };
    expect(() => buildDocumentData('decision-approval', ineligible, context)).toThrow(IssuanceDataError);
    expect(() =>
      buildDocumentData(
        'decision-refusal',
        { ...dossier, assessment: { output: { ...output, reasons: [] } } },
        context,
      ),
    ).toThrow(IssuanceDataError);
  });

  it("lists the items of the supplementation request's own event, not the dossier's current request", () => {
    const event = {
      seq: 5,
      occurredAt: new Date(),
      actorName: 'Cán bộ',
      note: null,
      data: { items: ['Sổ bảo hiểm xã hội'] },
    };
    const data = buildDocumentData('supplement-request', dossier, { ...context, event }) as SupplementRequestData;
    expect(data.missingItems).toEqual(['Sổ bảo hiểm xã hội']);
  });

  describe('benefit-period decisions (Luật Việc làm 74/2025 Điều 41) read only their history event', () => {
    const at = (data: Record<string, unknown>) => ({
      ...context,
      event: { seq: 9, occurredAt: new Date('2027-01-05T02:00:00Z'), actorName: 'Giám đốc', note: null, data },
    });

    it('k.2: the suspension states the month, its dates, the missed window and takes effect on the first day of that month', () => {
      const data = buildDocumentData(
        'decision-suspension',
        dossier,
        at({
          event: 'suspended',
          month: 2,
          period: { from: '2026-12-16', to: '2027-01-15' },
          effectiveDate: '2026-12-16',
          noticeWindow: { from: '2026-12-16', to: '2026-12-18' },
          legalBasis: 'Khoản 2 Điều 41 Luật Việc làm số 74/2025/QH15',
        }),
      ) as BenefitDecisionData;
      expect(data.legalBasis.law).toContain('74/2025/QH15');
      expect(data.legalBasis.decree).toContain('374/2025/NĐ-CP');
      expect(data.benefit).toEqual({
        month: 2,
        period: { from: '2026-12-16', to: '2027-01-15' },
        effectiveDate: '2026-12-16',
        reason:
          'Không thông báo về việc tìm kiếm việc làm hằng tháng trong thời hạn từ ngày 16/12/2026 đến ngày 18/12/2026',
        articleBasis: 'Khoản 2 Điều 41 Luật Việc làm số 74/2025/QH15',
        socialInsuranceOffice: 'Bảo hiểm xã hội tỉnh Đồng Nai',
      });
    });

    it('k.3: the resumption names the notice that allows it', () => {
      const data = buildDocumentData(
        'decision-resumption',
        dossier,
        at({
          event: 'resumed',
          month: 3,
          period: { from: '2027-01-16', to: '2027-02-15' },
          noticeFiledAt: '2027-01-18T01:00:00Z',
          legalBasis: 'Khoản 3 Điều 41 Luật Việc làm số 74/2025/QH15',
        }),
      ) as BenefitDecisionData;
      // An event recorded without an effective date takes effect on the first day of its month.
      expect(data.benefit).toMatchObject({
        month: 3,
        effectiveDate: '2027-01-16',
        reason: 'Đã thông báo về việc tìm kiếm việc làm của tháng hưởng thứ 3 ngày 18/01/2027',
      });
    });

    it('k.4–5: the termination states the reason, the effective date and the reserved months', () => {
      const data = buildDocumentData(
        'decision-termination',
        dossier,
        at({
          event: 'terminated',
          terminationReason: 'new_job',
          reasonLabel: 'Có việc làm và thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc',
          effectiveDate: '2027-02-01',
          reservedMonths: 24,
          legalBasis: 'Điểm a khoản 4 Điều 41 Luật Việc làm số 74/2025/QH15',
          reserveBasis: 'Khoản 5 Điều 41 Luật Việc làm số 74/2025/QH15',
        }),
      ) as BenefitDecisionData;
      expect(data.benefit).toMatchObject({
        effectiveDate: '2027-02-01',
        reservedMonths: 24,
        reserveBasis: 'Khoản 5 Điều 41 Luật Việc làm số 74/2025/QH15',
      });
      const none = buildDocumentData(
        'decision-termination',
        dossier,
        at({
          event: 'terminated',
          reasonLabel: 'Chết',
          effectiveDate: '2027-02-01',
          reservedMonths: 0,
          legalBasis: 'Điểm i khoản 4 Điều 41 Luật Việc làm số 74/2025/QH15',
          reserveBasis: null,
        }),
      ) as BenefitDecisionData;
      expect(none.benefit).toMatchObject({ reservedMonths: 0, reserveBasis: '' });
    });

    it.each([
      [
        'decision-suspension',
        { event: 'resumed', month: 2, period: { from: '2026-12-16', to: '2027-01-15' }, legalBasis: 'x' },
      ],
      ['decision-suspension', { event: 'suspended', month: 2, legalBasis: 'x' }],
      ['decision-termination', { event: 'terminated', reasonLabel: 'Chết', legalBasis: 'x', reservedMonths: 0 }],
    ] as const)('refuses a %s whose event does not record the decision', (kind, data) => {
      expect(() => buildDocumentData(kind, dossier, at(data))).toThrow(IssuanceDataError);
    });
  });
});
