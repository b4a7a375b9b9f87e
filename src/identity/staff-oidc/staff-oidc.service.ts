import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { Runtime } from '../../platform/embedded/runtime';
import { DomainError } from '../../platform/errors/domain-error';
import { toProblem } from '../../platform/http/error-mapping';
import { HtmlErrorPages } from '../../platform/http/html-error-pages';
import { RUNTIME } from '../../platform/platform.module';
import { twoFactorRequired } from '../accounts/two-factor-policy';
import { eidLoginErrorPage, wantsHtml } from '../eid/eid-login-error-page';
import { EidLoginTransactionSealer, LOGIN_TRANSACTION_TTL_SECONDS } from '../eid/eid-login-transaction';
import { EidOidcClient } from '../eid/eid-oidc-client';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity-options';
import { staffPrincipal } from '../principal';
import { StaffAccountRepository } from '../staff/staff-account.repository';
import { BEARER_TTL_SECONDS } from '../tokens/access-token.constants';
import { AccessTokenService } from '../tokens/access-token.service';
import { SessionCookieService } from '../tokens/session-cookie.service';

export const STAFF_OIDC_CLIENT = Symbol('STAFF_OIDC_CLIENT');
export const STAFF_OIDC_PATH = '/auth/staff/oidc';
const TRANSACTION_COOKIE = 'tctn_staff_oidc';
const STAFF_LOGIN_PAGE = '/can-bo/dang-nhap';
/** RFC 8176 authentication methods that are a second factor (or a phishing-resistant key). */
const MULTI_FACTOR_AMR = ['mfa', 'otp', 'hwk', 'swk', 'sms', 'sc', 'fpt', 'face', 'iris', 'pop'];

/**
 * Staff sign-in through the province's OpenID Connect identity provider (`STAFF_OIDC_*`), as an alternative to
 * local passwords: authorization code + PKCE + state + nonce, the transaction sealed in a cookie scoped to
 * `/auth/staff/oidc` (as for the citizen's e-ID). The provider only proves who the person is: the account is
 * matched on the employee number claim, else on a verified e-mail, and must be active here; role and center stay
 * those the administrator granted in the service. Accounts that require two-factor sign-in are accepted only when the
 * ID token's `amr` names a second factor. The token goes to the staff login page in the URL fragment (never sent to
 * a server), which keeps it in the tab's session like a password login.
 */
@Injectable()
export class StaffOidcService {
  private readonly logger = new Logger('staff-oidc');

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    @Optional() @Inject(STAFF_OIDC_CLIENT) private readonly client: EidOidcClient | undefined,
    private readonly sealer: EidLoginTransactionSealer,
    private readonly sessions: SessionCookieService,
    private readonly tokens: AccessTokenService,
    private readonly accounts: StaffAccountRepository,
    @Optional() private readonly errorPages?: HtmlErrorPages,
  ) {}

  async start(returnTo: string | undefined, reply: FastifyReply): Promise<void> {
    const client = this.configured();
    const transaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo: returnTo && /^\/(can-bo|quan-tri)(\/[\x21-\x7e]*)?$/.test(returnTo) ? returnTo : '',
      response: 'session' as const,
    };
    const url = await client.authorizationUrl(transaction);
    void reply
      .setCookie(TRANSACTION_COOKIE, await this.sealer.seal(transaction), {
        ...this.sessions.cookieOptions(STAFF_OIDC_PATH),
        maxAge: LOGIN_TRANSACTION_TTL_SECONDS,
      })
      .header('cache-control', 'no-store')
      .redirect(url.href, 302);
  }

  async complete(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    try {
      const { token, username, returnTo } = await this.redeem(request, reply);
      const fragment = new URLSearchParams({
        oidc_token: token.accessToken,
        expiresIn: String(token.expiresIn),
        username,
      });
      if (returnTo) fragment.set('returnTo', returnTo);
      void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      void reply.redirect(`${STAFF_LOGIN_PAGE}#${fragment}`, 303);
    } catch (error) {
      if (!wantsHtml(request.headers.accept)) throw error;
      const { problem, unexpected } = toProblem(error, request.id);
      if (unexpected) throw error;
      void reply
        .status(problem.status)
        .header('cache-control', 'no-store')
        .header('content-type', 'text/html; charset=utf-8')
        .send(
          this.errorPages?.forRequest(request, problem, {
            title: 'Không đăng nhập được',
            retry: { href: STAFF_LOGIN_PAGE, label: 'Về trang đăng nhập cán bộ' },
          }) ?? eidLoginErrorPage(problem),
        );
    }
  }

  private async redeem(request: FastifyRequest, reply: FastifyReply) {
    const client = this.configured();
    const transaction = await this.sealer.open(request.cookies?.[TRANSACTION_COOKIE]);
    reply.clearCookie(TRANSACTION_COOKIE, this.sessions.cookieOptions(STAFF_OIDC_PATH));
    if (!transaction)
      throw DomainError.unauthenticated(
        'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng bắt đầu đăng nhập lại.',
      );
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const callbackUrl = new URL(`${this.runtime.config.publicBaseUrl}${STAFF_OIDC_PATH}/callback${query}`);
    const employeeClaim = this.options.staffOidc!.employeeClaim;
    const claims = await client.redeemClaims(callbackUrl, transaction, employeeClaim);
    const account = await this.match(claims, employeeClaim);
    if (twoFactorRequired(this.options, account) && !multiFactor(claims.amr)) {
      this.logger.warn({ username: account.username, amr: claims.amr }, 'provider sign-in without a second factor');
      throw DomainError.forbidden(
        'Vai trò của bạn phải đăng nhập bằng xác thực hai lớp, nhưng lần đăng nhập này ở hệ thống của tỉnh chưa dùng ' +
          'yếu tố thứ hai. Vui lòng đăng nhập bằng mật khẩu và mã xác thực của dịch vụ.',
      );
    }
    this.logger.log({ username: account.username, by: account.matchedBy }, 'staff signed in through the provider');
    const token = await this.tokens.issue(staffPrincipal(account), { use: 'bearer', ttlSeconds: BEARER_TTL_SECONDS });
    return { token, username: account.username, returnTo: transaction.returnTo };
  }

  /** The active, non-sandbox account with this employee number, else with this verified e-mail. */
  private async match(claims: Record<string, unknown>, employeeClaim: string) {
    const employee = typeof claims[employeeClaim] === 'string' ? (claims[employeeClaim] as string) : null;
    const email =
      typeof claims.email === 'string' && claims.email_verified !== false && claims.email_verified !== 'false'
        ? claims.email.toLowerCase()
        : null;
    const row = employee || email ? await this.accounts.matchProvider(employee, email) : undefined;
    if (!row) {
      this.logger.warn({ employee, email }, 'provider sign-in matches no active staff account');
      throw DomainError.forbidden(
        'Tài khoản công vụ này chưa được cấp quyền sử dụng dịch vụ. Vui lòng liên hệ quản trị viên của Sở.',
      );
    }
    return {
      username: row.username,
      fullName: row.fullName,
      role: row.role,
      centerCode: row.centerCode,
      sandbox: row.sandbox,
      matchedBy: row.byEmployee ? 'employee_number' : 'email',
    };
  }

  private configured(): EidOidcClient {
    if (!this.client) throw DomainError.notFound('Đăng nhập bằng tài khoản công vụ của tỉnh chưa được cấu hình.');
    return this.client;
  }
}

function multiFactor(amr: unknown): boolean {
  return Array.isArray(amr) && amr.some((m) => typeof m === 'string' && MULTI_FACTOR_AMR.includes(m));
}
