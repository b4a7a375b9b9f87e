import { portalRetryDelayMs } from './portal-backoff';

describe('portalRetryDelayMs (exponential backoff, full jitter)', () => {
  const settings = { baseMs: 1000, capMs: 300_000 };

  it('doubles the ceiling with every failed attempt', () => {
    const atCeiling = () => 0.999999;
    expect(portalRetryDelayMs(1, settings, atCeiling)).toBe(999);
    expect(portalRetryDelayMs(2, settings, atCeiling)).toBe(1999);
    expect(portalRetryDelayMs(5, settings, atCeiling)).toBe(15999);
  });

  it('never exceeds the cap, even after very many attempts', () => {
    expect(portalRetryDelayMs(9, settings, () => 0.999999)).toBe(255999);
    expect(portalRetryDelayMs(10, settings, () => 0.999999)).toBe(299999);
    expect(portalRetryDelayMs(1000, settings, () => 0.999999)).toBe(299999);
  });

  it('spreads delays uniformly from zero (full jitter)', () => {
    expect(portalRetryDelayMs(4, settings, () => 0)).toBe(0);
    expect(portalRetryDelayMs(4, settings, () => 0.5)).toBe(4000);
  });
});
