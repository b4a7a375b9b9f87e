import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { DomainError, ErrorCode } from '../../platform/errors/domain-error';
import { passwordProblem } from '../accounts/password-policy';
import { twoFactorRequired } from '../accounts/two-factor-policy';
import { Enrolment, TwoFactorService, normaliseRecoveryCode } from '../accounts/two-factor.service';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity-options';
import { staffPrincipal } from '../principal';
import { hashSecret, spendVerificationTime, verifySecret } from '../secrets/password-hasher';
import { BEARER_TTL_SECONDS } from '../tokens/access-token.constants';
import { AccessTokenService, IssuedToken } from '../tokens/access-token.service';
import { afterFailedAttempt, isLocked } from './staff-lockout.policy';
import { StaffAccountEntity } from './staff-account.entity';
import { StaffAccountRepository } from './staff-account.repository';
import { StaffLoginThrottleRepository } from './staff-login-throttle.repository';
import { StaffRecoveryCodeRepository } from './staff-recovery-code.repository';

const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/** What a login may carry besides username and password (all optional). */
export interface LoginExtras {
  /** The new password, when the account must change its password (first login, after a reset). */
  readonly newPassword?: string;
  /** A 6-digit authenticator code or a recovery code. */
  readonly otp?: string;
  /** The enrolment being confirmed with `otp` (from the `two_factor_enrolment_required` answer). */
  readonly enrolmentToken?: string;
}

