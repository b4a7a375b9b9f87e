import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';

/**
 * Largest JSON (or form) body a route accepts unless it says otherwise. The biggest regular body is a staff action
 * with its note, reason and 20 supplement items at their maximum lengths in Vietnamese (about 36 KB). Uploads are
 * multipart and have their own limit (MAX_UPLOAD_BYTES); the calculator declares a larger one for its contribution
 * months.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/** Window of the per-caller limit on routes that read a national registry. */
const REGISTRY_READ_WINDOW_MS = 60_000;

interface RouteLimits {
  /** This route reads a national registry: limited per caller to `RATE_LIMIT_PER_MINUTE` requests a minute. */
  registryReads?: boolean;
  /** Body limit of this route in bytes, instead of DEFAULT_BODY_LIMIT_BYTES. */
  bodyLimit?: number;
  /** A rate limit of @fastify/rate-limit, as the route would give it in RouteConfig. */
  rateLimit?: Record<string, unknown>;
}

/**
 * Route limits in one decorator (Nest keeps one RouteConfig per handler, so they cannot be stacked): see RouteLimits.
 * Applied at startup by `applyRouteLimits`.
 */
export function RouteLimits(limits: RouteLimits): MethodDecorator {
  return RouteConfig(limits);
}

/**
 * The caller a per-caller limit counts against: the subject of the presented access token (bearer or session
 * cookie), else the client address. The token is not verified here (the guard does that later): a forged token gets
 * 401 before any registry read, so the only way to reach the registry is a real token, and a real token is one
 * subject however many addresses it comes from.
 */
export function callerKey(request: FastifyRequest, sessionCookieName: string): string {
  const header = request.headers.authorization;
  const token =
    typeof header === 'string' && /^Bearer\s+/i.test(header)
      ? header.replace(/^Bearer\s+/i, '').trim()
      : sessionCookie(request, sessionCookieName);
  const subject = token ? tokenSubject(token) : undefined;
  return subject ? `sub:${subject}` : `ip:${request.ip}`;
}

/** Read from the header: the rate limit runs in `onRequest`, possibly before the cookie plugin has parsed it. */
function sessionCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(header);
  return match?.[1];
}

function tokenSubject(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload || payload.length > 4096) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof claims.sub === 'string' && claims.sub.length <= 200 ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

export interface RegisteredRoute {
  readonly method: string;
  /** As registered, with `:name` parameters, e.g. `/api/v1/dossiers/:id/attachments`. */
  readonly url: string;
}

const REGISTERED_ROUTES = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route of the application, as the router registered it (for tests that must cover all of them). */
export function registeredRoutes(fastify: FastifyInstance): readonly RegisteredRoute[] {
  return REGISTERED_ROUTES.get(fastify) ?? [];
}

/**
 * Turns the RouteLimits of each route into Fastify route options as routes are registered. Must be added before
 * @fastify/rate-limit is registered, so that its own onRoute hook sees the `rateLimit` set here.
 */
/** `sessionCookieName`: the cookie that carries a citizen's session token (owned by identity). */
export function applyRouteLimits(
  fastify: FastifyInstance,
  registryReadsPerMinute: number,
  sessionCookieName: string,
): void {
  const routes: RegisteredRoute[] = [];
  REGISTERED_ROUTES.set(fastify, routes);
  fastify.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) routes.push({ method: String(method).toUpperCase(), url: route.url });
    const config = (route.config ?? {}) as RouteLimits;
    if (route.bodyLimit === undefined) route.bodyLimit = config.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES;
    if (config.registryReads && !config.rateLimit) {
      route.config = {
        ...config,
        rateLimit: {
          max: registryReadsPerMinute,
          timeWindow: REGISTRY_READ_WINDOW_MS,
          keyGenerator: (request: FastifyRequest) => callerKey(request, sessionCookieName),
        },
      } as RouteOptions['config'];
    }
  });
}
