import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type { ClientScope as ApiClientScope } from '../principal';
import type { ClientScope as ApiClientScope } from '../principal';
/** Where a client's credentials come from: `PORTAL_CLIENTS`/`SOCIAL_INSURANCE_CLIENTS`, or the sandbox secret file. */
export type ApiClientSource = 'env' | 'sandbox';

/** A system that calls the API with client credentials (table `api_client`). */
@Entity({ name: 'api_client' })
export class ApiClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'text' })
  clientId: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  scope: ApiClientScope;

  @Column({ type: 'text' })
  source: ApiClientSource;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
