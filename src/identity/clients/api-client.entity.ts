import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type { ClientScope as ApiClientScope } from '../principal';
import type { ClientScope as ApiClientScope } from '../principal';
/** Where a client's credentials come from: `PORTAL_CLIENTS`/`SOCIAL_INSURANCE_CLIENTS`, or the sandbox secret file. */
export type ApiClientSource = 'env' | 'sandbox';

/** A system that calls the API with client credentials (table `api_client`). */
@Entity({ name: 'api_client' })
export class ApiClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'text', nullable: false })
  clientId: string;

  @Column({ name: 'secret_hash', type: 'text', nullable: false })
  secretHash: string;

  @Column({ name: 'name', type: 'text', nullable: false })
  name: string;

  @Column({ name: 'scope', type: 'text', nullable: false })
  scope: ApiClientScope;

  @Column({ name: 'source', type: 'text', nullable: false })
  source: ApiClientSource;

  @Column({ name: 'active', type: 'boolean', default: true, nullable: false })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', nullable: false })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', nullable: false })
  updatedAt: Date;
}
