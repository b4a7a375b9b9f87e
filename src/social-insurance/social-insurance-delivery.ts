import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DOSSIER_DOCUMENTS, DossierDocuments } from '../dossiers/ports/dossier-documents.port';
import { JobAborted, JobRunner } from '../platform/jobs/job-runner';
import { JobStore } from '../platform/jobs/job.store';
import { dossierOfHold, SOCIAL_INSURANCE_QUEUE, SocialInsuranceEvent } from './social-insurance-event';
import { SOCIAL_INSURANCE_GATEWAY, SocialInsuranceGateway } from './social-insurance-gateway.port';

export interface SocialInsuranceDeliveryTuning {
  enabled: boolean;
  pollIntervalMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** How often held approvals are checked for their issued decision. */
  decisionPollMs: number;
}

export const SOCIAL_INSURANCE_DELIVERY_TUNING = Symbol('SOCIAL_INSURANCE_DELIVERY_TUNING');
/** Optional overrides of the tuning, provided by a global module (tests). */
export const SOCIAL_INSURANCE_TUNING_OVERRIDES = Symbol('SOCIAL_INSURANCE_TUNING_OVERRIDES');

export const DEFAULT_SOCIAL_INSURANCE_DELIVERY_TUNING: Omit<SocialInsuranceDeliveryTuning, 'maxAttempts'> = {
  enabled: true,
  pollIntervalMs: 1000,
  backoffBaseMs: 2000,
  backoffCapMs: 10 * 60_000,
  decisionPollMs: 2000,
};

/**
 * Sends the outbox to the office through the job facility: at least once (the office deduplicates on the
 * `Idempotency-Key`), in order per person, with exponential backoff and full jitter, and a dead letter after the
 * last attempt (listed and replayed by administrators). Also releases held approvals once their decision is issued:
 * a short sweep reads the decision through the dossiers' DOSSIER_DOCUMENTS port and merges its reference into the
 * event (any number of instances may sweep: a release is a conditional update).
 */
@Injectable()
export class SocialInsuranceDelivery implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('social-insurance');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly runner: JobRunner,
    private readonly jobs: JobStore,
    private readonly dataSource: DataSource,
    @Inject(SOCIAL_INSURANCE_GATEWAY) private readonly gateway: SocialInsuranceGateway,
    @Inject(DOSSIER_DOCUMENTS) private readonly documents: DossierDocuments,
    @Inject(SOCIAL_INSURANCE_DELIVERY_TUNING) private readonly tuning: SocialInsuranceDeliveryTuning,
  ) {}

  onModuleInit(): void {
    this.runner.register<SocialInsuranceEvent>(
      SOCIAL_INSURANCE_QUEUE,
      {
        enabled: this.tuning.enabled,
        pollIntervalMs: this.tuning.pollIntervalMs,
        batchSize: 20,
        leaseMs: 60_000,
        maxAttempts: this.tuning.maxAttempts,
        backoff: { baseMs: this.tuning.backoffBaseMs, capMs: this.tuning.backoffCapMs, jitter: true },
        ordered: true,
      },
      async (job, signal) => {
        const result = await this.gateway.send(job.payload, signal);
        if (result.ok) return;
        if (result.aborted) throw new JobAborted();
        throw new Error(result.error);
      },
    );
  }

  onApplicationBootstrap(): void {
    if (!this.tuning.enabled) return;
    const tick = () => {
      this.sweeping = this.releaseIssuedDecisions()
        .catch((e: Error) => this.logger.warn(`decision sweep failed: ${e.message}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.tuning.decisionPollMs).unref();
        });
    };
    this.timer = setTimeout(tick, this.tuning.decisionPollMs).unref();
  }

  /** Before the database closes: no new sweep, and the sweep in hand finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.sweeping;
  }

  /** Releases the approvals whose decision is now issued, with its reference; returns how many. */
  async releaseIssuedDecisions(): Promise<number> {
    let released = 0;
    for (const held of await this.jobs.held(SOCIAL_INSURANCE_QUEUE)) {
      const dossierId = dossierOfHold(held.hold);
      if (!dossierId) continue;
      const { decision } = await this.documents.forDossier(dossierId);
      if (!decision || decision.kind !== 'approval') continue;
      released += await this.dataSource.transaction((em) =>
        this.jobs.release(em, SOCIAL_INSURANCE_QUEUE, held.key, held.hold, {
          decision: {
            number: decision.number,
            issuedAt: decision.issuedAt,
            sha256: decision.sha256,
            url: decision.verifyUrl,
          },
        }),
      );
    }
    if (released) this.runner.wake(SOCIAL_INSURANCE_QUEUE);
    return released;
  }

  /** Runs passes until nothing is due (tests, scripts). */
  deliverDue(): Promise<number> {
    return this.runner.drain(SOCIAL_INSURANCE_QUEUE);
  }

  wake(): void {
    this.runner.wake(SOCIAL_INSURANCE_QUEUE);
  }
}
