/**
 * Delay before the next attempt after `attempt` failed attempts (1-based): exponential backoff with full jitter
 * (uniform in [0, min(cap, base × 2^(attempt−1))]), so retries of many events spread out instead of hammering
 * a recovering portal together.
 */
export function portalRetryDelayMs(
  attempt: number,
  settings: { baseMs: number; capMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(settings.capMs, settings.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
