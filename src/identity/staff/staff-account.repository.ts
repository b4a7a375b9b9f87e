import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { sql } from '../../platform/database/sql';
import { StaffRole } from '../principal';
import { StaffAccountEntity } from './staff-account.entity';

export interface NewStaffAccount {
  readonly username: string;
  readonly passwordHash: string;
  readonly fullName: string;
  readonly role: StaffRole;
  readonly centerCode: string | null;
  readonly sandbox: boolean;
}

/** An account an administrator creates: a one-time password the user must change at the first login. */
export interface AdministeredAccount {
  readonly username: string;
  readonly passwordHash: string;
  readonly fullName: string;
  readonly title: string | null;
  readonly role: StaffRole;
  readonly centerCode: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly employeeNumber: string | null;
}

/** What an administrator sees of an account, with the latest lock-out of its username from any source. */
export interface StaffAccountRow {
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
  totpEnabledAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The account a sign-in at the province's identity provider maps to. */
export interface ProviderMatch {
  username: string;
  fullName: string;
  role: StaffRole;
  centerCode: string | null;
  sandbox: boolean;
  byEmployee: boolean;
}

export type StaffAccountChange = QueryDeepPartialEntity<StaffAccountEntity>;

// The account with the latest lock-out of its username (the throttle is counted per username and source).
const ACCOUNT_ROW = `SELECT a.username, a.full_name AS "fullName", a.title, a.role, a.center_code AS "centerCode",
       a.phone, a.email, a.employee_number AS "employeeNumber", a.active, a.sandbox,
       a.must_change_password AS "mustChangePassword", a.totp_enabled_at AS "totpEnabledAt",
       a.created_at AS "createdAt", a.updated_at AS "updatedAt",
       (SELECT max(t.locked_until) FROM staff_login_throttle t WHERE t.username = a.username) AS "lockedUntil"
  FROM staff_account a`;

/** Persistence of `staff_account`. */
@Injectable()
export class StaffAccountRepository {
  constructor(@InjectRepository(StaffAccountEntity) private readonly repo: Repository<StaffAccountEntity>) {}

  private of(em?: EntityManager): Repository<StaffAccountEntity> {
    return em ? em.getRepository(StaffAccountEntity) : this.repo;
  }

  findActiveByUsername(username: string): Promise<StaffAccountEntity | null> {
    return this.repo.findOne({ where: { username, active: true } });
  }

  async existingUsernames(usernames: readonly string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const rows = await this.repo.find({ select: { username: true }, where: { username: In([...usernames]) } });
    return new Set(rows.map((r) => r.username));
  }

  async insert(account: NewStaffAccount): Promise<void> {
    await this.repo.createQueryBuilder().insert().values(account).orIgnore().execute();
  }

  /** Refreshes what a seed owns (name, role, center) and reactivates it; never touches the password or lock state. */
  async refreshSeeded(account: Omit<NewStaffAccount, 'passwordHash'>): Promise<void> {
    await this.repo.update(
      { username: account.username },
      { fullName: account.fullName, role: account.role, centerCode: account.centerCode, active: true, sandbox: true },
    );
  }

  /** Sandbox accounts must never work outside sandbox mode (their passwords are public). */
  async deactivateSandboxAccounts(keep: readonly string[] = []): Promise<void> {
    await this.repo.update(
      keep.length ? { sandbox: true, active: true, username: Not(In([...keep])) } : { sandbox: true, active: true },
      { active: false },
    );
  }

  /**
   * Accounts matching a search in username or full name (`q`, LIKE wildcards already escaped), a role and an active
   * flag, each optional: active first, then by center and username; at most 1000. Raw SQL: a search with the
   * lock-out aggregate of every row in one statement.
   */
  search(filter: { q: string | null; role: string | null; active: boolean | null }): Promise<StaffAccountRow[]> {
    return sql.rows<StaffAccountRow>(
      this.repo.manager,
      `${ACCOUNT_ROW}
        WHERE ($1::text IS NULL OR a.username ILIKE '%' || $1 || '%' OR a.full_name ILIKE '%' || $1 || '%')
          AND ($2::text IS NULL OR a.role = $2) AND ($3::boolean IS NULL OR a.active = $3)
        ORDER BY a.active DESC, a.center_code NULLS FIRST, a.username LIMIT 1000`,
      [filter.q, filter.role, filter.active],
    );
  }

