import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { DomainError, FieldError } from '../../platform/errors/domain-error';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity-options';
import { Principal, StaffRole } from '../principal';
import { hashSecret } from '../secrets/password-hasher';
import { CreateStaffAccountDto, UpdateStaffAccountDto } from './staff-account.dto';
import { twoFactorRequired } from './two-factor-policy';

/** An account as an administrator sees it (never a password or a second-factor secret). */
export interface StaffAccountView {
  username: string;
  fullName: string;
  title: string | null;
  role: StaffRole;
  centerCode: string | null;
  phone: string | null;
  email: string | null;
  employeeNumber: string | null;
  active: boolean;
  sandbox: boolean;
  mustChangePassword: boolean;
  twoFactor: { enabled: boolean; required: boolean };
  /** The latest lock-out still running (from any source), or null. */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

const PROVINCE_ROLES: readonly StaffRole[] = ['director', 'admin'];
const EDITABLE = ['fullName', 'title', 'role', 'centerCode', 'phone', 'email', 'employeeNumber'] as const;
const COLUMN: Record<(typeof EDITABLE)[number], string> = {
  fullName: 'full_name',
  title: 'title',
  role: 'role',
  centerCode: 'center_code',
  phone: 'phone',
  email: 'email',
  employeeNumber: 'employee_number',
};
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
    private readonly audit: AuditLogRepository,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(filter: { q?: string; role?: string; active?: boolean } = {}): Promise<StaffAccountView[]> {
    const rows = await this.dataSource.query(
      `${SELECT}
        WHERE ($1::text IS NULL OR a.username ILIKE '%' || $1 || '%' OR a.full_name ILIKE '%' || $1 || '%')
          AND ($2::text IS NULL OR a.role = $2) AND ($3::boolean IS NULL OR a.active = $3)
        ORDER BY a.active DESC, a.center_code NULLS FIRST, a.username LIMIT 1000`,
      [filter.q?.replace(/[%_\\]/g, (c) => `\\${c}`) || null, filter.role ?? null, filter.active ?? null],
    );
    return rows.map((r: Row) => this.view(r));
  }

