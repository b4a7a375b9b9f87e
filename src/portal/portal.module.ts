import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { Runtime } from '../platform/embedded/runtime';
import { HttpPortalGateway } from './http-portal-gateway.adapter';
import { PortalDeliveriesAdminController } from './portal-deliveries-admin.controller';
import { PortalDeliveriesService } from './portal-deliveries.service';
import {
  DEFAULT_PORTAL_DELIVERY_TUNING,
  PORTAL_DELIVERY_TUNING,
  PortalDeliveryTuning,
} from './portal-delivery.options';
import { PortalDeliveryRepository } from './portal-delivery.repository';
import { PortalDeliveryWorker } from './portal-delivery.worker';
import { PORTAL_GATEWAY } from './portal-gateway.port';
import { PortalOutboxRepository } from './portal-outbox.repository';
import { PortalHolds } from './portal-holds.repository';
import { PortalMetrics } from './portal.metrics';

/** Where events go: `PORTAL_SYNC_URL`, else the embedded sandbox receiver served by this process. */
export function portalSyncUrl(runtime: Runtime): string {
  return runtime.config.portalSyncUrl ?? `${runtime.selfUrl.replace(/\/+$/, '')}/sandbox/portal/events`;
}

/**
 * What other modules write to: the outbox (dossier steps enqueue events in their own transaction) and the held
 * events (the documents module releases them with the document they wait for).
 */
@Module({
  providers: [PortalOutboxRepository, PortalHolds],
  exports: [PortalOutboxRepository, PortalHolds],
})
export class PortalEventsModule {}

/**
 * Outbound synchronisation with the national portal (docs/api.md "National portal", outbound): the outbox that
 * dossier transitions write to, the delivery worker, its metrics and the administrators' dead-letter endpoints.
 */
@Module({})
export class PortalModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: PortalModule,
      imports: [AuditModule, PortalEventsModule],
      controllers: [PortalDeliveriesAdminController],
      providers: [
        PortalDeliveryRepository,
        PortalDeliveryWorker,
        PortalDeliveriesService,
        PortalMetrics,
        {
          provide: PORTAL_GATEWAY,
          inject: [{ token: PORTAL_DELIVERY_TUNING, optional: true }],
          useFactory: (tuning?: Partial<PortalDeliveryTuning>) =>
            new HttpPortalGateway(
              portalSyncUrl(runtime),
              { ...DEFAULT_PORTAL_DELIVERY_TUNING, ...tuning }.requestTimeoutMs,
            ),
        },
      ],
      exports: [PortalEventsModule, PortalDeliveryWorker],
    };
  }
}
