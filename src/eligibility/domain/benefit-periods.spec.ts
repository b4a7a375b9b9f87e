import { benefitPeriods } from './benefit-periods';

describe('benefitPeriods', () => {
  it('follows the example of Thông tư 28/2015/TT-BLĐTBXH: a start on 31/01/2016', () => {
    expect(benefitPeriods('2016-01-31', 3)).toEqual([
      { from: '2016-01-31', to: '2016-02-29' },
      { from: '2016-03-01', to: '2016-03-30' },
      { from: '2016-03-31', to: '2016-04-30' },
    ]);
  });

  it('ends a month starting on the 1st on the last day of the same month', () => {
    expect(benefitPeriods('2026-02-01', 2)).toEqual([
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-31' },
    ]);
  });

  it('handles the 29th and 30th around February and the turn of the year', () => {
    expect(benefitPeriods('2026-12-30', 3)).toEqual([
      { from: '2026-12-30', to: '2027-01-29' },
      { from: '2027-01-30', to: '2027-02-28' },
      { from: '2027-03-01', to: '2027-03-29' },
    ]);
    expect(benefitPeriods('2027-01-29', 2)).toEqual([
      { from: '2027-01-29', to: '2027-02-28' },
      { from: '2027-03-01', to: '2027-03-28' },
    ]);
  });

  it('gives 12 contiguous months ending the day before the anniversary', () => {
    const periods = benefitPeriods('2026-04-08', 12);
    expect(periods).toHaveLength(12);
    expect(periods[11]).toEqual({ from: '2027-03-08', to: '2027-04-07' });
  });

  it('gives nothing for zero months', () => {
    expect(benefitPeriods('2026-04-08', 0)).toEqual([]);
  });
});
