import { ApiProperty } from '@nestjs/swagger';
import { INTEGRATION_SYSTEMS, IntegrationSystem } from '../integration/integration-systems';

/**
 * Response bodies of the indicators routes (service indicators, satisfaction rating, public KPI, integration health,
 * monthly indicator reports), as documented in the OpenAPI document (docs/openapi.json).
 */

const SHARE = 'count / total rounded to 4 decimals; null when total is 0.';

export class IndicatorShareDto {
  @ApiProperty({ type: Number })
  count!: number;

  @ApiProperty({ type: Number })
  total!: number;

  @ApiProperty({ nullable: true, type: Number, description: SHARE })
  share!: number | null;
}

export class IndicatorFiledDto {
  @ApiProperty({ type: Number, description: 'Dossiers filed in the month, every channel.' })
  total!: number;

  @ApiProperty({ type: Number, description: 'Filed online on the service.' })
  online!: number;

  @ApiProperty({ type: Number, description: 'Filed through the national public service portal (Cổng DVCQG).' })
  portal!: number;

  @ApiProperty({ type: Number, description: 'Filed at the counter of a center.' })
  counter!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: '(online + portal) / total, 4 decimals; null without filings.',
  })
  onlineShare!: number | null;
}

export class IndicatorSatisfactionDto {
  @ApiProperty({ type: Number, description: 'Ratings given in the month.' })
  ratings!: number;

  @ApiProperty({ nullable: true, type: Number, description: 'Average rating (1–5); null without ratings.' })
  average!: number | null;

  @ApiProperty({
    type: Number,
    isArray: true,
    minItems: 5,
    maxItems: 5,
    description: 'Number of ratings 1, 2, 3, 4 and 5, in that order.',
  })
  distribution!: number[];
}

/** The indicators of one scope (the province or a center) and month (QĐ 766/QĐ-TTg). */
export class IndicatorSetDto {
  @ApiProperty({ type: () => IndicatorFiledDto })
  filed!: IndicatorFiledDto;

  @ApiProperty({ type: Number, description: 'Dossiers decided in the month.' })
  decided!: number;

  @ApiProperty({ type: () => IndicatorShareDto, description: 'Decisions made within the legal time limit.' })
  onTime!: IndicatorShareDto;

  @ApiProperty({ type: () => IndicatorShareDto, description: 'Decisions returned as a signed electronic document.' })
  electronicResult!: IndicatorShareDto;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Working days from filing to decision; null without decisions.',
  })
  averageWorkingDaysToDecision!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '90th percentile of the same; null without decisions.' })
  p90WorkingDaysToDecision!: number | null;

  @ApiProperty({ type: () => IndicatorShareDto, description: 'Monthly job-search notices filed on time.' })
  noticesOnTime!: IndicatorShareDto;

  @ApiProperty({ type: () => IndicatorShareDto, description: 'Benefit months paid on time.' })
  paymentsOnTime!: IndicatorShareDto;

  @ApiProperty({ type: () => IndicatorSatisfactionDto })
  satisfaction!: IndicatorSatisfactionDto;
}

export class CenterIndicatorsDto {
  @ApiProperty({ type: String })
  centerCode!: string;

  @ApiProperty({ type: String })
  centerName!: string;

  @ApiProperty({ type: () => IndicatorSetDto })
  indicators!: IndicatorSetDto;
}

/** GET /api/v1/indicators. */
export class MonthIndicatorsDto {
  @ApiProperty({ type: String, description: '`YYYY-MM`.' })
  month!: string;

  @ApiProperty({
    type: String,
    description: '`YYYY-MM-DD`: the last day of the month, or today for the running month.',
  })
  countedUntil!: string;

  @ApiProperty({ type: Boolean, description: 'false for the running month.' })
  complete!: boolean;

  @ApiProperty({ type: () => IndicatorSetDto })
  province!: IndicatorSetDto;

  @ApiProperty({
    type: () => CenterIndicatorsDto,
    isArray: true,
    description: 'Every center; a center head sees only their own center.',
  })
  centers!: CenterIndicatorsDto[];
}

/** GET and POST /api/v1/dossiers/{id}/satisfaction. */
export class SatisfactionViewDto {
  @ApiProperty({ type: Number, minimum: 1, maximum: 5 })
  rating!: number;

  @ApiProperty({ nullable: true, type: String })
  comment!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  ratedAt!: string;
}

/** One open-data row: counts and shares only, never a person, a dossier or a comment. */
export class KpiRowDto {
  @ApiProperty({ type: String, description: '`YYYY-MM`.' })
  month!: string;

  @ApiProperty({ enum: ['province', 'center'] })
  scope!: 'province' | 'center';

