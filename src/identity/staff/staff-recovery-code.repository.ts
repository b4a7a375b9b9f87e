import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { StaffRecoveryCodeEntity } from './staff-recovery-code.entity';

/** Two-factor recovery codes of staff accounts (table `staff_recovery_code`): scrypt hashes, each usable once. */
@Injectable()
export class StaffRecoveryCodeRepository {
  constructor(@InjectRepository(StaffRecoveryCodeEntity) private readonly repo: Repository<StaffRecoveryCodeEntity>) {}

  /** The account's codes become these (an enrolment). */
  async replace(em: EntityManager, accountId: string, codeHashes: readonly string[]): Promise<void> {
    const codes = em.getRepository(StaffRecoveryCodeEntity);
    await codes.delete({ accountId });
    if (codeHashes.length) await codes.insert(codeHashes.map((codeHash) => ({ accountId, codeHash })));
  }

  /** The account loses its codes (two-factor reset). */
  async removeAll(em: EntityManager, accountId: string): Promise<void> {
    await em.getRepository(StaffRecoveryCodeEntity).delete({ accountId });
  }

  unused(accountId: string): Promise<Pick<StaffRecoveryCodeEntity, 'id' | 'codeHash'>[]> {
    return this.repo.find({ select: { id: true, codeHash: true }, where: { accountId, usedAt: IsNull() } });
  }

  /** Marks the code used; false when it already was (a concurrent login spent it). */
  async spend(em: EntityManager, id: string): Promise<boolean> {
    const result = await em
      .getRepository(StaffRecoveryCodeEntity)
      .update({ id, usedAt: IsNull() }, { usedAt: () => 'now()' });
    return result.affected === 1;
  }
}
