import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Zone } from './domain/legal-rules';

/** One effective-dated legal figure (table `legal_parameter`); rows are only ever added. */
@Entity({ name: 'legal_parameter' })
export class LegalParameterEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id: string;

  @Column({ name: 'key', type: 'text', nullable: false })
  key: string;

  /** The regional minimum-wage zone, for zoned keys only. */
  @Column({ name: 'zone', type: 'text', nullable: true })
  zone: Zone | null;

  /** bigint, read as a string. */
  @Column({ name: 'value', type: 'bigint', nullable: false })
  value: string;

  /** YYYY-MM-DD (PostgreSQL `date`, read as a string). */
  @Column({ name: 'effective_from', type: 'date', nullable: false })
  effectiveFrom: string;

  @Column({ name: 'legal_basis', type: 'text', nullable: false })
  legalBasis: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: false })
  createdBy: string;
}
