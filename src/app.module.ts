import { DynamicModule, Global, Module, ModuleMetadata } from '@nestjs/common';
import { Runtime } from './platform/embedded/runtime';
import { DatabaseModule } from './platform/database/database.module';
import { PartitionsModule } from './platform/database/partition-maintenance';
import { JobsModule } from './platform/jobs/jobs.module';
import { IdempotencyModule } from './platform/idempotency/idempotency.module';
import { StorageModule } from './platform/storage/storage.module';
import { HealthModule } from './platform/health/health.module';
import { OpenApiModule } from './operations/openapi.module';
import { PlatformModule } from './platform/platform.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { RegistriesModule } from './registries/registries.module';
import { WebModule } from './web/web.module';
import { AuditModule } from './audit/audit.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { DocumentsModule } from './documents/documents.module';
import { DossierDocumentsService } from './documents/services/dossier-documents.service';
import { SEED_CENTERS, SeedCenter } from './dossiers/dossiers.module';
import { DOSSIER_DOCUMENTS } from './dossiers/ports/dossier-documents.port';
import { DOSSIER_BENEFITS } from './dossiers/ports/dossier-benefits.port';
import { BenefitsModule } from './benefits/benefits.module';
import { BenefitSteps } from './benefits/benefit-steps';
import { IdentityModule } from './identity/identity.module';
import { ProfileModule } from './profile/profile.module';
import { PortalModule } from './portal/portal.module';
import { ReportsModule } from './reports/reports.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { DOSSIER_STEP_LISTENERS } from './dossiers/ports/dossier-step-listeners.port';
import { NotificationStepListener } from './notifications/notification-step.listener';
import { NotificationsModule } from './notifications/notifications.module';
import { NotificationService } from './notifications/notification.service';
import { BENEFIT_NOTIFIER, BenefitNotifier } from './benefits/ports/benefit-notifier.port';
import { findFreePort } from './platform/embedded/free-port';
import { SocialInsuranceModule } from './social-insurance/social-insurance.module';
import { TransfersModule } from './transfers/transfers.module';
import { CenterDirectory } from './dossiers/center-directory';
import { STAFF_CENTERS, StaffCenters } from './identity/accounts/staff-centers.port';
import { loadTransferSigningKey } from './transfers/transfer-signing-key';
import { SocialInsuranceStepListener } from './social-insurance/social-insurance-step.listener';

/**
 * Ports that a module owns and another implements, bound here so that modules depend one way: dossiers asks for
 * DOSSIER_DOCUMENTS, documents (which depends on dossiers) implements it; likewise DOSSIER_BENEFITS and benefits;
 * dossiers calls DOSSIER_STEP_LISTENERS in each step's transaction, implemented by the social-insurance outbox and
 * the notifications (in that order).
 */
@Global()
@Module({})
class PortBindingsModule {
  static forRoot(options: { seedCenters: readonly SeedCenter[]; afterDecision: DynamicModule[] }): DynamicModule {
    return {
      module: PortBindingsModule,
      imports: [DocumentsModule, BenefitsModule, DossiersModule, ...options.afterDecision],
      providers: [
        { provide: DOSSIER_DOCUMENTS, useExisting: DossierDocumentsService },
        { provide: DOSSIER_BENEFITS, useExisting: BenefitSteps },
        { provide: SEED_CENTERS, useValue: options.seedCenters },
        {
          provide: STAFF_CENTERS,
          inject: [CenterDirectory],
          useFactory: (centers: CenterDirectory): StaffCenters => ({
            exists: async (code, em) => (await centers.find(code, em)) !== undefined,
          }),
        },
        {
          provide: DOSSIER_STEP_LISTENERS,
          inject: [SocialInsuranceStepListener, NotificationStepListener],
          useFactory: (office: SocialInsuranceStepListener, notifications: NotificationStepListener) => [
            office,
            notifications,
          ],
        },
        {
          provide: BENEFIT_NOTIFIER,
          inject: [NotificationService],
          useFactory: (notifications: NotificationService): BenefitNotifier => ({
            remind: async (em, personalId, reminder, data, dedupeKey) => {
              await notifications.notify(em, personalId, reminder, data, { dedupeKey });
            },
          }),
        },
      ],
      exports: [
        DOSSIER_DOCUMENTS,
        DOSSIER_BENEFITS,
        SEED_CENTERS,
        DOSSIER_STEP_LISTENERS,
        BENEFIT_NOTIFIER,
        STAFF_CENTERS,
      ],
    };
  }
}

