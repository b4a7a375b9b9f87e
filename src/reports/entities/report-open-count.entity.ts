import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Open dossiers by center, status and due date (the open-dossier gauges). Kept by triggers in the transaction of each change (migration 1765700000000);
 * the reports read it with aggregate SQL (ReportsRepository). Table `report_open_count`.
 */
@Entity({ name: 'report_open_count' })
export class ReportOpenCountEntity {
  @PrimaryColumn({ name: 'center_code', type: 'text' })
  centerCode: string;

  @PrimaryColumn({ name: 'status', type: 'text' })
  status: string;

  /** YYYY-MM-DD; null before a due date is set. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'count', type: 'integer', nullable: false })
  count: number;
}
