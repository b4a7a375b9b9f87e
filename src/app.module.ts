import { DynamicModule, Global, Module } from '@nestjs/common';
import { Runtime } from './platform/embedded/runtime';
import { DatabaseModule } from './platform/database/database.module';
import { JobsModule } from './platform/jobs/jobs.module';
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
import { IdentityModule } from './identity/identity.module';
import { ProfileModule } from './profile/profile.module';
import { PortalModule } from './portal/portal.module';
import { ReportsModule } from './reports/reports.module';

/**
 * Ports that a module owns and another implements, bound here so that modules depend one way: dossiers asks for
 * DOSSIER_DOCUMENTS, documents (which depends on dossiers) implements it.
 */
@Global()
@Module({})
class PortBindingsModule {
  static forRoot(options: { seedCenters: readonly SeedCenter[] }): DynamicModule {
    return {
      module: PortBindingsModule,
      imports: [DocumentsModule],
      providers: [
        { provide: DOSSIER_DOCUMENTS, useExisting: DossierDocumentsService },
        { provide: SEED_CENTERS, useValue: options.seedCenters },
      ],
      exports: [DOSSIER_DOCUMENTS, SEED_CENTERS],
    };
  }
}

/**
 * The whole service: platform first, then one module per step of the procedure. Sandbox code (src/sandbox) is
 * reached only through dynamic imports taken in sandbox mode, so with `SANDBOX=off` none of it is ever loaded.
 */
@Module({})
export class AppModule {
  static async forRoot(runtime: Runtime, extraModules: any[] = []): Promise<DynamicModule> {
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
    const sandboxes =
      sandboxRegistries || sandboxEid || sandboxPortalOn
        ? [
            import('./sandbox/sandbox.module').then(({ SandboxModule }) =>
              SandboxModule.forRoot({ eid: sandboxEid, portalClient }),
            ),
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
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(runtime),
        DatabaseModule.forRoot(runtime.databaseUrl),
        JobsModule,
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
        }),
        ProfileModule,
        ...sandboxes,
        ...sandboxPortal,
        EligibilityModule,
        AuditModule,
        DossiersModule,
        PortalModule.forRoot(runtime),
        DocumentsModule,
        PortBindingsModule.forRoot({
          seedCenters: (sandboxPeople?.SANDBOX_CENTERS ?? []).map((c) => ({
            code: c.code,
            name: c.name,
            provinceName: 'Đồng Nai',
            address: c.address,
            phone: c.phone,
            hours: c.hours,
          })),
        }),
        ReportsModule,
        WebModule.forRoot({ sandbox: sandboxEid || sandboxRegistries || sandboxPortalOn }),
        ...extraModules,
      ],
    };
  }
}