  async get(username: string, em: EntityManager = this.dataSource.manager): Promise<StaffAccountView> {
    const [row] = await em.query(`${SELECT} WHERE a.username = $1`, [username]);
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
      await em.query(
        `INSERT INTO staff_account (username, password_hash, full_name, title, role, center_code, phone, email,
                                    employee_number, must_change_password, active, sandbox)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, true, false)`,
        [
          input.username,
          passwordHash,
          input.fullName,
          fields.title ?? null,
          input.role,
          fields.centerCode ?? null,
          fields.phone ?? null,
          fields.email ?? null,
          fields.employeeNumber ?? null,
        ],
      );
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
      const values = changes.map((k) => next[k] ?? null);
      await em.query(
        `UPDATE staff_account SET ${changes.map((k, i) => `${COLUMN[k]} = $${i + 2}`).join(', ')}, updated_at = now()
          WHERE username = $1`,
        [username, ...values],
      );
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
      await em.query(
        `UPDATE staff_account SET active = false, sessions_valid_from = $2, updated_at = now() WHERE username = $1`,
        [username, this.clock.now()],
      );
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
      await em.query(`UPDATE staff_account SET active = true, updated_at = now() WHERE username = $1`, [username]);
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
      await em.query(
        `UPDATE staff_account SET password_hash = $2, must_change_password = true, sessions_valid_from = $3,
                password_changed_at = now(), updated_at = now() WHERE username = $1`,
        [username, passwordHash, this.clock.now()],
      );
      await em.query(`DELETE FROM staff_login_throttle WHERE username = $1`, [username]);
      await this.record(em, admin, 'staff_account.reset_password', username, reason, {});
      return { account: await this.get(username, em), oneTimePassword };
    });
  }

  /** A lost phone: the authenticator and recovery codes are dropped; the user enrols again at the next login. */
  async resetTwoFactor(admin: Principal, username: string, reason: string): Promise<StaffAccountView> {
    return this.write(async (em) => {
      const before = await this.lockRow(em, username);
      await em.query(
        `UPDATE staff_account SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL,
                sessions_valid_from = $2, updated_at = now() WHERE username = $1`,
        [username, this.clock.now()],
      );
      await em.query(
        `DELETE FROM staff_recovery_code WHERE account_id = (SELECT id FROM staff_account WHERE username = $1)`,
        [username],
      );
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
      const [row] = await em.query(`SELECT 1 FROM staff_account WHERE username = $1 AND active`, [username]);
      if (!row) throw DomainError.notFound(NOT_FOUND);
      const [, count] = await em.query(`DELETE FROM staff_login_throttle WHERE username = $1`, [username]);
      const cleared = Number(count ?? 0);
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
      const [center] = await em.query(`SELECT 1 FROM service_center WHERE code = $1`, [merged.centerCode]);
      if (!center)
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
    const [{ n }] = await em.query(
      `SELECT count(*)::int AS n FROM staff_account WHERE role = 'admin' AND active AND NOT sandbox AND username <> $1`,
      [username],
    );
    if (n === 0 && this.options.sandboxStaff.length === 0)
      throw DomainError.validation(
        [{ field, code: 'last_admin', message: 'Phải còn ít nhất một quản trị viên đang hoạt động.' }],
        'Phải còn ít nhất một quản trị viên đang hoạt động.',
      );
  }

  private async lockRow(em: EntityManager, username: string): Promise<StaffAccountView> {
    const [row] = await em.query(`SELECT 1 FROM staff_account WHERE username = $1 FOR UPDATE`, [username]);
    if (!row) throw DomainError.notFound(NOT_FOUND);
    return this.get(username, em);
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

  private view(r: Row): StaffAccountView {
    const enabled = r.totp_enabled_at !== null;
    return {
      username: r.username,
      fullName: r.full_name,
      title: r.title,
      role: r.role,
      centerCode: r.center_code,
      phone: r.phone,
      email: r.email,
      employeeNumber: r.employee_number,
      active: r.active,
      sandbox: r.sandbox,
      mustChangePassword: r.must_change_password,
      twoFactor: { enabled, required: twoFactorRequired(this.options, { role: r.role, sandbox: r.sandbox }) },
      lockedUntil:
        r.locked_until && new Date(r.locked_until).getTime() > this.clock.now().getTime()
          ? new Date(r.locked_until).toISOString()
          : null,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  }
}

const UNIQUE_FIELDS: Record<string, { field: string; message: string }> = {
  staff_account_username_key: { field: 'username', message: 'Tên đăng nhập này đã có người dùng.' },
  staff_account_email_key: { field: 'email', message: 'Địa chỉ thư điện tử này đã gắn với tài khoản khác.' },
  staff_account_employee_number_key: { field: 'employeeNumber', message: 'Mã cán bộ này đã gắn với tài khoản khác.' },
};

interface Row {
  username: string;
  full_name: string;
  title: string | null;
  role: StaffRole;
  center_code: string | null;
  phone: string | null;
  email: string | null;
  employee_number: string | null;
  active: boolean;
  sandbox: boolean;
  must_change_password: boolean;
  totp_enabled_at: Date | null;
  locked_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT a.username, a.full_name, a.title, a.role, a.center_code, a.phone, a.email, a.employee_number,
       a.active, a.sandbox, a.must_change_password, a.totp_enabled_at, a.created_at, a.updated_at,
       (SELECT max(t.locked_until) FROM staff_login_throttle t WHERE t.username = a.username) AS locked_until
  FROM staff_account a`;

function pick(view: StaffAccountView): Record<string, unknown> {
  return Object.fromEntries(EDITABLE.map((k) => [k, view[k]]));
}

export function newOneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)!.join('-');
}
