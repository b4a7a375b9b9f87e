/** Injection token: `() => string` giving today's date (`YYYY-MM-DD`) for the sandbox data. */
export const SANDBOX_TODAY = Symbol('SANDBOX_TODAY');

export type SandboxToday = () => string;
