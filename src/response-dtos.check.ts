import type { StaffAccountsController } from './identity/accounts/staff-accounts.controller';
import type {
  StaffAccountDto,
  StaffAccountListDto,
  StaffAccountWithPasswordDto,
  StaffUnlockDto,
} from './identity/dto/identity-responses.dto';
import type { TransfersController } from './transfers/transfers.controller';
import type {
  TransferJwkSetDto,
  TransferPackageReceiptDto,
  TransferPendingDto,
  TransferProvinceDto,
  TransferRequestViewDto,
} from './transfers/dto/transfer-responses.dto';
import type { CentersAdminController, SignersAdminController } from './organisation/organisation.controller';
import type {
  AdministeredCenterDto,
  AdministeredCenterListDto,
  CenterClosedDto,
  SignerPeriodDto,
  SignerPeriodListDto,
} from './organisation/dto/organisation-responses.dto';
import type { SocialInsuranceAdminController } from './social-insurance/social-insurance-admin.controller';
import type {
  DossierPaymentsController,
  SocialInsurancePaymentsController,
} from './social-insurance/payments.controller';
import type {
  PaymentAccountCorrectionDto,
  PaymentViewDto,
  SocialInsuranceEventPageDto,
  SocialInsuranceEventViewDto,
} from './social-insurance/dto/social-insurance-responses.dto';
import type { ReportsController } from './reports/reports.controller';
import type { ReportSummaryDto } from './reports/dto/report-responses.dto';
import type { ProfileController } from './profile/profile.controller';
import type { CitizenProfileDto, DataAccessListDto, EligibilityEstimateDto } from './profile/profile-responses.dto';
import type { PortalDeliveriesAdminController } from './portal/portal-deliveries-admin.controller';
import type { PortalDeliveryPageDto, PortalDeliveryViewDto } from './portal/dto/portal-responses.dto';
import type { HealthController } from './platform/health/health.controller';
import type { LivenessDto, ReadinessDto } from './platform/health/health-responses.dto';
import type { NotificationsController } from './notifications/notifications.controller';
import type {
  NotificationPreferencesSavedDto,
  NotificationPreferencesViewDto,
  NotificationViewDto,
} from './notifications/notification-responses.dto';
import type { LegalAdminController } from './eligibility/legal-admin.controller';
import type { EligibilityController } from './eligibility/eligibility.controller';
import type {
  AssessmentDto,
  CalendarDayListDto,
  CalendarYearImportedDto,
  CalendarYearListDto,
  LegalParameterListDto,
  StoredCalendarDayDto,
  StoredLegalParameterDto,
} from './eligibility/dto/eligibility-responses.dto';
import type {
  AttachmentViewDto,
  CenterDto,
  CitizenDossierListDto,
  CitizenDossierViewDto,
  DecisionSummaryDto,
  DraftAttachmentDto,
  DraftViewDto,
  PaymentAccountDto,
  QueueCountsDto,
  QueuePageDto,
  StaffDossierViewDto,
} from './dossiers/dto/dossier-responses.dto';
import type { DraftController } from './dossiers/drafts/draft.controller';
import type {
  CentersController,
  CitizenDossiersController,
  StaffDossiersController,
} from './dossiers/dossiers.controller';
import type { StaffDocumentsController } from './documents/http/staff-documents.controller';
import type { PublicDecisionsController } from './documents/http/public-decisions.controller';
import type { DecisionVerificationDto, VerificationKeyDto } from './documents/http/document-responses.dto';
import type { CitizenDocumentsController } from './documents/http/citizen-documents.controller';
import type {
  BenefitReportRowDto,
  BenefitViewDto,
  JobSearchNoticeReceiptDto,
  MissedMonthDto,
  NoticeRowDto,
  ProposalDecisionsDto,
  ProposalRowDto,
} from './benefits/dto/benefit-responses.dto';
import type {
  BenefitController,
  PortalBenefitController,
  StaffBenefitController,
} from './benefits/benefits.controller';
import type { AuditController } from './audit/audit.controller';
import type { ChainVerdictDto } from './audit/audit-responses.dto';
import type { SatisfactionController, IndicatorsController } from './indicators/indicators.controller';
import type { OpenDataService } from './indicators/open-data.service';
import type { IntegrationHealthController } from './indicators/integration/integration-health.controller';
import type { MonthlyReportController } from './indicators/report/monthly-report.controller';
import type {
  IntegrationHealthDto,
  KpiDocumentDto,
  MonthIndicatorsDto,
  MonthlyReportEntryDto,
  SatisfactionViewDto,
} from './indicators/dto/indicators-responses.dto';
/**
 * Compile-time check that each route's response DTO (its OpenAPI schema) describes what the handler returns:
 * `tsc` fails when a handler's answer is not assignable to its DTO, or when the two do not have the same fields.
 * Keep a line per route that declares `@ApiOkResponse({ type })` or `@ApiCreatedResponse({ type })`.
 */

