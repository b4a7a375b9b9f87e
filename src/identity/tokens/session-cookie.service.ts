import { Inject, Injectable } from '@nestjs/common';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { Principal } from '../principal';
import {
  SESSION_COOKIE,
  WEB_SESSION_MAX_AGE_SECONDS,
  WEB_SESSION_RENEW_AFTER_SECONDS,
  WEB_SESSION_TTL_SECONDS,
} from './access-token.constants';
import { AccessTokenService, VerifiedToken } from './access-token.service';

/**
 * The citizen's web session: one of our access tokens (15 minutes) in an httpOnly, SameSite=Lax cookie, renewed
 * on use once it is 5 minutes old, ending at the latest 12 hours after the e-ID login.
 */
@Injectable()
export class SessionCookieService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tokens: AccessTokenService,
  ) {}

  read(request: FastifyRequest): string | undefined {
    const value = request.cookies?.[SESSION_COOKIE];
    return value ? value : undefined;
  }

  async start(reply: FastifyReply, principal: Principal, authTime?: number, sessionId?: string): Promise<void> {
    const { accessToken } = await this.tokens.issue(principal, {
      use: 'web',
      ttlSeconds: WEB_SESSION_TTL_SECONDS,
      authTime,
      sessionId,
    });
    reply.setCookie(SESSION_COOKIE, accessToken, {
      ...this.cookieOptions(),
      maxAge: WEB_SESSION_TTL_SECONDS,
    });
  }

  end(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  async renewIfAging(reply: FastifyReply, token: VerifiedToken): Promise<void> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    if (now - token.issuedAt < WEB_SESSION_RENEW_AFTER_SECONDS) return;
    if (now - token.authTime >= WEB_SESSION_MAX_AGE_SECONDS) return;
    await this.start(reply, token.principal, token.authTime, token.sessionId);
  }

  /**
   * Cookie-authenticated writes must come from our own pages: an `Origin` header, when the browser sends one,
   * must be this service's public origin or the origin the request was addressed to.
   */
  sameOrigin(request: FastifyRequest): boolean {
    const origin = request.headers.origin;
    if (!origin) return true;
    if (origin === new URL(this.runtime.config.publicBaseUrl).origin) return true;
    return origin === `${request.protocol}://${request.headers.host ?? ''}`;
  }

  /** `Secure` over https, and on loopback hosts where browsers accept it over http (development, tests). */
  cookieOptions(path = '/'): CookieSerializeOptions {
    const base = new URL(this.runtime.config.publicBaseUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(base.hostname);
    return { path, httpOnly: true, sameSite: 'lax', secure: base.protocol === 'https:' || loopback };
  }
}
