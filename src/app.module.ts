import { DynamicModule, Global, Module } from '@nestjs/common';
import { Runtime } from './platform/embedded/runtime';
import { DatabaseModule } from './platform/database/database.module';
import { JobsModule } from './platform/jobs/jobs.module';
import { StorageModule } from './platform/storage/storage.module';
import { HealthModule } from './platform/health/health.module';
import { PlatformModule } from './platform/platform.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { RegistriesModule } from './registries/registries.module';
import { sandboxRegistryUrls } from './sandbox/sandbox-registry-urls';
import { WebModule } from './web/web.module';
import { AuditModule } from './audit/audit.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { DocumentsModule } from './documents/documents.module';
import { DossierDocumentsService } from './documents/services/dossier-documents.service';
import { SEED_CENTERS } from './dossiers/dossiers.module';
import { DOSSIER_DOCUMENTS } from './dossiers/ports/dossier-documents.port';
import { SANDBOX_CENTERS, SANDBOX_STAFF } from './sandbox/sandbox-staff';
import { IdentityModule } from './identity/identity.module';
import { ProfileModule } from './profile/profile.module';
import { sandboxEidClientSettings } from './sandbox/eid/sandbox-eid-settings';
import { sandboxPortalClient } from './sandbox/clients/sandbox-portal-client';
import { PortalModule } from './portal/portal.module';
import { ReportsModule } from './reports/reports.module';

/**
 * Ports that a module owns and another implements, bound here so that modules depend one way: dossiers asks for
 * DOSSIER_DOCUMENTS, documents (which depends on dossiers) implements it.
 */
@Global()
@Module({})
class PortBindingsModule {
  static forRoot(options: { sandboxCenters: boolean }): DynamicModule {
    return {
      module: PortBindingsModule,
      imports: [DocumentsModule],
      providers: [
        { provide: DOSSIER_DOCUMENTS, useExisting: DossierDocumentsService },
        {
          provide: SEED_CENTERS,
          useValue: options.sandboxCenters
            ? SANDBOX_CENTERS.map((c) => ({ code: c.code, name: c.name, provinceName: 'Đồng Nai', address: c.address }))
            : [],
        },
      ],
      exports: [DOSSIER_DOCUMENTS, SEED_CENTERS],
    };
  }
}

/** The whole service: platform first, then one module per step of the procedure. */
@Module({})
export class AppModule {
  static forRoot(runtime: Runtime, extraModules: any[] = []): DynamicModule {
    const { config } = runtime;
    const sandboxUrls = sandboxRegistryUrls(runtime.selfUrl);
    const portalClient = runtime.sandbox.portal ? sandboxPortalClient(config.dataDir) : undefined;
    // Sandboxes are loaded only when used, so a production process never loads their code (oidc-provider among it).
    const sandboxes =
      runtime.sandbox.registries || runtime.sandbox.eid || runtime.sandbox.portal
        ? [
            import('./sandbox/sandbox.module').then(({ SandboxModule }) =>
              SandboxModule.forRoot({ eid: runtime.sandbox.eid, portalClient }),
            ),
          ]
        : [];
    const sandboxPortal = runtime.sandbox.portal
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
      : sandboxEidClientSettings(runtime);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(runtime),
        DatabaseModule.forRoot(runtime.databaseUrl),
        JobsModule,
        StorageModule.forRoot(runtime.objectStore),
        HealthModule.forRoot(runtime.embedded),
        RegistriesModule.forRoot({
          populationUrl: config.populationRegistryUrl ?? sandboxUrls.populationUrl,
          insuranceUrl: config.insuranceRegistryUrl ?? sandboxUrls.insuranceUrl,
          timeoutMs: config.registryTimeoutMs,
        }),
        IdentityModule.forRoot({
          eid,
          sandboxStaff: runtime.sandbox.registries ? SANDBOX_STAFF : [],
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
        PortBindingsModule.forRoot({ sandboxCenters: runtime.sandbox.registries }),
        ReportsModule,
        WebModule.forRoot({ sandbox: runtime.sandbox.eid || runtime.sandbox.registries }),
        ...extraModules,
      ],
    };
  }
}