/** What a handler answers, with `readonly` removed (DTO classes use plain arrays). */
type Answer<C, M extends keyof C> = C[M] extends (...args: never[]) => infer R ? Mutable<Awaited<R>> : never;
type Mutable<T> = T extends readonly (infer E)[]
  ? Mutable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;
/** The fields of every member of a union. */
type KeysOf<T> = T extends unknown ? keyof T : never;
/**
 * The answer and the DTO have the same fields at every depth (a DTO field typed as a free-form object, with a
 * string index, accepts any object; `null` and `undefined` are left to the assignability check).
 */
export type Deep<A, B> = Same<NonNullable<A>, NonNullable<B>>;
type Same<A, B> = [A] extends [readonly (infer E)[]]
  ? [B] extends [readonly (infer F)[]]
    ? Deep<E, F>
    : false
  : [A] extends [object]
    ? [B] extends [object]
      ? string extends keyof B
        ? true
        : [Exclude<keyof B, KeysOf<A>>] extends [never]
          ? false extends Members<A, B>
            ? false
            : true
          : false
      : false
    : true;
/** Each member of the answer's union: no field the DTO lacks, and each field the same at depth. */
type Members<A, B> = A extends unknown
  ? [Exclude<keyof A, keyof B>] extends [never]
    ? false extends { [K in keyof A]-?: Deep<A[K], B[K & keyof B]> }[keyof A]
      ? false
      : true
    : false
  : never;
type Documents<C, M extends keyof C, Dto> =
  Answer<C, M> extends Dto ? (Deep<Answer<C, M>, Dto> extends true ? true : 'fields differ') : 'not assignable';

