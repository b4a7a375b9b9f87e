import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IntegrationSystem } from './integration-systems';

/** The alert sent per system, day and kind (table `integration_alert`): a crossed threshold alerts once a day. */
@Entity({ name: 'integration_alert' })
export class IntegrationAlertEntity {
  @PrimaryColumn({ name: 'system', type: 'text' })
  system: IntegrationSystem;

  /** Vietnam calendar day (YYYY-MM-DD). */
  @PrimaryColumn({ name: 'day', type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'kind', type: 'text' })
  kind: 'success_rate' | 'latency' | 'dead_letters';

  @Column({ name: 'detail', type: 'text', nullable: false })
  detail: string;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: false })
  sentAt: Date;
}
