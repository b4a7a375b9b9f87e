import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { DomainError, FieldError } from '../../platform/errors/domain-error';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity-options';
import { Principal, StaffRole } from '../principal';
import { hashSecret } from '../secrets/password-hasher';
import { StaffAccountChange, StaffAccountRepository, StaffAccountRow } from '../staff/staff-account.repository';
import { StaffLoginThrottleRepository } from '../staff/staff-login-throttle.repository';
import { StaffRecoveryCodeRepository } from '../staff/staff-recovery-code.repository';
import { CreateStaffAccountDto, UpdateStaffAccountDto } from './staff-account.dto';
import { STAFF_CENTERS, StaffCenters } from './staff-centers.port';
import { twoFactorRequired } from './two-factor-policy';

/** An account as an administrator sees it (never a password or a second-factor secret), instants as RFC 3339. */
export type StaffAccountView = Omit<StaffAccountRow, 'totpEnabledAt' | 'lockedUntil' | 'createdAt' | 'updatedAt'> & {
  twoFactor: { enabled: boolean; required: boolean };
  /** The latest lock-out still running (from any source), or null. */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
};

const PROVINCE_ROLES: readonly StaffRole[] = ['director', 'admin'];
const EDITABLE = ['fullName', 'title', 'role', 'centerCode', 'phone', 'email', 'employeeNumber'] as const;
/** One-time passwords: 16 characters of an unambiguous alphabet (80 bits), grouped by 4 to read out or type. */
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const NOT_FOUND = 'Không có tài khoản cán bộ này.';

/**
 * What an administrator does to staff accounts: create, edit, deactivate, reactivate, reset a password (a one-time
 * password the user must replace at the next login), reset two-factor, unlock. Each change and its audit row (who,
 * why, what changed) are written in one transaction. Changes that must end sessions (deactivation, password or
 * two-factor reset) move `sessions_valid_from`; role and center changes already fail `AccountStanding`.
 */
