import { DataAccessLog1764150000000 } from './1764150000000-data-access-log';

/**
 * Every migration, in order. Listed explicitly (not globbed) so that the same list works from TypeScript
 * sources (tests, scripts) and from the compiled `dist/` build.
 */
export const migrations: Function[] = [DataAccessLog1764150000000];
