import { Injectable } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error';
import { ApiClientRepository } from '../clients/api-client.repository';
import { Principal } from '../principal';
import { StaffAccountRepository } from '../staff/staff-account.repository';

/**
 * A token outlives changes to the account behind it. Staff and portal-client tokens are therefore checked against
 * the account on every request: a deactivated caseworker, one moved to another role or center, or a revoked portal
 * client is refused at once instead of when the token expires. (A citizen's token names a person, not an account.)
 */
@Injectable()
export class AccountStanding {
  constructor(
    private readonly staff: StaffAccountRepository,
    private readonly clients: ApiClientRepository,
  ) {}

  /**
   * `authTime`: when the session's login happened (seconds); a staff session that began before the account's
   * `sessions_valid_from` (password or two-factor reset, deactivation) is refused.
   */
  async assertCurrent(principal: Principal, authTime?: number): Promise<void> {
    if (principal.kind === 'staff') {
      const account = await this.staff.findActiveByUsername(principal.username!);
      if (
        !account ||
        account.role !== principal.role ||
        account.centerCode !== principal.centerCode ||
        (account.sessionsValidFrom !== null &&
          (authTime === undefined || authTime * 1000 < account.sessionsValidFrom.getTime()))
      )
        throw DomainError.unauthenticated(
          'Tài khoản đã bị khóa hoặc đã được đổi vai trò, đơn vị công tác. Vui lòng đăng nhập lại.',
        );
    } else if (principal.kind === 'client') {
      const client = await this.clients.findActive(principal.clientId!);
      if (!client || client.scope !== (principal.clientScope ?? 'portal'))
        throw DomainError.unauthenticated('Ứng dụng kết nối đã bị thu hồi quyền truy cập.');
    }
  }
}
