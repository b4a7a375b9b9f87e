import { timingSafeEqual, createHash } from 'node:crypto';

/**
 * Who may read `/metrics` (it tells load, queue sizes and error rates): with `METRICS_TOKEN`, only a caller sending
 * `Authorization: Bearer <METRICS_TOKEN>`; without it, anyone in sandbox mode and nobody (404) with `SANDBOX=off`.
 * Kept local to the endpoint, independent of the access guard of the API.
 */
export function metricsAccess(
  settings: { metricsToken?: string; sandbox: boolean },
  authorization: string | undefined,
): 'allow' | 'unauthorized' | 'hidden' {
  if (!settings.metricsToken) return settings.sandbox ? 'allow' : 'hidden';
  const given = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  if (given === undefined) return 'unauthorized';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(settings.metricsToken)) ? 'allow' : 'unauthorized';
}
