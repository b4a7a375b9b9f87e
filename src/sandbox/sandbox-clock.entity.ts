import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The sandbox clock's offset (table `sandbox_clock`, one row, `id` always true), shared by every instance. */
@Entity({ name: 'sandbox_clock' })
export class SandboxClockEntity {
  @PrimaryColumn({ name: 'id', type: 'boolean', default: true })
  id: boolean;

  /** Whole days in milliseconds; bigint, so node-postgres gives a string. */
  @Column({ name: 'offset_ms', type: 'bigint', nullable: false })
  offsetMs: string;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  updatedAt: Date;
}
