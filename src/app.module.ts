import { DynamicModule, Module } from '@nestjs/common';
import { Runtime } from './platform/embedded/runtime';
import { DatabaseModule } from './platform/database/database.module';
import { StorageModule } from './platform/storage/storage.module';
import { HealthModule } from './platform/health/health.module';
import { OpenApiModule } from './platform/openapi/openapi.module';
import { PlatformModule } from './platform/platform.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { RegistriesModule } from './registries/registries.module';
import { WebModule } from './web/web.module';
import { AuditModule } from './audit/audit.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { DocumentsModule } from './documents/documents.module';
import { IdentityModule } from './identity/identity.module';
import { ProfileModule } from './profile/profile.module';
import { PortalModule } from './portal/portal.module';
import { ReportsModule } from './reports/reports.module';

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
          seedSandboxStaff: sandboxRegistries,
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
        ReportsModule,
        WebModule.forRoot({ sandbox: sandboxEid || sandboxRegistries || sandboxPortalOn }),
        ...extraModules,
      ],
    };
  }
}