@Injectable()
export class StaffAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: StaffAccountRepository,
    private readonly throttle: StaffLoginThrottleRepository,
    private readonly recoveryCodes: StaffRecoveryCodeRepository,
    @Inject(STAFF_CENTERS) private readonly centers: StaffCenters,
    private readonly audit: AuditLogRepository,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(filter: { q?: string; role?: string; active?: boolean } = {}): Promise<StaffAccountView[]> {
    const rows = await this.accounts.search({
      q: filter.q?.replace(/[%_\\]/g, (c) => `\\${c}`) || null,
      role: filter.role ?? null,
      active: filter.active ?? null,
    });
    return rows.map((r) => this.view(r));
  }

  async get(username: string, em: EntityManager = this.dataSource.manager): Promise<StaffAccountView> {
    const row = await this.accounts.row(username, em);
    if (!row) throw DomainError.notFound(NOT_FOUND);
    return this.view(row);
  }

  async create(
    admin: Principal,
    input: CreateStaffAccountDto,
  ): Promise<{ account: StaffAccountView; oneTimePassword: string }> {
    const fields = await this.checked(input, { role: input.role, centerCode: input.centerCode ?? null });
    const oneTimePassword = newOneTimePassword();
    const passwordHash = await hashSecret(oneTimePassword);
    return this.write(async (em) => {
      await this.accounts.create(em, {
        username: input.username,
        passwordHash,
        fullName: input.fullName,
        title: fields.title ?? null,
        role: input.role,
        centerCode: fields.centerCode ?? null,
        phone: fields.phone ?? null,
        email: fields.email ?? null,
        employeeNumber: fields.employeeNumber ?? null,
      });
      const account = await this.get(input.username, em);
      await this.record(em, admin, 'staff_account.create', input.username, input.reason, { after: pick(account) });
      return { account, oneTimePassword };
    });
  }

  async update(admin: Principal, username: string, input: UpdateStaffAccountDto): Promise<StaffAccountView> {
    return this.write(async (em) => {
      const before = await this.lockRow(em, username);
      const merged = {
        role: input.role ?? before.role,
        centerCode: input.centerCode !== undefined ? input.centerCode : before.centerCode,
      };
      if (input.role && PROVINCE_ROLES.includes(input.role) && input.centerCode === undefined) merged.centerCode = null;
      const fields = await this.checked(input, merged, em);
      if (before.role === 'admin' && merged.role !== 'admin') await this.keepAnAdmin(em, username, 'role');
      const next: Record<string, unknown> = { ...merged };
      for (const k of EDITABLE) if (k !== 'role' && k !== 'centerCode' && fields[k] !== undefined) next[k] = fields[k];
      const changes = EDITABLE.filter((k) => k in next && (next[k] ?? null) !== before[k]);
      if (changes.length === 0) return before;
      // The editable fields are entity properties of the same names, validated by the DTO and `checked`.
      const values = Object.fromEntries(changes.map((k) => [k, next[k] ?? null])) as StaffAccountChange;
      await this.accounts.change(em, username, values);
      const after = await this.get(username, em);
      await this.record(em, admin, 'staff_account.update', username, input.reason, {
        changed: changes,
        before: Object.fromEntries(changes.map((k) => [k, before[k]])),
        after: Object.fromEntries(changes.map((k) => [k, after[k]])),
      });
      return after;
    });
  }

  async deactivate(admin: Principal, username: string, reason: string): Promise<StaffAccountView> {
    if (username === admin.username)
      throw DomainError.conflict('Bạn không thể tự khóa tài khoản của mình.', { reason: 'self' });
    return this.write(async (em) => {
      const before = await this.lockRow(em, username);
      if (!before.active) return before;
      if (before.role === 'admin') await this.keepAnAdmin(em, username, 'username');
      await this.accounts.change(em, username, { active: false, sessionsValidFrom: this.clock.now() });
      await this.record(em, admin, 'staff_account.deactivate', username, reason, {});
      return this.get(username, em);
    });
  }

  async reactivate(admin: Principal, username: string, reason: string): Promise<StaffAccountView> {
    return this.write(async (em) => {
      const before = await this.lockRow(em, username);
      if (before.active) return before;
      if (before.sandbox && this.options.sandboxStaff.length === 0)
        throw DomainError.conflict('Tài khoản thử nghiệm không được dùng ngoài môi trường thử nghiệm.');
      await this.accounts.change(em, username, { active: true });
      await this.record(em, admin, 'staff_account.reactivate', username, reason, {});
      return this.get(username, em);
    });
  }

  /** A one-time password replaces the old one; every session of the account ends; the next login must change it. */
  async resetPassword(
    admin: Principal,
    username: string,
    reason: string,
  ): Promise<{ account: StaffAccountView; oneTimePassword: string }> {
    const oneTimePassword = newOneTimePassword();
    const passwordHash = await hashSecret(oneTimePassword);
    return this.write(async (em) => {
      await this.lockRow(em, username);
      await this.accounts.change(em, username, {
        passwordHash,
        mustChangePassword: true,
        sessionsValidFrom: this.clock.now(),
        passwordChangedAt: () => 'now()',
      });
      await this.throttle.clearAll(em, username);
      await this.record(em, admin, 'staff_account.reset_password', username, reason, {});
      return { account: await this.get(username, em), oneTimePassword };
    });
  }

  /** A lost phone: the authenticator and recovery codes are dropped; the user enrols again at the next login. */
  async resetTwoFactor(admin: Principal, username: string, reason: string): Promise<StaffAccountView> {
    return this.write(async (em) => {
      const id = await this.lockId(em, username);
      const before = await this.get(username, em);
      await this.accounts.change(em, username, {
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        sessionsValidFrom: this.clock.now(),
      });
      await this.recoveryCodes.removeAll(em, id);
      await this.record(em, admin, 'staff_account.reset_two_factor', username, reason, {
        wasEnabled: before.twoFactor.enabled,
      });
      return this.get(username, em);
    });
  }

  /** Lifts every lock-out of the username (from every source). */
  async unlock(
    admin: Principal,
    username: string,
    reason: string | undefined,
  ): Promise<{ username: string; cleared: number }> {
    return this.write(async (em) => {
      if (!(await this.accounts.isActive(username, em))) throw DomainError.notFound(NOT_FOUND);
      const cleared = await this.throttle.clearAll(em, username);
      await this.record(em, admin, 'staff_account.unlock', username, reason, { cleared });
      return { username, cleared };
    });
  }

  /** Role, center and unique fields checked against each other and the database; 400 naming the field. */
  private async checked<T extends UpdateStaffAccountDto>(
    input: T,
    merged: { role: StaffRole; centerCode: string | null },
    em: EntityManager = this.dataSource.manager,
  ): Promise<T> {
    const errors: FieldError[] = [];
    if (input.fullName === null)
      errors.push({ field: 'fullName', code: 'required', message: 'Vui lòng nhập họ và tên.' });
    if (input.role === null) errors.push({ field: 'role', code: 'required', message: 'Vui lòng chọn vai trò.' });
    const province = PROVINCE_ROLES.includes(merged.role);
    if (province && merged.centerCode)
      errors.push({
        field: 'centerCode',
        code: 'province_role_has_no_center',
        message: 'Giám đốc Sở và quản trị viên làm việc ở cấp tỉnh, không thuộc trung tâm.',
      });
    if (!province && !merged.centerCode)
      errors.push({ field: 'centerCode', code: 'required', message: 'Vui lòng chọn trung tâm công tác.' });
    if (!province && merged.centerCode) {
      if (!(await this.centers.exists(merged.centerCode, em)))
        errors.push({ field: 'centerCode', code: 'unknown_center', message: 'Không có trung tâm với mã này.' });
    }
    if (errors.length) throw DomainError.validation(errors);
    // An emptied optional field clears it (the table refuses empty strings).
    const cleared = Object.fromEntries(
      (['title', 'phone', 'email', 'employeeNumber'] as const).filter((k) => input[k] === '').map((k) => [k, null]),
    );
    const email = input.email ? { email: input.email.toLowerCase() } : {};
    return { ...input, ...email, ...cleared };
  }

  private async keepAnAdmin(em: EntityManager, username: string, field: string): Promise<void> {
    if ((await this.accounts.otherActiveAdmins(em, username)) === 0 && this.options.sandboxStaff.length === 0)
      throw DomainError.validation(
        [{ field, code: 'last_admin', message: 'Phải còn ít nhất một quản trị viên đang hoạt động.' }],
        'Phải còn ít nhất một quản trị viên đang hoạt động.',
      );
  }

  /** The account locked for the rest of the transaction, as it is now. */
  private async lockRow(em: EntityManager, username: string): Promise<StaffAccountView> {
    await this.lockId(em, username);
    return this.get(username, em);
  }

  /** Locks the account for the rest of the transaction; its id (404 when there is no such account). */
  private async lockId(em: EntityManager, username: string): Promise<string> {
    const id = await this.accounts.lock(em, username);
    if (!id) throw DomainError.notFound(NOT_FOUND);
    return id;
  }

  private async record(
    em: EntityManager,
    admin: Principal,
    action: string,
    username: string,
    reason: string | undefined,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.append(em, {
      actorType: 'staff',
      actorId: admin.username ?? admin.subject,
      action,
      entityType: 'staff_account',
      entityId: username,
      data: { ...(reason ? { reason } : {}), ...data },
    });
  }

  /** One transaction; a unique e-mail or employee number already taken is a 409 naming the field. */
  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      const constraint =
        error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
      const field = constraint && UNIQUE_FIELDS[constraint];
      if (field)
        throw DomainError.conflict(field.message, {
          errors: [{ field: field.field, code: 'already_used', message: field.message }],
        });
      throw error;
    }
  }

  private view(r: StaffAccountRow): StaffAccountView {
    return {
      username: r.username,
      fullName: r.fullName,
      title: r.title,
      role: r.role,
      centerCode: r.centerCode,
      phone: r.phone,
      email: r.email,
      employeeNumber: r.employeeNumber,
      active: r.active,
      sandbox: r.sandbox,
      mustChangePassword: r.mustChangePassword,
      twoFactor: {
        enabled: r.totpEnabledAt !== null,
        required: twoFactorRequired(this.options, { role: r.role, sandbox: r.sandbox }),
      },
      lockedUntil:
        r.lockedUntil && r.lockedUntil.getTime() > this.clock.now().getTime() ? r.lockedUntil.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

const UNIQUE_FIELDS: Record<string, { field: string; message: string }> = {
  staff_account_username_key: { field: 'username', message: 'Tên đăng nhập này đã có người dùng.' },
  staff_account_email_key: { field: 'email', message: 'Địa chỉ thư điện tử này đã gắn với tài khoản khác.' },
  staff_account_employee_number_key: { field: 'employeeNumber', message: 'Mã cán bộ này đã gắn với tài khoản khác.' },
};

function pick(view: StaffAccountView): Record<string, unknown> {
  return Object.fromEntries(EDITABLE.map((k) => [k, view[k]]));
}

export function newOneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)!.join('-');
}