  /** One account with its lock-out (one statement, as `search`). */
  row(username: string, em?: EntityManager): Promise<StaffAccountRow | undefined> {
    return sql.one<StaffAccountRow>(em ?? this.repo.manager, `${ACCOUNT_ROW} WHERE a.username = $1`, [username]);
  }

  /** Locks the account for the rest of the transaction; its id, or `undefined` when there is no such username. */
  async lock(em: EntityManager, username: string): Promise<string | undefined> {
    const row = await this.of(em).findOne({
      select: { id: true },
      where: { username },
      lock: { mode: 'pessimistic_write' },
    });
    return row?.id;
  }

  async create(em: EntityManager, account: AdministeredAccount): Promise<void> {
    await this.of(em).insert({ ...account, mustChangePassword: true, active: true, sandbox: false });
  }

  /** The first administrator (`admin:first`): must change the one-time password at the first login. */
  async createFirstAdmin(
    em: EntityManager,
    account: { username: string; passwordHash: string; fullName: string; email: string | null },
  ): Promise<void> {
    await this.of(em).insert({ ...account, role: 'admin', centerCode: null, mustChangePassword: true });
  }

  /** Updates the account (`updated_at` moves with it). */
  async change(em: EntityManager, username: string, values: StaffAccountChange): Promise<void> {
    await this.of(em).update({ username }, values);
  }

  async isActive(username: string, em?: EntityManager): Promise<boolean> {
    return this.of(em).exists({ where: { username, active: true } });
  }

  async exists(username: string, em?: EntityManager): Promise<boolean> {
    return this.of(em).exists({ where: { username } });
  }

  /** Active, non-sandbox administrators other than `username`. */
  otherActiveAdmins(em: EntityManager, username: string): Promise<number> {
    return this.of(em).count({ where: { role: 'admin', active: true, sandbox: false, username: Not(username) } });
  }

  /** Any active, non-sandbox administrator's username. */
  async anyActiveAdmin(em: EntityManager): Promise<string | undefined> {
    const row = await this.of(em).findOne({
      select: { username: true },
      where: { role: 'admin', active: true, sandbox: false },
    });
    return row?.username;
  }

  /** A new password; sessions that began before `sessionsValidFrom` end. */
  async storePassword(em: EntityManager, id: string, passwordHash: string, sessionsValidFrom: Date): Promise<void> {
    await this.of(em).update(
      { id },
      { passwordHash, mustChangePassword: false, passwordChangedAt: () => 'now()', sessionsValidFrom },
    );
  }

  /** Enables two-factor with the sealed secret and the step of the code that confirmed it; false if already on. */
  async enableTotp(em: EntityManager, id: string, sealedSecret: string, step: number): Promise<boolean> {
    const result = await this.of(em).update(
      { id, totpSecret: IsNull() },
      { totpSecret: sealedSecret, totpEnabledAt: () => 'now()', totpLastStep: String(step) },
    );
    return result.affected === 1;
  }

  /**
   * Records the time step of an accepted code; false when that step or a later one was already used. Raw SQL: a
   * compare-and-set that leaves `updated_at` alone (a login is not a change of the account).
   */
  async acceptTotpStep(id: string, step: number): Promise<boolean> {
    const affected = await sql.run(
      this.repo.manager,
      `UPDATE staff_account SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [id, step],
    );
    return affected === 1;
  }

  /**
   * The active, non-sandbox account with this employee number, else with this (lower-cased) e-mail. Raw SQL: the
   * preference between the two matches is one ORDER BY.
   */
  matchProvider(employee: string | null, email: string | null): Promise<ProviderMatch | undefined> {
    return sql.one<ProviderMatch>(
      this.repo.manager,
      `SELECT username, full_name AS "fullName", role, center_code AS "centerCode", sandbox,
              (employee_number = $1) AS "byEmployee"
         FROM staff_account
        WHERE active AND NOT sandbox AND (employee_number = $1 OR lower(email) = $2)
        ORDER BY (employee_number = $1) DESC NULLS LAST LIMIT 1`,
      [employee, email],
    );
  }
}
