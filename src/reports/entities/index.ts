import { ReportReceivedCountEntity } from './report-received-count.entity';
import { ReportFiledCountEntity } from './report-filed-count.entity';
import { ReportDecidedCountEntity } from './report-decided-count.entity';
import { ReportDecisionSpanEntity } from './report-decision-span.entity';
import { ReportEmployerCountEntity } from './report-employer-count.entity';
import { ReportIntakeRefusalCountEntity } from './report-intake-refusal-count.entity';
import { ReportOpenCountEntity } from './report-open-count.entity';

/** The summary tables the reports module owns. */
export const REPORT_SUMMARY_ENTITIES = [
  ReportReceivedCountEntity,
  ReportFiledCountEntity,
  ReportDecidedCountEntity,
  ReportDecisionSpanEntity,
  ReportEmployerCountEntity,
  ReportIntakeRefusalCountEntity,
  ReportOpenCountEntity,
];
