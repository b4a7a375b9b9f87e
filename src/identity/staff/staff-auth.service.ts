import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { DomainError, ErrorCode } from '../../platform/errors/domain-error';
import { staffPrincipal } from '../principal';
import { spendVerificationTime, verifySecret } from '../secrets/password-hasher';
import { BEARER_TTL_SECONDS } from '../tokens/access-token.constants';
import { AccessTokenService, IssuedToken } from '../tokens/access-token.service';
import { afterFailedAttempt, isLocked } from './staff-lockout.policy';
import { StaffAccountRepository } from './staff-account.repository';

const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/** Staff login with username and password, with lock-out after repeated failures (see staff-lockout.policy.ts). */
@Injectable()
export class StaffAuthService {
  private readonly logger = new Logger('staff-auth');

  constructor(
    private readonly accounts: StaffAccountRepository,
    private readonly tokens: AccessTokenService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async login(username: string, password: string): Promise<IssuedToken> {
    const account = await this.accounts.findActiveByUsername(username.trim().toLowerCase());
    if (!account) {
      await spendVerificationTime(password);
      throw DomainError.unauthenticated(WRONG_CREDENTIALS);
    }
    if (isLocked(account.lockedUntil, this.clock.now())) throw locked(account.lockedUntil!);
    if (!(await verifySecret(password, account.passwordHash))) {
      const lockedUntil = await this.accounts.recordFailure(account.id, (count) =>
        afterFailedAttempt(count, this.clock.now()),
      );
      if (lockedUntil) {
        this.logger.warn({ username: account.username, lockedUntil }, 'staff account locked after failed logins');
        throw locked(lockedUntil);
      }
      throw DomainError.unauthenticated(WRONG_CREDENTIALS);
    }
    if (account.failedAttempts > 0 || account.lockedUntil) await this.accounts.recordSuccess(account.id);
    return this.tokens.issue(staffPrincipal(account), { use: 'bearer', ttlSeconds: BEARER_TTL_SECONDS });
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
    `Tài khoản tạm thời bị khóa do nhập sai mật khẩu nhiều lần liên tiếp. Vui lòng thử lại sau ${time}.`,
    { reason: 'account_locked', lockedUntil: until.toISOString() },
  );
}