/** A token, plus the recovery codes when this login finished a two-factor enrolment (shown once). */
export type LoginResult = IssuedToken & { recoveryCodes?: string[] };

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
    private readonly recoveryCodes: StaffRecoveryCodeRepository,
    private readonly tokens: AccessTokenService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly twoFactor: TwoFactorService,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /**
   * Password first (with lock-out); then, in this order, the steps an account may still owe, each answered by a
   * 401 problem whose `reason` tells the client what to send again with the same username and password:
   * `password_change_required` (send `newPassword`), `two_factor_enrolment_required` (scan `enrolment`, send
   * `enrolmentToken` + `otp`), `two_factor_required` (send `otp`). A wrong second factor counts as a failed login.
   */
  async login(username: string, password: string, source: string, extras: LoginExtras = {}): Promise<LoginResult> {
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
    if (account.mustChangePassword) await this.changeOwedPassword(account, password, extras.newPassword);
    const recoveryCodes = await this.secondFactor(account, source, extras);
    // Cleared only now: a right password with wrong second factors must still lock.
    await this.throttle.clear(name, source);
    const token = await this.tokens.issue(staffPrincipal(account), { use: 'bearer', ttlSeconds: BEARER_TTL_SECONDS });
    return recoveryCodes ? { ...token, recoveryCodes } : token;
  }

  /** The signed-in user changes their own password (must know the current one); other sessions end. */
  async changePassword(username: string, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.accounts.findActiveByUsername(username);
    if (!account || !(await verifySecret(currentPassword, account.passwordHash)))
      throw DomainError.validation([
        { field: 'currentPassword', code: 'wrong_password', message: 'Mật khẩu hiện tại không đúng.' },
      ]);
    await this.storeNewPassword(account, currentPassword, newPassword, 'staff_account.change_password');
  }

  private async changeOwedPassword(account: StaffAccountEntity, password: string, newPassword?: string) {
    if (!newPassword)
      throw new DomainError(ErrorCode.Unauthenticated, 'Bạn cần đặt mật khẩu mới trước khi tiếp tục.', {
        reason: 'password_change_required',
      });
    await this.storeNewPassword(account, password, newPassword, 'staff_account.set_password');
    account.mustChangePassword = false;
  }

  private async storeNewPassword(account: StaffAccountEntity, current: string, next: string, action: string) {
    const problem =
      passwordProblem(next, 'newPassword', account) ??
      (next.normalize('NFC') === current.normalize('NFC')
        ? { field: 'newPassword', code: 'password_unchanged', message: 'Mật khẩu mới phải khác mật khẩu cũ.' }
        : null);
    if (problem) throw DomainError.validation([problem], problem.message);
    const hash = await hashSecret(next.normalize('NFC'));
    await this.dataSource.transaction(async (em) => {
      // Sessions of earlier logins end, except that they began in this very second (the login about to be issued).
      await this.accounts.storePassword(em, account.id, hash, wholeSecond(this.clock.now()));
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: account.username,
        action,
        entityType: 'staff_account',
        entityId: account.username,
        data: {},
      });
    });
  }

  /** `undefined` when no second factor is owed or it was right; the new recovery codes after an enrolment. */
  private async secondFactor(
    account: StaffAccountEntity,
    source: string,
    extras: LoginExtras,
  ): Promise<string[] | undefined> {
    if (account.totpSecret) {
      if (!extras.otp)
        throw new DomainError(ErrorCode.Unauthenticated, 'Vui lòng nhập mã xác thực từ ứng dụng trên điện thoại.', {
          reason: 'two_factor_required',
        });
      if (await this.acceptSecondFactor(account, extras.otp)) return undefined;
      return this.wrongSecondFactor(account, source);
    }
    if (!twoFactorRequired(this.options, account)) return undefined;
    const secret = extras.enrolmentToken
      ? await this.twoFactor.openEnrolment(extras.enrolmentToken, account.username)
      : undefined;
    if (!secret || !extras.otp) throw await this.enrolmentOwed(account);
    const step = this.twoFactor.matchCode(secret, extras.otp, null);
    if (step === null) return this.wrongSecondFactor(account, source);
    const codes = this.twoFactor.newRecoveryCodes();
    const hashes = await Promise.all(codes.map((c) => hashSecret(normaliseRecoveryCode(c))));
    await this.dataSource.transaction(async (em) => {
      if (!(await this.accounts.enableTotp(em, account.id, this.twoFactor.seal(secret), step)))
        throw DomainError.conflict('Tài khoản đã được đăng ký xác thực hai lớp. Vui lòng đăng nhập lại.');
      await this.recoveryCodes.replace(em, account.id, hashes);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: account.username,
        action: 'staff_account.enrol_two_factor',
        entityType: 'staff_account',
        entityId: account.username,
        data: { recoveryCodes: codes.length },
      });
    });
    return codes;
  }

  private async enrolmentOwed(account: StaffAccountEntity): Promise<DomainError> {
    const enrolment: Enrolment = await this.twoFactor.startEnrolment(account.username, account.username);
    return new DomainError(
      ErrorCode.Unauthenticated,
      'Tài khoản của bạn phải dùng xác thực hai lớp. Quét mã QR bằng ứng dụng xác thực rồi nhập mã 6 chữ số.',
      { reason: 'two_factor_enrolment_required', enrolment },
    );
  }

  /** A TOTP code (each time step once) or an unused recovery code (then spent). */
  private async acceptSecondFactor(account: StaffAccountEntity, otp: string): Promise<boolean> {
    const secret = this.twoFactor.open(account.totpSecret!);
    const last = account.totpLastStep === null ? null : Number(account.totpLastStep);
    const step = this.twoFactor.matchCode(secret, otp, last);
    if (step !== null) {
      return this.accounts.acceptTotpStep(account.id, step);
    }
    const code = normaliseRecoveryCode(otp);
    if (!/^[A-Z0-9]{10}$/.test(code)) return false;
    const unused = await this.recoveryCodes.unused(account.id);
    for (const row of unused) {
      if (!(await verifySecret(code, row.codeHash))) continue;
      return this.dataSource.transaction(async (em) => {
        if (!(await this.recoveryCodes.spend(em, row.id))) return false;
        await this.audit.append(em, {
          actorType: 'staff',
          actorId: account.username,
          action: 'staff_account.use_recovery_code',
          entityType: 'staff_account',
          entityId: account.username,
          data: { left: unused.length - 1 },
        });
        return true;
      });
    }
    return false;
  }

  private async wrongSecondFactor(account: StaffAccountEntity, source: string): Promise<never> {
    const now = this.clock.now();
    const until = await this.throttle.recordFailure(account.username, source, (count) =>
      afterFailedAttempt(count, now),
    );
    if (until) throw locked(until);
    throw new DomainError(ErrorCode.Unauthenticated, 'Mã xác thực không đúng hoặc đã được dùng.', {
      reason: 'two_factor_invalid',
    });
  }
}

/** The instant truncated to the whole second (as PostgreSQL's `date_trunc('second', …)`). */
function wholeSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
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
