import type { StaffRole } from '../../src/identity/principal';

/** Anything that runs SQL with positional parameters: a pg Client, a TypeORM DataSource. */
export interface Sql {
  query(text: string, params: unknown[]): Promise<unknown>;
}

/**
 * Makes `username` an active staff account with this role and center, as an administrator would, so that a token
 * minted for it passes the guard's account check. The password hash is unusable: such accounts cannot log in.
 */
export async function ensureStaffAccount(
  sql: Sql,
  account: { username: string; fullName?: string; role: StaffRole; centerCode: string | null },
): Promise<void> {
  await sql.query(
    `INSERT INTO staff_account (username, password_hash, full_name, role, center_code)
     VALUES ($1, '!', $2, $3, $4)
     ON CONFLICT (username) DO UPDATE
       SET full_name = EXCLUDED.full_name, role = EXCLUDED.role, center_code = EXCLUDED.center_code, active = true`,
    [account.username, account.fullName ?? account.username, account.role, account.centerCode],
  );
}
