import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A public employment service center (table `service_center`). Owned by the dossiers module: CenterDirectory is the
 * only code that reads or writes it; the organisation module administers centers through that port.
 */
@Entity({ name: 'service_center' })
export class ServiceCenterEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'province_name', type: 'text' })
  provinceName: string;

  @Column({ type: 'text', default: '' })
  address: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'text', default: '' })
  phone: string;

  @Column({ type: 'text', default: '' })
  hours: string;

  /** Commune codes (xã/phường/đặc khu) the center serves. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  communes: string[];

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: string | null;

  /** Where a closed center's open dossiers went. */
  @Column({ name: 'successor_code', type: 'text', nullable: true })
  successorCode: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
