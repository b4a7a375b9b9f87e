/** `aud` of every access token we issue; tokens for any other audience are refused. */
export const ACCESS_TOKEN_AUDIENCE = 'tro-cap-that-nghiep-api';

/** Web session (cookie): short, renewed while the citizen is active. */
export const WEB_SESSION_TTL_SECONDS = 15 * 60;
/** A web session token is renewed once it is older than this. */
export const WEB_SESSION_RENEW_AFTER_SECONDS = 5 * 60;
/** A web session ends this long after the e-ID login, however active (absolute limit). */
export const WEB_SESSION_MAX_AGE_SECONDS = 12 * 3600;
/** Bearer tokens (API clients, staff, portal, the token CLI). */
export const BEARER_TTL_SECONDS = 60 * 60;

export const SESSION_COOKIE = 'tctn_session';
