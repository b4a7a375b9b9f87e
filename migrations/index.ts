import { MigrationInterface } from 'typeorm';
import { LegalRules1764100000000 } from './1764100000000-legal-rules';
import { DataAccessLog1764150000000 } from './1764150000000-data-access-log';
import { Identity1764200000000 } from './1764200000000-identity';
import { Dossiers1764300000000 } from './1764300000000-dossiers';
import { Documents1764400000000 } from './1764400000000-documents';
import { Portal1764500000000 } from './1764500000000-portal';
import { Reports1764600000000 } from './1764600000000-reports';
import { DecisionRevocation1764700000000 } from './1764700000000-decision-revocation';
import { WorkflowEffects1764800000000 } from './1764800000000-workflow-effects';
import { Jobs1764810000000 } from './1764810000000-jobs';
import { LeastPrivilege1764900000000 } from './1764900000000-least-privilege';
import { SessionsAndLoginThrottle1765000000000 } from './1765000000000-sessions-and-login-throttle';
import { CalendarAnnouncements1765100000000 } from './1765100000000-calendar-announcements';
import { BenefitPeriod1765300000000 } from './1765300000000-benefit-period';
import { PaymentsAndNotifications1765400000000 } from './1765400000000-payments-and-notifications';
import { CitizenDrafts1765500000000 } from './1765500000000-citizen-drafts';
import { Transfers1765600000000 } from './1765600000000-transfers';
import { ReportSummaries1765700000000 } from './1765700000000-report-summaries';
import { MonthlyPartitions1765800000000 } from './1765800000000-monthly-partitions';
import { Indicators1766000000000 } from './1766000000000-indicators';
import { StaffAccountAdministration1766100000000 } from './1766100000000-staff-account-administration';
import { CentersAndSigners1766200000000 } from './1766200000000-centers-and-signers';

/**
 * Every migration, in order. Listed explicitly (not globbed) so that the same list works from TypeScript
 * sources (tests, scripts) and from the compiled `dist/` build.
 */
export const migrations: (new () => MigrationInterface)[] = [
  LegalRules1764100000000,
  DataAccessLog1764150000000,
  Identity1764200000000,
  Dossiers1764300000000,
  Documents1764400000000,
  Portal1764500000000,
  Reports1764600000000,
  DecisionRevocation1764700000000,
  WorkflowEffects1764800000000,
  Jobs1764810000000,
  LeastPrivilege1764900000000,
  SessionsAndLoginThrottle1765000000000,
  CalendarAnnouncements1765100000000,
  BenefitPeriod1765300000000,
  PaymentsAndNotifications1765400000000,
  CitizenDrafts1765500000000,
  Transfers1765600000000,
  ReportSummaries1765700000000,
  MonthlyPartitions1765800000000,
  Indicators1766000000000,
  StaffAccountAdministration1766100000000,
  CentersAndSigners1766200000000,
];
