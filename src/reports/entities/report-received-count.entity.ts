import { Entity } from 'typeorm';
import { PeriodSummary } from './report-grain';

/**
 * Dossiers received, by center and day or month. Kept by triggers in the transaction of each change (migration 1765700000000);
 * the reports read it with aggregate SQL (ReportsRepository). Table `report_received_count`.
 */
@Entity({ name: 'report_received_count' })
export class ReportReceivedCountEntity extends PeriodSummary {}