/** `true` for a route whose DTO matches its answer, else why not. */
interface ResponseDtoChecks {
  HealthController_live: Documents<HealthController, 'live', LivenessDto>;
  HealthController_ready: Documents<HealthController, 'ready', ReadinessDto>;
  EligibilityController_assess: Documents<EligibilityController, 'assess', AssessmentDto>;
  LegalAdminController_parameters: Documents<LegalAdminController, 'parameters', LegalParameterListDto>;
  LegalAdminController_addParameter: Documents<LegalAdminController, 'addParameter', StoredLegalParameterDto>;
  LegalAdminController_days: Documents<LegalAdminController, 'days', CalendarDayListDto>;
  LegalAdminController_years: Documents<LegalAdminController, 'years', CalendarYearListDto>;
  LegalAdminController_importYear: Documents<LegalAdminController, 'importYear', CalendarYearImportedDto>;
  LegalAdminController_setDay: Documents<LegalAdminController, 'setDay', StoredCalendarDayDto>;
  PortalDeliveriesAdminController_list: Documents<PortalDeliveriesAdminController, 'list', PortalDeliveryPageDto>;
  PortalDeliveriesAdminController_replay: Documents<PortalDeliveriesAdminController, 'replay', PortalDeliveryViewDto>;
  CitizenDossiersController_list: Documents<CitizenDossiersController, 'list', CitizenDossierListDto>;
  CitizenDossiersController_get: Documents<CitizenDossiersController, 'get', CitizenDossierViewDto>;
  CitizenDossiersController_upload: Documents<CitizenDossiersController, 'upload', AttachmentViewDto>;
  CitizenDossiersController_supplement: Documents<CitizenDossiersController, 'supplement', CitizenDossierViewDto>;
  CitizenDossiersController_withdraw: Documents<CitizenDossiersController, 'withdraw', CitizenDossierViewDto>;
  StaffDossiersController_queue: Documents<StaffDossiersController, 'queue', QueuePageDto>;
  StaffDossiersController_counts: Documents<StaffDossiersController, 'counts', QueueCountsDto>;
  StaffDossiersController_search: Documents<StaffDossiersController, 'search', QueuePageDto>;
  StaffDossiersController_get: Documents<StaffDossiersController, 'get', StaffDossierViewDto>;
  StaffDossiersController_act: Documents<StaffDossiersController, 'act', StaffDossierViewDto>;
  StaffDossiersController_upload: Documents<StaffDossiersController, 'upload', AttachmentViewDto>;
  CentersController_list: Documents<CentersController, 'list', CenterDto[]>;
  DraftController_get: Documents<DraftController, 'get', DraftViewDto>;
  DraftController_save: Documents<DraftController, 'save', DraftViewDto>;
  DraftController_attach: Documents<DraftController, 'attach', DraftAttachmentDto>;
  CitizenDocumentsController_decision: Documents<CitizenDocumentsController, 'decision', DecisionSummaryDto>;
  PublicDecisionsController_verificationKey: Documents<
    PublicDecisionsController,
    'verificationKey',
    VerificationKeyDto
  >;
  PublicDecisionsController_verify: Documents<PublicDecisionsController, 'verify', DecisionVerificationDto>;
  StaffDocumentsController_revokeDecision: Documents<StaffDocumentsController, 'revokeDecision', DecisionSummaryDto>;
  BenefitController_get: Documents<BenefitController, 'get', BenefitViewDto>;
  BenefitController_file: Documents<BenefitController, 'file', JobSearchNoticeReceiptDto>;
  StaffBenefitController_file: Documents<StaffBenefitController, 'file', JobSearchNoticeReceiptDto>;
  StaffBenefitController_notices: Documents<StaffBenefitController, 'notices', NoticeRowDto[]>;
  StaffBenefitController_proposals: Documents<StaffBenefitController, 'proposals', ProposalRowDto[]>;
  StaffBenefitController_decide: Documents<StaffBenefitController, 'decide', ProposalDecisionsDto>;
  PortalBenefitController_file: Documents<PortalBenefitController, 'file', JobSearchNoticeReceiptDto>;
  ProfileController_profile: Documents<ProfileController, 'profile', CitizenProfileDto>;
  ProfileController_eligibility: Documents<ProfileController, 'eligibility', EligibilityEstimateDto>;
  ProfileController_dataAccess: Documents<ProfileController, 'dataAccess', DataAccessListDto>;
  ReportsController_summary: Documents<ReportsController, 'summary', ReportSummaryDto>;
  NotificationsController_list: Documents<NotificationsController, 'list', NotificationViewDto[]>;
  NotificationsController_preferences: Documents<
    NotificationsController,
    'preferences',
    NotificationPreferencesViewDto
  >;
  NotificationsController_save: Documents<NotificationsController, 'save', NotificationPreferencesSavedDto>;
  DossierPaymentsController_list: Documents<DossierPaymentsController, 'list', PaymentViewDto[]>;
  DossierPaymentsController_account: Documents<DossierPaymentsController, 'account', PaymentAccountDto>;
  DossierPaymentsController_correct: Documents<DossierPaymentsController, 'correct', PaymentAccountCorrectionDto>;
  SocialInsurancePaymentsController_report: Documents<SocialInsurancePaymentsController, 'report', PaymentViewDto>;
  SocialInsuranceAdminController_list: Documents<SocialInsuranceAdminController, 'list', SocialInsuranceEventPageDto>;
  SocialInsuranceAdminController_replay: Documents<
    SocialInsuranceAdminController,
    'replay',
    SocialInsuranceEventViewDto
  >;
  StaffBenefitController_missed: Documents<StaffBenefitController, 'missed', MissedMonthDto[]>;
  StaffBenefitController_report: Documents<StaffBenefitController, 'report', BenefitReportRowDto[]>;
  AuditController_verify: Documents<AuditController, 'verify', ChainVerdictDto>;
  StaffAccountsController_list: Documents<StaffAccountsController, 'list', StaffAccountListDto>;
  StaffAccountsController_create: Documents<StaffAccountsController, 'create', StaffAccountWithPasswordDto>;
  StaffAccountsController_get: Documents<StaffAccountsController, 'get', StaffAccountDto>;
  StaffAccountsController_update: Documents<StaffAccountsController, 'update', StaffAccountDto>;
  StaffAccountsController_deactivate: Documents<StaffAccountsController, 'deactivate', StaffAccountDto>;
  StaffAccountsController_reactivate: Documents<StaffAccountsController, 'reactivate', StaffAccountDto>;
  StaffAccountsController_resetPassword: Documents<
    StaffAccountsController,
    'resetPassword',
    StaffAccountWithPasswordDto
  >;
  StaffAccountsController_resetTwoFactor: Documents<StaffAccountsController, 'resetTwoFactor', StaffAccountDto>;
  StaffAccountsController_unlock: Documents<StaffAccountsController, 'unlock', StaffUnlockDto>;
  TransfersController_provinces: Documents<TransfersController, 'provinces', TransferProvinceDto[]>;
  TransfersController_request: Documents<TransfersController, 'request', TransferRequestViewDto>;
  TransfersController_current: Documents<TransfersController, 'current', TransferRequestViewDto>;
  TransfersController_pending: Documents<TransfersController, 'pending', TransferPendingDto[]>;
  TransfersController_approve: Documents<TransfersController, 'approve', TransferRequestViewDto>;
  TransfersController_refuse: Documents<TransfersController, 'refuse', TransferRequestViewDto>;
  TransfersController_keys: Documents<TransfersController, 'keys', TransferJwkSetDto>;
  TransfersController_receive: Documents<TransfersController, 'receive', TransferPackageReceiptDto>;
  CentersAdminController_list: Documents<CentersAdminController, 'list', AdministeredCenterListDto>;
  CentersAdminController_create: Documents<CentersAdminController, 'create', AdministeredCenterDto>;
  CentersAdminController_update: Documents<CentersAdminController, 'update', AdministeredCenterDto>;
  CentersAdminController_close: Documents<CentersAdminController, 'close', CenterClosedDto>;
  SignersAdminController_list: Documents<SignersAdminController, 'list', SignerPeriodListDto>;
  SignersAdminController_create: Documents<SignersAdminController, 'create', SignerPeriodDto>;
  SignersAdminController_update: Documents<SignersAdminController, 'update', SignerPeriodDto>;
  SignersAdminController_signatureImage: Documents<SignersAdminController, 'signatureImage', SignerPeriodDto>;
  IndicatorsController_month: Documents<IndicatorsController, 'month', MonthIndicatorsDto>;
  SatisfactionController_rate: Documents<SatisfactionController, 'rate', SatisfactionViewDto>;
  SatisfactionController_get: Documents<SatisfactionController, 'get', SatisfactionViewDto>;
  /** GET /api/v1/public/kpi answers this document as JSON (or its CSV rendering, a string). */
  PublicKpiController_kpi: Documents<OpenDataService, 'document', KpiDocumentDto>;
  IntegrationHealthController_get: Documents<IntegrationHealthController, 'get', IntegrationHealthDto>;
  MonthlyReportController_list: Documents<MonthlyReportController, 'list', MonthlyReportEntryDto[]>;
  MonthlyReportController_prepare: Documents<MonthlyReportController, 'prepare', MonthlyReportEntryDto>;
}

