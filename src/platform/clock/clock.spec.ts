import { vietnamDate } from './clock';

describe('vietnamDate', () => {
  it.each([
    ['2026-11-26T16:59:59Z', '2026-11-26'],
    ['2026-11-26T17:00:00Z', '2026-11-27'],
    ['2025-12-31T18:00:00Z', '2026-01-01'],
  ])('%s is %s in Vietnam', (instant, date) => {
    expect(vietnamDate(new Date(instant))).toBe(date);
  });
});
