import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Decisions by center (or '*' province-wide), decision day and receipt day: the working-day spans of the reports. Kept by triggers in the transaction of each change (migration 1765700000000);
 * the reports read it with aggregate SQL (ReportsRepository). Table `report_decision_span`.
 */
@Entity({ name: 'report_decision_span' })
export class ReportDecisionSpanEntity {
  @PrimaryColumn({ name: 'center_code', type: 'text' })
  centerCode: string;

  @PrimaryColumn({ name: 'decided_day', type: 'date' })
  decidedDay: string;

  @PrimaryColumn({ name: 'received_day', type: 'date' })
  receivedDay: string;

  @Column({ name: 'count', type: 'integer', nullable: false })
  count: number;
}
