import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SandboxClockEntity } from './sandbox-clock.entity';

/** Table sandbox_clock: the one row holding the sandbox clock's offset, shared by every instance. */
@Injectable()
export class SandboxClockRepository {
  constructor(@InjectRepository(SandboxClockEntity) private readonly rows: Repository<SandboxClockEntity>) {}

  /** The offset in milliseconds; 0 while no one has moved the clock. */
  async offset(): Promise<number> {
    const row = await this.rows.findOne({ select: { offsetMs: true }, where: { id: true } });
    return row ? Number(row.offsetMs) : 0;
  }

  /** Sets the offset (one upsert of the single row). */
  async setOffset(offsetMs: number): Promise<void> {
    await this.rows.upsert({ id: true, offsetMs: String(offsetMs), updatedAt: () => 'now()' }, ['id']);
  }
}
