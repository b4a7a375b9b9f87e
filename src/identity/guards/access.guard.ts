import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/errors/domain-error';
import { Principal } from '../principal';
import { SessionCookieService } from '../tokens/session-cookie.service';
import { AccessTokenService } from '../tokens/access-token.service';
import { ACCESS_POLICY, AccessPolicy } from './access-policy.decorator';
import { AccountStanding } from './account-standing.service';
import { PRINCIPAL_KEY } from './current-principal.decorator';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Global guard, deny by default: a handler without an access decorator answers 403; `@Public()` opens one on
 * purpose. Otherwise the caller must present one of our
 * access tokens (`Authorization: Bearer`, or the session cookie): missing, tampered, expired or foreign tokens
 * get 401, and so do staff and client tokens whose account was since deactivated or changed (AccountStanding); a
 * valid caller of the wrong kind or role gets 403. A session cookie is renewed as it ages.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionCookieService,
    private readonly standing: AccountStanding,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    // Default deny: a route says who may call it (`@Public()` or a kind), or nobody may.
    if (!policy) throw DomainError.forbidden('Địa chỉ này chưa được khai báo quyền truy cập.');
    if (policy.public) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const principal = await this.authenticate(request, reply);
    (request as unknown as Record<string, Principal>)[PRINCIPAL_KEY] = principal;
    if (!policy.kinds.includes(principal.kind)) throw DomainError.forbidden();
    if (principal.kind === 'staff' && policy.roles.length > 0 && !policy.roles.includes(principal.role!)) {
      throw DomainError.forbidden('Vai trò của bạn không được thực hiện thao tác này.');
    }
    // A client acts only within its scope: the social insurance office's client reports payments and nothing else.
    if (principal.kind === 'client' && !(policy.clientScopes ?? ['portal']).includes(principal.clientScope ?? 'portal'))
      throw DomainError.forbidden('Ứng dụng kết nối không có quyền thực hiện thao tác này.');
    return true;
  }

  private async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Principal> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
      if (!match) throw DomainError.unauthenticated('Tiêu đề Authorization phải có dạng "Bearer <mã truy cập>".');
      const { principal, authTime } = await this.tokens.verify(match[1]);
      await this.standing.assertCurrent(principal, authTime);
      return principal;
    }
    const cookie = this.sessions.read(request);
    if (!cookie) throw DomainError.unauthenticated();
    if (UNSAFE_METHODS.has(request.method) && !this.sessions.sameOrigin(request)) {
      throw DomainError.forbidden('Yêu cầu đến từ trang web khác, không được chấp nhận.');
    }
    const verified = await this.tokens.verify(cookie);
    if (verified.use !== 'web') throw DomainError.unauthenticated('Mã truy cập không hợp lệ. Vui lòng đăng nhập lại.');
    await this.standing.assertCurrent(verified.principal, verified.authTime);
    await this.sessions.renewIfAging(reply, verified);
    return verified.principal;
  }
}