/** Every route's check; tsc points at the line of a route whose DTO does not match its answer. */
export const RESPONSE_DTO_CHECKS: ResponseDtoChecks = {
  HealthController_live: true,
  HealthController_ready: true,
  EligibilityController_assess: true,
  LegalAdminController_parameters: true,
  LegalAdminController_addParameter: true,
  LegalAdminController_days: true,
  LegalAdminController_years: true,
  LegalAdminController_importYear: true,
  LegalAdminController_setDay: true,
  PortalDeliveriesAdminController_list: true,
  PortalDeliveriesAdminController_replay: true,
  CitizenDossiersController_list: true,
  CitizenDossiersController_get: true,
  CitizenDossiersController_upload: true,
  CitizenDossiersController_supplement: true,
  CitizenDossiersController_withdraw: true,
  StaffDossiersController_queue: true,
  StaffDossiersController_counts: true,
  StaffDossiersController_search: true,
  StaffDossiersController_get: true,
  StaffDossiersController_act: true,
  StaffDossiersController_upload: true,
  CentersController_list: true,
  DraftController_get: true,
  DraftController_save: true,
  DraftController_attach: true,
  CitizenDocumentsController_decision: true,
  PublicDecisionsController_verificationKey: true,
  PublicDecisionsController_verify: true,
  StaffDocumentsController_revokeDecision: true,
  BenefitController_get: true,
  BenefitController_file: true,
  StaffBenefitController_file: true,
  StaffBenefitController_notices: true,
  StaffBenefitController_proposals: true,
  StaffBenefitController_decide: true,
  PortalBenefitController_file: true,
  ProfileController_profile: true,
  ProfileController_eligibility: true,
  ProfileController_dataAccess: true,
  ReportsController_summary: true,
  NotificationsController_list: true,
  NotificationsController_preferences: true,
  NotificationsController_save: true,
  DossierPaymentsController_list: true,
  DossierPaymentsController_account: true,
  DossierPaymentsController_correct: true,
  SocialInsurancePaymentsController_report: true,
  SocialInsuranceAdminController_list: true,
  SocialInsuranceAdminController_replay: true,
  StaffBenefitController_missed: true,
  StaffBenefitController_report: true,
  AuditController_verify: true,
  StaffAccountsController_list: true,
  StaffAccountsController_create: true,
  StaffAccountsController_get: true,
  StaffAccountsController_update: true,
  StaffAccountsController_deactivate: true,
  StaffAccountsController_reactivate: true,
  StaffAccountsController_resetPassword: true,
  StaffAccountsController_resetTwoFactor: true,
  StaffAccountsController_unlock: true,
  TransfersController_provinces: true,
  TransfersController_request: true,
  TransfersController_current: true,
  TransfersController_pending: true,
  TransfersController_approve: true,
  TransfersController_refuse: true,
  TransfersController_keys: true,
  TransfersController_receive: true,
  CentersAdminController_list: true,
  CentersAdminController_create: true,
  CentersAdminController_update: true,
  CentersAdminController_close: true,
  SignersAdminController_list: true,
  SignersAdminController_create: true,
  SignersAdminController_update: true,
  SignersAdminController_signatureImage: true,
  IndicatorsController_month: true,
  SatisfactionController_rate: true,
  SatisfactionController_get: true,
  PublicKpiController_kpi: true,
  IntegrationHealthController_get: true,
  MonthlyReportController_list: true,
  MonthlyReportController_prepare: true,
};