  @ApiProperty({ nullable: true, type: String, description: 'null for the province row.' })
  centerCode!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'null for the province row.' })
  centerName!: string | null;

  @ApiProperty({ type: Number })
  filedTotal!: number;

  @ApiProperty({ type: Number })
  filedOnline!: number;

  @ApiProperty({ type: Number })
  filedPortal!: number;

  @ApiProperty({ type: Number })
  filedCounter!: number;

  @ApiProperty({ nullable: true, type: Number })
  onlineShare!: number | null;

  @ApiProperty({ type: Number })
  decided!: number;

  @ApiProperty({ type: Number })
  decidedOnTime!: number;

  @ApiProperty({ nullable: true, type: Number })
  onTimeShare!: number | null;

  @ApiProperty({ type: Number })
  electronicResults!: number;

  @ApiProperty({ nullable: true, type: Number })
  electronicResultShare!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  averageWorkingDaysToDecision!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  p90WorkingDaysToDecision!: number | null;

  @ApiProperty({ type: Number })
  noticesDue!: number;

  @ApiProperty({ type: Number })
  noticesOnTime!: number;

  @ApiProperty({ nullable: true, type: Number })
  noticesOnTimeShare!: number | null;

  @ApiProperty({ type: Number })
  paymentsDue!: number;

  @ApiProperty({ type: Number })
  paymentsOnTime!: number;

  @ApiProperty({ nullable: true, type: Number })
  paymentsOnTimeShare!: number | null;

  @ApiProperty({ type: Number })
  satisfactionRatings!: number;

  @ApiProperty({ nullable: true, type: Number })
  satisfactionAverage!: number | null;
}

/** GET /api/v1/public/kpi as JSON (the CSV has the columns of KpiRowDto, province first). */
export class KpiDocumentDto {
  @ApiProperty({ type: String, description: '`YYYY-MM`.' })
  month!: string;

  @ApiProperty({ type: String, description: '`YYYY-MM-DD`: the last day counted.' })
  countedUntil!: string;

  @ApiProperty({ type: Boolean, description: 'false for the running month.' })
  complete!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ type: () => KpiRowDto })
  province!: KpiRowDto;

  @ApiProperty({ type: () => KpiRowDto, isArray: true })
  centers!: KpiRowDto[];
}

export class IntegrationDayDto {
  @ApiProperty({ type: String, description: '`YYYY-MM-DD` (Asia/Ho_Chi_Minh).' })
  day!: string;

  @ApiProperty({ type: Number })
  calls!: number;

  @ApiProperty({ type: Number })
  failures!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Successful calls / calls, 4 decimals; null without calls.',
  })
  successRate!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: '95th percentile of the call durations (ms); null without calls.',
  })
  p95Ms!: number | null;
}

export class IntegrationLastErrorDto {
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String })
  operation!: string;

  @ApiProperty({ type: String })
  error!: string;
}

export class IntegrationSystemHealthDto {
  @ApiProperty({ enum: INTEGRATION_SYSTEMS })
  system!: IntegrationSystem;

  @ApiProperty({ type: String, description: 'Vietnamese name of the national system.' })
  label!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Outgoing work waiting (pending + held); null for read-only systems.',
  })
  queueDepth!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Dead letters of the queue; null for read-only systems.' })
  deadLetters!: number | null;

  @ApiProperty({ nullable: true, type: () => IntegrationLastErrorDto })
  lastError!: IntegrationLastErrorDto | null;

  @ApiProperty({ type: () => IntegrationDayDto, isArray: true, description: 'One entry per day, oldest first.' })
  days!: IntegrationDayDto[];
}

/** GET /api/v1/admin/integrations/health. */
export class IntegrationHealthDto {
  @ApiProperty({ type: String, description: '`YYYY-MM-DD`.' })
  today!: string;

  @ApiProperty({ type: () => IntegrationSystemHealthDto, isArray: true })
  systems!: IntegrationSystemHealthDto[];
}

/** A monthly indicator report draft (GET /api/v1/indicator-reports, POST /api/v1/indicator-reports/{month}). */
export class MonthlyReportEntryDto {
  @ApiProperty({ type: String, description: '`YYYY-MM`.' })
  month!: string;

  @ApiProperty({ enum: ['draft'] })
  status!: 'draft';

  @ApiProperty({ type: String, format: 'date-time' })
  preparedAt!: string;

  @ApiProperty({ type: String, description: 'SHA-256 of the PDF, hexadecimal.' })
  pdfSha256!: string;

  @ApiProperty({ type: String, description: '`/api/v1/indicator-reports/{month}/pdf`.' })
  pdfUrl!: string;

  @ApiProperty({ type: String, description: '`/api/v1/indicator-reports/{month}/xlsx`.' })
  xlsxUrl!: string;
}
