import { DynamicModule, Module } from '@nestjs/common';
import { SANDBOX_TODAY, SandboxToday } from './sandbox-clock';
import { vietnamToday } from './sandbox-dates';
import { SANDBOX_PORTAL_CLIENT } from './clients/sandbox-portal-client';
import { SandboxClientsController } from './clients/sandbox-clients.controller';
import { SANDBOX_SOCIAL_INSURANCE_CLIENT } from './clients/sandbox-social-insurance-client';
import { SANDBOX_EID_CONTROLLERS, SANDBOX_EID_PROVIDERS } from './eid/sandbox-eid.parts';
import { SandboxDirectoryController } from './sandbox-directory.controller';
import { SandboxDirectory } from './sandbox-directory.service';
import { SandboxFaultInjector } from './sandbox-fault-injector.service';
import { SandboxFaultInterceptor } from './sandbox-fault.interceptor';
import { SandboxFaultsController } from './sandbox-faults.controller';
import { SandboxHeaderInterceptor } from './sandbox-header.interceptor';
import { SandboxInsuranceRegistryController } from './sandbox-insurance-registry.controller';
import { SandboxPopulationRegistryController } from './sandbox-population-registry.controller';
import { SandboxTimestampAuthority } from './tsa/sandbox-timestamp-authority';
import { SandboxTsaServer } from './tsa/sandbox-tsa.server';

export interface SandboxModuleOptions {
  /** Pin the date (tests) or pass a clock; default: today in Việt Nam, re-read on every request. */
  readonly today?: string | SandboxToday;
  /** Serve the sandbox e-ID provider under /sandbox/eid (when `EID_ISSUER` is unset). */
  readonly eid?: boolean;
  /** The sandbox portal client, listed by GET /sandbox/clients (when the portal sandbox is in use). */
  readonly portalClient?: { clientId: string; clientSecret: string };
  /** The sandbox social insurance office's client, also listed by GET /sandbox/clients. */
  readonly socialInsuranceClient?: { clientId: string; clientSecret: string };
}

/**
 * Stand-ins for the population and social-insurance registries plus the sandbox directory. Load only in sandbox
 * mode, and point `RegistriesModule.forRoot` at `sandboxRegistryUrls(selfBaseUrl)`.
 */
@Module({})
export class SandboxModule {
  static forRoot(options: SandboxModuleOptions = {}): DynamicModule {
    const pinned = options.today;
    const today: SandboxToday = typeof pinned === 'string' ? () => pinned : (pinned ?? (() => vietnamToday()));
    return {
      module: SandboxModule,
      controllers: [
        SandboxPopulationRegistryController,
        SandboxInsuranceRegistryController,
        SandboxDirectoryController,
        SandboxFaultsController,
        ...(options.eid ? SANDBOX_EID_CONTROLLERS : []),
        ...(options.portalClient ? [SandboxClientsController] : []),
      ],
      providers: [
        { provide: SANDBOX_TODAY, useValue: today },
        SandboxDirectory,
        SandboxFaultInjector,
        SandboxHeaderInterceptor,
        SandboxFaultInterceptor,
        { provide: SandboxTimestampAuthority, useFactory: () => new SandboxTimestampAuthority() },
        SandboxTsaServer,
        ...(options.eid ? SANDBOX_EID_PROVIDERS : []),
        ...(options.portalClient ? [{ provide: SANDBOX_PORTAL_CLIENT, useValue: options.portalClient }] : []),
        ...(options.portalClient && options.socialInsuranceClient
          ? [{ provide: SANDBOX_SOCIAL_INSURANCE_CLIENT, useValue: options.socialInsuranceClient }]
          : []),
      ],
      exports: [SandboxDirectory, SandboxFaultInjector],
    };
  }
}
