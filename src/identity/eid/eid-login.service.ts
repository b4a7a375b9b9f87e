import { Inject, Injectable, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { Runtime } from '../../platform/embedded/runtime';
import { DomainError } from '../../platform/errors/domain-error';
import { toProblem } from '../../platform/http/error-mapping';
import { HtmlErrorPages } from '../../platform/http/html-error-pages';
import { RUNTIME } from '../../platform/platform.module';
import { citizenPrincipal } from '../principal';
import {
  BEARER_TTL_SECONDS,
  WEB_SESSION_MAX_AGE_SECONDS,
  WEB_SESSION_TTL_SECONDS,
} from '../tokens/access-token.constants';
import { AccessTokenService } from '../tokens/access-token.service';
import { SessionCookieService } from '../tokens/session-cookie.service';
import {
  EidLoginTransactionSealer,
  LOGIN_TRANSACTION_COOKIE,
  LOGIN_TRANSACTION_TTL_SECONDS,
} from './eid-login-transaction';
import { eidLoginErrorPage, wantsHtml } from './eid-login-error-page';
import { EidOidcClient } from './eid-oidc-client';

export interface EidLoginQuery {
  readonly returnTo?: string;
  readonly response?: string;
  /** Set on the redirect to the canonical host, so a proxy that hides the public host cannot cause a loop. */
  readonly canonical?: string;
}

const LOGIN_PATH = '/auth/eid/login';
const CALLBACK_PATH = '/auth/eid/callback';

/** Citizen login with the national e-ID: starts the OpenID Connect flow and finishes it at the callback. */
@Injectable()
export class EidLoginService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly client: EidOidcClient,
    private readonly sealer: EidLoginTransactionSealer,
    private readonly sessions: SessionCookieService,
    private readonly tokens: AccessTokenService,
    @Optional() private readonly errorPages?: HtmlErrorPages,
  ) {}

  /**
   * Remembers the transaction in a cookie and sends the browser to the provider. The provider returns the browser
   * to the callback on PUBLIC_BASE_URL, so a login started on another host name (127.0.0.1, the machine's address)
   * would leave its cookie behind: such a start is first sent to the same path on the canonical host.
   */
  async start(query: EidLoginQuery, reply: FastifyReply, request?: FastifyRequest): Promise<void> {
    const response = parseResponseMode(query.response);
    const returnTo = parseReturnTo(query.returnTo);
    const canonical = new URL(this.runtime.config.publicBaseUrl);
    if (request && query.canonical !== '1' && request.host.toLowerCase() !== canonical.host.toLowerCase()) {
      const target = new URL(this.runtime.config.publicBaseUrl + LOGIN_PATH);
      const asked = new URL(request.url, 'http://any');
      asked.searchParams.forEach((value, name) => target.searchParams.append(name, value));
      target.searchParams.set('canonical', '1');
      void reply.header('cache-control', 'no-store').redirect(target.href, 302);
      return;
    }
    const transaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
      response,
    };
    const url = await this.client.authorizationUrl(transaction);
    void reply
      .setCookie(LOGIN_TRANSACTION_COOKIE, await this.sealer.seal(transaction), {
        ...this.sessions.cookieOptions('/auth/eid'),
        maxAge: LOGIN_TRANSACTION_TTL_SECONDS,
      })
      .header('cache-control', 'no-store')
      .redirect(url.href, 302);
  }

  /**
   * Redeems the code, then opens a web session (cookie + redirect) or answers a bearer token. A browser whose
   * login fails gets a Vietnamese page that starts over; an API client (`response=token`) gets problem+json.
   */
  async complete(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    try {
      await this.redeem(request, reply);
    } catch (error) {
      if (!wantsHtml(request.headers.accept)) throw error;
      const { problem, unexpected } = toProblem(error, request.id);
      if (unexpected) throw error;
      void reply
        .status(problem.status)
        .header('cache-control', 'no-store')
        .header('content-type', 'text/html; charset=utf-8')
        .send(
          // The site's own page when the web layer is loaded; the self-contained one otherwise.
          this.errorPages?.forRequest(request, problem, {
            title: 'Không đăng nhập được',
            retry: { href: `${LOGIN_PATH}?returnTo=%2Fho-so`, label: 'Đăng nhập lại bằng VNeID' },
          }) ?? eidLoginErrorPage(problem),
        );
    }
  }

  private async redeem(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const transaction = await this.sealer.open(request.cookies?.[LOGIN_TRANSACTION_COOKIE]);
    reply.clearCookie(LOGIN_TRANSACTION_COOKIE, this.sessions.cookieOptions('/auth/eid'));
    if (!transaction) {
      throw DomainError.unauthenticated(
        'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng bắt đầu đăng nhập lại.',
      );
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const callbackUrl = new URL(this.runtime.config.publicBaseUrl + CALLBACK_PATH + query);
    const identity = await this.client.redeem(callbackUrl, transaction);
    const principal = citizenPrincipal(identity.personalId, identity.fullName);
    void reply.header('cache-control', 'no-store');
    if (transaction.response === 'token') {
      void reply.send(await this.tokens.issue(principal, { use: 'bearer', ttlSeconds: BEARER_TTL_SECONDS }));
      return;
    }
    await this.sessions.start(reply, principal);
    void reply.redirect(transaction.returnTo, 302);
  }

  /**
   * Ends the caller's session on the server (the session cookie's, and a bearer token's when one is presented) and
   * clears the cookie. An invalid, expired or already ended token is simply nothing to end.
   */
  async logout(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const bearer = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim())?.[1] : undefined;
    for (const token of [this.sessions.read(request), bearer]) {
      if (!token) continue;
      const verified = await this.tokens.verify(token).catch((error: unknown) => {
        if (error instanceof DomainError) return undefined;
        throw error;
      });
      if (!verified) continue;
      const lastExpiry =
        verified.use === 'web'
          ? Math.max(verified.expiresAt, verified.authTime + WEB_SESSION_MAX_AGE_SECONDS + WEB_SESSION_TTL_SECONDS)
          : verified.expiresAt;
      await this.tokens.revoke(verified, new Date(lastExpiry * 1000));
    }
    this.sessions.end(reply);
  }
}

function parseResponseMode(value: string | undefined): 'session' | 'token' {
  if (value === undefined || value === '' || value === 'session') return 'session';
  if (value === 'token') return 'token';
  throw DomainError.validation([
    { field: 'response', code: 'invalid_value', message: 'Giá trị phải là "token" hoặc bỏ trống.' },
  ]);
}

/** Only a path on this site: `/…`, never `//host` or `/\host` (no open redirect). */
function parseReturnTo(value: string | undefined): string {
  if (value === undefined || value === '') return '/';
  if (value.length <= 1024 && /^\/(?![/\\])[\x21-\x7e]*$/.test(value)) return value;
  throw DomainError.validation([
    { field: 'returnTo', code: 'invalid_value', message: 'Địa chỉ quay lại phải là một đường dẫn trong trang.' },
  ]);
}
