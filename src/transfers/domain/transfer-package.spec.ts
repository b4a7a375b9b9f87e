import { createHash, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import {
  BenefitMonthFacts,
  monthCounts,
  PackageRejected,
  packageHeader,
  planHandOver,
  signPackage,
  TransferPackage,
  verifyPackage,
} from './transfer-package';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const key = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

/** Months 1..n of a benefit starting 2027-01-10, each window opening on the 10th (simple fixture calendar). */
function months(n: number, overrides: Partial<Record<number, Partial<BenefitMonthFacts>>> = {}): BenefitMonthFacts[] {
  return Array.from({ length: n }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    const next = String(i + 2).padStart(2, '0');
    return {
      month: i + 1,
      from: `2027-${m}-10`,
      to: `2027-${next}-09`,
      noticeWindow: { from: `2027-${m}-10`, to: `2027-${m}-12` },
      outcome: null,
      notice: null,
      ...overrides[i + 1],
    };
  });
}

const PDF = Buffer.from('%PDF-1.7 decision');

function samplePackage(over: Partial<TransferPackage> = {}): TransferPackage {
  const plan = planHandOver(months(6), '2027-02-20')!;
  return {
    version: 1,
    packageId: '6f1c1d2e-8b7a-4c3d-9e2f-1a2b3c4d5e6f',
    createdAt: '2027-02-20T03:00:00.000Z',
    from: { provinceCode: '075', authority: 'Sở Nội vụ tỉnh Đồng Nai', dossierCode: 'DNA-BH-20270105-00001' },
    to: { provinceCode: '079' },
    person: { personalId: '075090000001', fullName: 'Nguyễn Văn An', applicant: {} },
    request: {
      reason: 'Chuyển về sống cùng gia đình',
      newAddress: '12 Nguyễn Huệ, TP. Hồ Chí Minh',
      requestedAt: '2027-02-19T03:00:00.000Z',
      approvedAt: '2027-02-20T03:00:00.000Z',
    },
    decision: {
      number: '12/QĐ-SNV',
      issuedAt: '2027-01-05T03:00:00.000Z',
      sha256: sha256(PDF),
      verifyUrl: 'https://dongnai.example/verify/X',
      pdfBase64: PDF.toString('base64'),
    },
    benefit: {
      monthlyBenefit: 4_500_000,
      benefitMonths: 6,
      resultReturnedOn: '2027-01-08',
      reservedMonths: 0,
      ...monthCounts(plan.months),
      handOverFromMonth: plan.handOverFromMonth,
      months: plan.months,
    },
    assessment: { input: { terminationDate: '2026-12-20' }, output: {} },
    application: {},
    ...over,
  };
}

describe('the transfer hand-over (Luật Việc làm 74/2025 Điều 41 k.1: the new province takes the notices from then on)', () => {
  it.each([
    // [hand-over day, first month handed over]
    ['2027-01-01', 1],
    ['2027-01-10', 2], // month 1's window opens that day: it stays with the sender
    ['2027-02-20', 3],
    ['2027-05-09', 5],
  ])('handed over on %s, the receiver takes the notices from month %i', (day, first) => {
    expect(planHandOver(months(6), day)?.handOverFromMonth).toBe(first);
  });

  it('keeps with the sender a month already notified, missed, suspended or cancelled, and hands over none after the last window', () => {
    const plan = planHandOver(
      months(5, {
        1: { notice: { filedAt: 'x', channel: 'online', receiptNumber: 'r' } },
        2: { outcome: 'suspended' },
      }),
      '2027-02-20',
    )!;
    expect(plan.months.map((m) => m.handOver)).toEqual([
      'paid_by_sender',
      'suspended',
      'handed_over',
      'handed_over',
      'handed_over',
    ]);
    expect(monthCounts(plan.months)).toEqual({ monthsPaid: 1, monthsSuspended: 1, monthsRemaining: 3 });
    expect(planHandOver(months(3), '2027-03-10')).toBeNull();
  });

  it('hands over exactly the months whose window opens after the hand-over day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 400 }), (n, offset) => {
        const day = new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const plan = planHandOver(months(n), day);
        const expected = months(n).filter((m) => m.noticeWindow.from > day);
        if (!expected.length) return plan === null;
        return (
          plan !== null &&
          plan.handOverFromMonth === expected[0].month &&
          plan.months.filter((m) => m.handOver === 'handed_over').length === expected.length &&
          monthCounts(plan.months).monthsPaid + expected.length === n
        );
      }),
    );
  });
});

describe('the signed transfer package', () => {
  const sender = key();
  const expected = { ourProvince: '079', senderProvince: '075' };

  it('verifies with the sender key and returns the package as signed', async () => {
    const pkg = samplePackage();
    const jws = await signPackage(pkg, sender.privateKey, 'k1');
    expect(packageHeader(jws)).toEqual({ kid: 'k1', iss: '075' });
    await expect(verifyPackage(jws, expected, sender.publicKey, sha256)).resolves.toEqual(pkg);
  });

  const refusedWith = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PackageRejected);
    return (error as PackageRejected).code;
  };

  it('refuses a package signed by another key, or altered after signing', async () => {
    const jws = await signPackage(samplePackage(), key().privateKey, 'k1');
    expect(await refusedWith(verifyPackage(jws, expected, sender.publicKey, sha256))).toBe('invalid_signature');
    const genuine = await signPackage(samplePackage(), sender.privateKey, 'k1');
    const [h, , s] = genuine.split('.');
    const altered = Buffer.from(
      JSON.stringify({ ...samplePackage(), benefit: { ...samplePackage().benefit, monthlyBenefit: 9_999_999 } }),
    ).toString('base64url');
    expect(await refusedWith(verifyPackage(`${h}.${altered}.${s}`, expected, sender.publicKey, sha256))).toBe(
      'invalid_signature',
    );
  });

  it.each([
    ['wrong_recipient', samplePackage({ to: { provinceCode: '001' } })],
    ['unknown_sender', samplePackage({ from: { ...samplePackage().from, provinceCode: '001' } })],
    ['decision_pdf_mismatch', samplePackage({ decision: { ...samplePackage().decision, pdfBase64: 'AAAA' } })],
    ['malformed', samplePackage({ person: { ...samplePackage().person, personalId: '12345' } })],
    ['malformed', samplePackage({ benefit: { ...samplePackage().benefit, handOverFromMonth: 1 } })],
  ])('refuses a genuinely signed package with %s', async (code, pkg) => {
    const jws = await signPackage(pkg, sender.privateKey, 'k1');
    expect(await refusedWith(verifyPackage(jws, expected, sender.publicKey, sha256))).toBe(code);
  });

  it('refuses a header that is not an ES256 transfer package', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    expect(() => packageHeader(`${header}.e30.c2ln`)).toThrow(PackageRejected);
    expect(() => packageHeader('not a jws')).toThrow(PackageRejected);
  });
});
