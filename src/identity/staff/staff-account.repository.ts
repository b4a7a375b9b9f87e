import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
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

/** Persistence of `staff_account`. */
@Injectable()
export class StaffAccountRepository {
  constructor(@InjectRepository(StaffAccountEntity) private readonly repo: Repository<StaffAccountEntity>) {}

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
}
