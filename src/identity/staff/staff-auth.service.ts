import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { DomainError, ErrorCode } from '../../platform/errors/domain-error';
import { Principal, staffPrincipal } from '../principal';
import { spendVerificationTime, verifySecret } from '../secrets/password-hasher';
import { BEARER_TTL_SECONDS } from '../tokens/access-token.constants';
import { AccessTokenService, IssuedToken } from '../tokens/access-token.service';
import { afterFailedAttempt, isLocked } from './staff-lockout.policy';
import { StaffAccountRepository } from './staff-account.repository';
import { StaffLoginThrottleRepository } from './staff-login-throttle.repository';

const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/**
 * Staff login with username and password, with lock-out after repeated failures (staff-lockout.policy.ts) keyed by
 * username and source address. Unknown usernames take the same path as known ones (a dummy password hash, the same
 * counting and the same answers), so neither the answers nor their timing tell which usernames exist.
 */
@Injectable()
export class StaffAuthService {
  private readonly logger = new Logger('staff-auth');

  constructor(
    private readonly accounts: StaffAccountRepository,
    private readonly throttle: StaffLoginThrottleRepository,
    private readonly tokens: AccessTokenService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async login(username: string, password: string, source: string): Promise<IssuedToken> {
    const name = username.trim().toLowerCase();
    const lockedUntil = await this.throttle.lockedUntil(name, source);
    if (isLocked(lockedUntil, this.clock.now())) {
      await spendVerificationTime(password);
      throw locked(lockedUntil!);
    }
    const account = await this.accounts.findActiveByUsername(name);
    const valid = account
      ? await verifySecret(password, account.passwordHash)
      : (await spendVerificationTime(password), false);
    if (!account || !valid) {
      const now = this.clock.now();
      const until = await this.throttle.recordFailure(name, source, (count) => afterFailedAttempt(count, now));
      if (until) {
        this.logger.warn({ username: name, source, lockedUntil: until }, 'staff login locked after failed attempts');
        throw locked(until);
      }
      throw DomainError.unauthenticated(WRONG_CREDENTIALS);
    }
    await this.throttle.clear(name, source);
    return this.tokens.issue(staffPrincipal(account), { use: 'bearer', ttlSeconds: BEARER_TTL_SECONDS });
  }

  /** An administrator lifts every lock-out of a username (from every source); audited. 404 for no such account. */
  async unlock(admin: Principal, username: string): Promise<{ username: string; cleared: number }> {
    const name = username.trim().toLowerCase();
    if (!(await this.accounts.findActiveByUsername(name))) throw DomainError.notFound('Không có tài khoản cán bộ này.');
    return this.dataSource.transaction(async (em) => {
      const cleared = await this.throttle.clearAll(name);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.username ?? admin.subject,
        action: 'staff_account.unlock',
        entityType: 'staff_account',
        entityId: name,
        data: { cleared },
      });
      return { username: name, cleared };
    });
  }
}

function locked(until: Date): DomainError {
  const time = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(until);
  return new DomainError(
    ErrorCode.Unauthenticated,
    `Tạm thời không thể đăng nhập do nhập sai nhiều lần liên tiếp. Vui lòng thử lại sau ${time} hoặc liên hệ quản trị viên.`,
    { reason: 'account_locked', lockedUntil: until.toISOString() },
  );
}
