import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import { sql } from '../../platform/database/sql';
import { hashSecret } from '../secrets/password-hasher';
import { StaffAccountEntity } from '../staff/staff-account.entity';
import { StaffAccountRepository } from '../staff/staff-account.repository';
import { newOneTimePassword } from './staff-accounts.service';

export interface FirstAdminRequest {
  readonly username: string;
  readonly fullName: string;
  readonly email?: string;
}

export type FirstAdminOutcome =
  | { readonly created: true; readonly username: string; readonly oneTimePassword: string }
  | { readonly created: false; readonly reason: string };

/**
 * The first administrator of a new deployment (`npm run admin:first`): created only while no active administrator
 * exists (sandbox accounts do not count), with a one-time password that must be changed at the first login, after
 * which two-factor enrolment is required. Nothing else is created. The check and the insert hold a transaction-level
 * advisory lock, so two commands run at once create one administrator.
 */
export async function createFirstAdmin(dataSource: DataSource, request: FirstAdminRequest): Promise<FirstAdminOutcome> {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(request.username))
    return {
      created: false,
      reason: 'username must be 2-64 of a-z, 0-9, ".", "_", "-", starting with a letter or digit',
    };
  const fullName = request.fullName.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!fullName || fullName.length > 200) return { created: false, reason: 'full name must have 1-200 characters' };
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashSecret(oneTimePassword);
  const accounts = new StaffAccountRepository(dataSource.getRepository(StaffAccountEntity));
  return dataSource.transaction(async (em) => {
    // One administrator even when two commands run at once: the check and the insert hold this lock.
    await sql.run(em, `SELECT pg_advisory_xact_lock(hashtext('staff_account.first_admin'))`);
    const existing = await accounts.anyActiveAdmin(em);
    if (existing)
      return {
        created: false as const,
        reason: `an administrator already exists (${existing}); accounts are created in the service`,
      };
    if (await accounts.exists(request.username, em))
      return { created: false as const, reason: `username ${request.username} is already used` };
    await accounts.createFirstAdmin(em, {
      username: request.username,
      passwordHash,
      fullName,
      email: request.email?.toLowerCase() ?? null,
    });
    await new AuditLogRepository(dataSource).append(em, {
      actorType: 'system',
      actorId: 'admin:first',
      action: 'staff_account.create_first_admin',
      entityType: 'staff_account',
      entityId: request.username,
      data: { fullName },
    });
    return { created: true as const, username: request.username, oneTimePassword };
  });
}
