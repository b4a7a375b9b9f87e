import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The newest link of the audit chain (table `audit_chain_head`, one row): read under the chain lock by each append,
 * so an append never scans the partitioned log for its predecessor.
 */
@Entity({ name: 'audit_chain_head' })
export class AuditChainHeadEntity {
  /** Always true: the table holds one row. */
  @PrimaryColumn({ name: 'singleton', type: 'boolean', default: true })
  singleton: boolean;

  @Column({ name: 'last_id', type: 'bigint', nullable: false })
  lastId: string;

  @Column({ name: 'hash', type: 'char', length: 64, nullable: false })
  hash: string;
}
