import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { JobAborted, JobRunner } from '../platform/jobs/job-runner';
import { Runtime } from '../platform/embedded/runtime';
import { RUNTIME } from '../platform/platform.module';
import {
  claimLeaseMs,
  DEFAULT_PORTAL_DELIVERY_TUNING,
  PORTAL_DELIVERY_TUNING,
  PortalDeliveryTuning,
} from './portal-delivery.options';
import { PORTAL_GATEWAY, PortalGateway } from './portal-gateway.port';
import { PORTAL_QUEUE, PortalEvent } from './portal-outbox.repository';
import { portalEventsDelivered } from './portal.metrics';

/**
 * Sends the outbox to the national portal through the job facility: at least once, in order per dossier (the
 * queue is ordered by dossier), with exponential backoff and full jitter, and a dead letter after
 * `portalMaxAttempts`. Any number of instances may share the database.
 */
@Injectable()
export class PortalDeliveryWorker implements OnModuleInit {
  private readonly logger = new Logger('portal-delivery');
  private readonly tuning: PortalDeliveryTuning;

  constructor(
    private readonly runner: JobRunner,
    @Inject(PORTAL_GATEWAY) private readonly gateway: PortalGateway,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Optional() @Inject(PORTAL_DELIVERY_TUNING) tuning?: Partial<PortalDeliveryTuning>,
  ) {
    this.tuning = { ...DEFAULT_PORTAL_DELIVERY_TUNING, ...tuning };
  }

  onModuleInit(): void {
    if (!this.tuning.enabled) this.logger.log('portal delivery worker disabled in this process');
    this.runner.register<PortalEvent>(
      PORTAL_QUEUE,
      {
        enabled: this.tuning.enabled,
        pollIntervalMs: this.tuning.pollIntervalMs,
        batchSize: this.tuning.batchSize,
        leaseMs: claimLeaseMs(this.tuning),
        maxAttempts: this.runtime.config.portalMaxAttempts,
        backoff: { baseMs: this.tuning.backoffBaseMs, capMs: this.tuning.backoffCapMs, jitter: true },
        ordered: true,
      },
      async (job, signal) => {
        const result = await this.gateway.send(job.payload, signal);
        if (result.ok) {
          portalEventsDelivered.inc();
          return;
        }
        if (result.aborted) throw new JobAborted();
        throw new Error(result.error);
      },
    );
  }

  /** Polls again at once (e.g. after a replay) instead of waiting for the next interval. */
  wake(): void {
    this.runner.wake(PORTAL_QUEUE);
  }

  /** One pass: claims what is deliverable now, POSTs it, records the outcomes; returns the number claimed. */
  deliverDue(): Promise<number> {
    return this.runner.runOnce(PORTAL_QUEUE);
  }
}
