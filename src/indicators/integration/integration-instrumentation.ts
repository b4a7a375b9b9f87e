import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EidOidcClient } from '../../identity/eid/eid-oidc-client';
import { PORTAL_GATEWAY } from '../../portal/portal-gateway.port';
import { POPULATION_REGISTRY } from '../../registries/population/population-registry.port';
import { SOCIAL_INSURANCE_REGISTRY } from '../../registries/social-insurance/social-insurance-registry.port';
import { SOCIAL_INSURANCE_GATEWAY } from '../../social-insurance/social-insurance-gateway.port';
import { IntegrationCallRecorder } from './integration-calls.recorder';
import type { IntegrationSystem } from './integration-systems';
import { instrumentPort } from './port-instrumentation';

/** The port of each national system and the methods that call it. */
const PORTS: readonly { system: IntegrationSystem; token: unknown; methods: readonly string[] }[] = [
  { system: 'population_registry', token: POPULATION_REGISTRY, methods: ['findByPersonalId'] },
  { system: 'insurance_registry', token: SOCIAL_INSURANCE_REGISTRY, methods: ['findByPersonalId'] },
  { system: 'eid', token: EidOidcClient, methods: ['authorizationUrl', 'redeem'] },
  { system: 'portal', token: PORTAL_GATEWAY, methods: ['send'] },
  { system: 'social_insurance', token: SOCIAL_INSURANCE_GATEWAY, methods: ['send'] },
];

/** At start-up, wraps each national system's port (whatever adapter is bound) so its calls are recorded. */
@Injectable()
export class IntegrationInstrumentation implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly recorder: IntegrationCallRecorder,
  ) {}

  onModuleInit(): void {
    for (const { system, token, methods } of PORTS) {
      const port = this.moduleRef.get(token as string, { strict: false }) as object;
      instrumentPort(port, system, methods, (call) => this.recorder.record(call));
    }
  }
}
