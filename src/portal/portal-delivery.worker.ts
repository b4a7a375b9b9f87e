import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { RUNTIME } from '../platform/platform.module';
import { Runtime } from '../platform/embedded/runtime';
import { portalRetryDelayMs } from './portal-backoff';
import { ClaimedPortalEvent, PortalDeliveryRepository } from './portal-delivery.repository';
import {
  claimLeaseMs,
  DEFAULT_PORTAL_DELIVERY_TUNING,
  PORTAL_DELIVERY_TUNING,
  PortalDeliveryTuning,
} from './portal-delivery.options';
import { PORTAL_GATEWAY, PortalGateway } from './portal-gateway.port';
import { portalEventsDelivered } from './portal.metrics';

/**
 * Sends the outbox to the national portal: at least once, in order per dossier, with exponential backoff and
 * a dead letter after `portalMaxAttempts`. Any number of instances may share the database: an event is claimed
 * under a row lock with a lease, so it is never in flight twice at once and a dossier's next event waits until
 * the previous one is delivered.
 */
@Injectable()
export class PortalDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('portal-delivery');
  private readonly tuning: PortalDeliveryTuning;
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  private wakeRequested = false;

  constructor(
    private readonly deliveries: PortalDeliveryRepository,
    @Inject(PORTAL_GATEWAY) private readonly gateway: PortalGateway,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Optional() @Inject(PORTAL_DELIVERY_TUNING) tuning?: Partial<PortalDeliveryTuning>,
  ) {
    this.tuning = { ...DEFAULT_PORTAL_DELIVERY_TUNING, ...tuning };
  }

  onApplicationBootstrap(): void {
    if (!this.tuning.enabled) {
      this.logger.log('portal delivery worker disabled in this process');
      return;
    }
    this.started = true;
    this.schedule(0);
  }

  /** Stops polling and interrupts POSTs in flight (their attempt is given back), while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Polls again at once (e.g. after a replay) instead of waiting for the next interval. */
  wake(): void {
    if (!this.started || this.stopping.signal.aborted) return;
    if (this.running) this.wakeRequested = true;
    else this.schedule(0);
  }

  /**
   * One pass: claims what is deliverable now, POSTs it, records the outcomes. Returns the number of events
   * claimed. The worker loop calls it; tests with the worker disabled may call it directly.
   */
  async deliverDue(): Promise<number> {
    const claimed = await this.deliveries.claim(this.tuning.batchSize, claimLeaseMs(this.tuning));
    await Promise.all(claimed.map((event) => this.deliver(event)));
    return claimed.length;
  }

  private async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stopping.abort();
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    this.wakeRequested = false;
    let claimed = 0;
    try {
      claimed = await this.deliverDue();
    } catch (error) {
      if (!this.stopping.signal.aborted) this.logger.warn(`portal delivery pass failed: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
    if (!this.started || this.stopping.signal.aborted) return;
    // Something was sent: the dossiers' next events may be due now, so look again at once.
    this.schedule(claimed > 0 || this.wakeRequested ? 0 : this.tuning.pollIntervalMs);
  }

  private async deliver(event: ClaimedPortalEvent): Promise<void> {
    const result = await this.gateway.send(event.payload, this.stopping.signal);
    if (result.ok) {
      if (await this.deliveries.markDelivered(event.id)) portalEventsDelivered.inc();
      return;
    }
    if (result.aborted) {
      await this.deliveries.release(event).catch(() => undefined);
      return;
    }
    const delay = portalRetryDelayMs(event.attempts, {
      baseMs: this.tuning.backoffBaseMs,
      capMs: this.tuning.backoffCapMs,
    });
    const status = await this.deliveries.markFailed(event, result.error, delay, this.runtime.config.portalMaxAttempts);
    if (status === 'dead') {
      this.logger.error(
        `portal event ${event.eventId} (dossier ${event.payload.dossierCode}) is dead after ${event.attempts} attempts: ${result.error}`,
      );
    } else {
      this.logger.warn(
        `portal event ${event.eventId} attempt ${event.attempts} failed (${result.error}); retry in ${delay} ms`,
      );
    }
  }
}