/**
 * The whole service: platform first, then one module per step of the procedure. Sandbox code (src/sandbox) is
 * reached only through dynamic imports taken in sandbox mode, so with `SANDBOX=off` none of it is ever loaded.
 */
@Module({})
export class AppModule {
  static async forRoot(
    runtime: Runtime,
    extraModules: NonNullable<ModuleMetadata['imports']> = [],
  ): Promise<DynamicModule> {
    const { config } = runtime;
    const { eid: sandboxEid, registries: sandboxRegistries, portal: sandboxPortalOn } = runtime.sandbox;
    const sandboxUrls = sandboxRegistries
      ? (await import('./sandbox/sandbox-registry-urls')).sandboxRegistryUrls(runtime.selfUrl)
      : undefined;
    // The sandbox staff and centers are seeded in sandbox mode only.
    const sandboxPeople = sandboxRegistries ? await import('./sandbox/sandbox-staff') : undefined;
    const portalClient = sandboxPortalOn
      ? (await import('./sandbox/clients/sandbox-portal-client')).sandboxPortalClient(config.dataDir)
      : undefined;
    // Sandboxes are loaded only when used, so a production process never loads their code (oidc-provider among it).
    // After the decision: the social insurance office, the mail relay and the SMS gateway, each its sandbox when unset
    // (only possible in sandbox mode: with SANDBOX=off the configuration requires all three).
    const sandboxOffice = config.sandbox && !config.socialInsuranceSyncUrl;
    const sandboxSmtpPort = config.sandbox && !config.smtpUrl ? await findFreePort() : undefined;
    const sandboxSms = config.sandbox && !config.smsGatewayUrl;
    const officeClient = sandboxOffice
      ? (await import('./sandbox/clients/sandbox-social-insurance-client')).sandboxSocialInsuranceClient(config.dataDir)
      : undefined;
    const self = runtime.selfUrl.replace(/\/+$/, '');
    const notifications = NotificationsModule.forRoot({
      smtpUrl: config.smtpUrl ?? `smtp://127.0.0.1:${sandboxSmtpPort}`,
      mailFrom: config.mailFrom,
      smsGatewayUrl: config.smsGatewayUrl ?? `${self}/sandbox/sms/messages`,
    });
    const socialInsurance = SocialInsuranceModule.forRoot(
      {
        syncUrl: config.socialInsuranceSyncUrl ?? `${self}/sandbox/social-insurance/events`,
        maxAttempts: config.socialInsuranceMaxAttempts,
      },
      [notifications],
    );
    const afterDecisionSandboxes = [
      ...(sandboxSmtpPort !== undefined || sandboxSms
        ? [
            import('./sandbox/notifications/sandbox-notifications.module').then(({ SandboxNotificationsModule }) =>
              SandboxNotificationsModule.forRoot({ smtpPort: sandboxSmtpPort }),
            ),
          ]
        : []),
      ...(officeClient
        ? [
            import('./sandbox/social-insurance/sandbox-social-insurance.module').then(
              ({ SandboxSocialInsuranceModule }) => SandboxSocialInsuranceModule.forRoot({ client: officeClient }),
            ),
          ]
        : []),
    ];
    const sandboxes =
      sandboxRegistries || sandboxEid || sandboxPortalOn
        ? [
            import('./sandbox/sandbox.module').then(({ SandboxModule }) =>
              SandboxModule.forRoot({ eid: sandboxEid, portalClient, socialInsuranceClient: officeClient }),
            ),
            import('./sandbox/sandbox-clock.module').then(({ SandboxClockModule }) => ({ module: SandboxClockModule })),
          ]
        : [];
    const sandboxPortal = sandboxPortalOn
      ? [
          import('./sandbox/portal/sandbox-portal.module').then(({ SandboxPortalModule }) => ({
            module: SandboxPortalModule,
          })),
        ]
      : [];
    const eid = config.eid
      ? {
          ...config.eid,
          redirectUri: `${config.publicBaseUrl}/auth/eid/callback`,
          scope: config.eidScope,
          subjectClaim: config.eidSubjectClaim,
          label: 'VNeID',
        }
      : (await import('./sandbox/eid/sandbox-eid-settings')).sandboxEidClientSettings(runtime);
    // In sandbox mode the calendar day can be moved (PUT /sandbox/clock) to walk through a benefit period.
    const clock = config.sandbox ? new (await import('./sandbox/sandbox-shifted-clock')).ShiftedClock() : undefined;
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(runtime, clock),
        DatabaseModule.forRoot(runtime.databaseUrl, runtime.config.databaseReplicaUrls),
        JobsModule,
        IdempotencyModule,
        PartitionsModule,
        StorageModule.forRoot(runtime.objectStore),
        HealthModule.forRoot(runtime.embedded),
        OpenApiModule,
        RegistriesModule.forRoot({
          populationUrl: config.populationRegistryUrl ?? sandboxUrls!.populationUrl,
          insuranceUrl: config.insuranceRegistryUrl ?? sandboxUrls!.insuranceUrl,
          timeoutMs: config.registryTimeoutMs,
        }),
        IdentityModule.forRoot({
          eid,
          sandboxStaff: sandboxPeople?.SANDBOX_STAFF ?? [],
          portalClients: config.portalClients ?? [],
          sandboxPortalClient: portalClient,
          socialInsuranceClients: config.socialInsuranceClients ?? [],
          sandboxSocialInsuranceClient: officeClient,
          peerClients: config.transfers.incomingClients,
          twoFactorRoles: config.staffTwoFactorRoles,
          staffOidc: config.staffOidc,
          publicBaseUrl: config.publicBaseUrl,
        }),
        ProfileModule,
        ...sandboxes,
        ...sandboxPortal,
        ...afterDecisionSandboxes,
        EligibilityModule,
        AuditModule,
        DossiersModule,
        PortalModule.forRoot(runtime),
        DocumentsModule,
        notifications,
        socialInsurance,
        PortBindingsModule.forRoot({
          afterDecision: [notifications, socialInsurance],
          seedCenters: (sandboxPeople?.SANDBOX_CENTERS ?? []).map((c) => ({
            code: c.code,
            name: c.name,
            provinceName: 'Đồng Nai',
            address: c.address,
            phone: c.phone,
            hours: c.hours,
            communes: c.communes,
          })),
        }),
        BenefitsModule,
        TransfersModule.forRoot({
          peers: {
            ownProvince: config.transfers.provinceCode,
            peers: config.transfers.peers,
            client: config.transfers.client,
          },
          settings: { ownProvince: config.transfers.provinceCode, authority: config.issuer.authorityFullName },
          signingKey: loadTransferSigningKey(config.transfers.signingKeyPath, config.dataDir),
          imports: [socialInsurance],
        }),
        ReportsModule,
        IndicatorsModule.forRoot(notifications),
        WebModule.forRoot({
          sandbox: sandboxEid || sandboxRegistries || sandboxPortalOn || sandboxOffice,
          helpLine: config.helpLine,
          staffOidc: !!config.staffOidc,
          compression: config.httpCompression,
        }),
        ...extraModules,
      ],
    };
  }
}
