/** Per client IP, for the password and client-secret endpoints (on top of the per-account lock-out). */
export const LOGIN_RATE_LIMIT = { max: 30, timeWindow: 60_000 } as const;
