import fc from 'fast-check';
import {
  conflictingPeriods,
  decisionSigner,
  DEPARTMENT_SCOPE,
  overlaps,
  SignerPeriod,
  signerInForce,
  signerLines,
} from './signers';

/** Day n of the test calendar (December 2026 onwards), as an ISO date, built by hand (no library date code). */
function day(n: number): string {
  const d = new Date(Date.UTC(2026, 11, 1) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

let ids = 0;
function period(from: number, to: number | null, over: Partial<SignerPeriod> = {}): SignerPeriod {
  ids += 1;
  return {
    id: `p${ids}`,
    scope: DEPARTMENT_SCOPE,
    capacity: 'head',
    fullName: `Người ký ${ids}`,
    staffUsername: null,
    validFrom: day(from),
    validTo: to === null ? null : day(to),
    signatureImageKey: null,
    certificateRef: null,
    ...over,
  };
}

const CONFIGURED = { signerTitle: 'GIÁM ĐỐC', signerName: 'Trần Đức Hải' };

describe('signer in force on a date (Nghị định 30/2020/NĐ-CP, Điều 13: the head signs, a deputy signs "KT.")', () => {
  const director = period(0, 9, { fullName: 'Trần Đức Hải', capacity: 'head' });
  const deputy = period(10, 10, { fullName: 'Nguyễn Thị Kiều Oanh', capacity: 'deputy' });
  const directorAgain = period(11, null, { fullName: 'Trần Đức Hải', capacity: 'head' });
  const centerHead = period(0, null, { scope: 'DNA-BH', fullName: 'Lê Văn Tâm' });
  const periods = [director, deputy, directorAgain, centerHead];

  it.each([
    ['the first day of a period', 0, director],
    ['the last day of a period (inclusive)', 9, director],
    ['a one-day deputy period', 10, deputy],
    ['the day after the deputy: an open-ended period', 11, directorAgain],
    ['long after: the open-ended period still', 400, directorAgain],
    ['before any period: none (the configured signer applies)', -1, undefined],
  ])('department on %s', (_label, n, expected) => {
    expect(signerInForce(periods, DEPARTMENT_SCOPE, day(n))).toBe(expected);
  });

  it('keeps scopes apart: a center has its own signer', () => {
    expect(signerInForce(periods, 'DNA-BH', day(10))).toBe(centerHead);
    expect(signerInForce(periods, 'DNA-DX', day(10))).toBeUndefined();
  });

  it.each([
    ['head', { onBehalfOf: '', title: 'GIÁM ĐỐC', name: 'A' }],
    ['deputy', { onBehalfOf: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'A' }],
  ] as const)('prints a %s as the form requires (Nghị định 30/2020, Phụ lục I, mục II)', (capacity, lines) => {
    expect(signerLines({ capacity, fullName: 'A' })).toEqual(lines);
  });

  it("a decision dated on a deputy's day is signed KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC, the next day GIÁM ĐỐC", () => {
    expect(decisionSigner(periods, day(10), CONFIGURED, 'Ai đó')).toMatchObject({
      onBehalfOf: 'KT. GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      name: 'Nguyễn Thị Kiều Oanh',
    });
    expect(decisionSigner(periods, day(11), CONFIGURED, 'Ai đó')).toMatchObject({
      onBehalfOf: '',
      title: 'GIÁM ĐỐC',
      name: 'Trần Đức Hải',
    });
  });

  it('without a period: the configured signer, named as the approving Director when they sign in person', () => {
    expect(decisionSigner([], day(3), CONFIGURED, 'Phạm Minh Chính')).toEqual({
      onBehalfOf: '',
      title: 'GIÁM ĐỐC',
      name: 'Phạm Minh Chính',
      period: null,
    });
    expect(decisionSigner([], day(3), CONFIGURED, null).name).toBe('Trần Đức Hải');
    const onBehalf = { signerTitle: 'PHÓ GIÁM ĐỐC', signerName: 'Cấu Hình', signerOnBehalfOf: 'KT. GIÁM ĐỐC' };
    expect(decisionSigner([], day(3), onBehalf, 'Phạm Minh Chính')).toMatchObject({
      onBehalfOf: 'KT. GIÁM ĐỐC',
      name: 'Cấu Hình',
    });
  });

  it.each([
    ['inside', 3, 5, [director]],
    ['touching the last day', 9, 9, [director]],
    ['on the very day of a one-day period', 10, 10, [deputy]],
    ['reaching into the open-ended period', 5, 20, [director, deputy, directorAgain]],
  ])('refuses a new period %s of an existing one', (_label, from, to, expected) => {
    expect(conflictingPeriods(periods, { scope: DEPARTMENT_SCOPE, validFrom: day(from), validTo: day(to) })).toEqual(
      expected,
    );
  });

  it('accepts a period of another scope on the same days, and a changed period against itself', () => {
    expect(conflictingPeriods(periods, { scope: 'DNA-DX', validFrom: day(0), validTo: null })).toEqual([]);
    expect(conflictingPeriods(periods, { ...deputy, validTo: day(10) })).toEqual([]);
  });
});

/** Properties, checked against a day-by-day count over a small calendar. */
describe('signer periods: properties (Nghị định 30/2020/NĐ-CP, Điều 13)', () => {
  const HORIZON = 60;
  const range = fc
    .tuple(fc.integer({ min: 0, max: HORIZON }), fc.option(fc.integer({ min: 0, max: HORIZON }), { nil: null }))
    .map(([a, b]) => (b === null ? { from: a, to: null } : { from: Math.min(a, b), to: Math.max(a, b) }));
  const coveredDays = (r: { from: number; to: number | null }) => {
    const days = new Set<number>();
    for (let n = r.from; n <= (r.to ?? HORIZON + 5); n += 1) days.add(n);
    return days;
  };

  it('two periods overlap exactly when some day lies in both (and the relation is symmetric)', () => {
    fc.assert(
      fc.property(range, range, (a, b) => {
        const pa = period(a.from, a.to);
        const pb = period(b.from, b.to);
        const daysB = coveredDays(b);
        const shared = [...coveredDays(a)].some((n) => daysB.has(n));
        expect(overlaps(pa, pb)).toBe(shared);
        expect(overlaps(pb, pa)).toBe(shared);
      }),
    );
  });

  it('periods admitted one by one never overlap, and every day has at most one signer: the one covering it', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), fc.integer({ min: -2, max: HORIZON + 5 }), (ranges, n) => {
        const admitted: SignerPeriod[] = [];
        for (const r of ranges) {
          const candidate = period(r.from, r.to);
          if (conflictingPeriods(admitted, candidate).length === 0) admitted.push(candidate);
        }
        const covering = admitted.filter((p) => coveredDays(toRange(p)).has(n));
        expect(covering.length).toBeLessThanOrEqual(1);
        expect(signerInForce(admitted, DEPARTMENT_SCOPE, day(n))).toBe(covering[0]);
      }),
    );
  });

  it('a deputy in force signs KT. on every day of the period and only then', () => {
    fc.assert(
      fc.property(range, fc.integer({ min: -2, max: HORIZON + 5 }), (r, n) => {
        const deputy = period(r.from, r.to, { capacity: 'deputy', fullName: 'Phó Giám Đốc' });
        const signer = decisionSigner([deputy], day(n), CONFIGURED, null);
        const inPeriod = coveredDays(r).has(n);
        expect(signer.onBehalfOf).toBe(inPeriod ? 'KT. GIÁM ĐỐC' : '');
        expect(signer.name).toBe(inPeriod ? 'Phó Giám Đốc' : 'Trần Đức Hải');
      }),
    );
  });

  /** Back from ISO dates to day numbers of the test calendar. */
  function toRange(p: SignerPeriod): { from: number; to: number | null } {
    const n = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(2026, 11, 1)) / 86_400_000);
    return { from: n(p.validFrom), to: p.validTo === null ? null : n(p.validTo) };
  }
});
