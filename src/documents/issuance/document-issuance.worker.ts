import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { IssuanceDataError } from '../domain/document-data.builder';
import { ClaimedJob, DocumentJobRepository } from '../persistence/document-job.repository';
import { DocumentIssuanceService } from './document-issuance.service';
import { backoffSeconds, DEFAULT_ISSUANCE_SETTINGS, IssuanceSettings } from './issuance-settings';

export const ISSUANCE_SETTINGS = Symbol('ISSUANCE_SETTINGS');

/**
 * Polls document_job, issues what is due, retries with exponential backoff, gives up after maxAttempts, and
 * sweeps expired leases back into the queue. Started on bootstrap unless DOCUMENT_WORKER=off; any number of
 * instances may run against one database (claims use FOR UPDATE SKIP LOCKED).
 */
@Injectable()
export class DocumentIssuanceWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('document-issuance');
  private readonly settings: IssuanceSettings;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private lastSweep = 0;

  constructor(
    private readonly jobs: DocumentJobRepository,
    private readonly issuance: DocumentIssuanceService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Optional() @Inject(ISSUANCE_SETTINGS) settings?: Partial<IssuanceSettings>,
  ) {
    this.settings = { ...DEFAULT_ISSUANCE_SETTINGS, ...settings };
  }

  onApplicationBootstrap(): void {
    if (this.runtime.config.documentWorker) this.start();
  }

  /** Before the connection pool closes (TypeORM closes it in onApplicationShutdown): finish the job in hand. */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Claims one batch and issues it; returns how many jobs were taken. */
  async runOnce(): Promise<number> {
    const claimed = await this.jobs.claim(this.settings.batchSize, this.settings.leaseSeconds);
    for (const job of claimed) await this.process(job);
    return claimed.length;
  }

  /** Runs until nothing is due (tests, CLI). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  /** Hands expired leases back to the queue (or fails them when their attempts are used up). */
  async sweep(): Promise<{ requeued: number; failed: number }> {
    const result = await this.jobs.requeueExpired(this.settings.maxAttempts);
    if (result.requeued || result.failed)
      this.logger.warn(`sweeper: ${result.requeued} job(s) re-queued, ${result.failed} failed after expired leases`);
    const released = await this.issuance.releaseIssuedHolds();
    if (released) this.logger.warn(`sweeper: ${released} held portal event(s) released for documents already issued`);
    return result;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let taken = 0;
      try {
        if (Date.now() - this.lastSweep >= this.settings.sweepIntervalMs) {
          this.lastSweep = Date.now();
          await this.sweep();
        }
        taken = await this.runOnce();
      } catch (error) {
        this.logger.error(`issuance loop: ${(error as Error).message}`);
      }
      if (taken === 0 && this.running) await this.pause(this.settings.pollIntervalMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async process(job: ClaimedJob): Promise<void> {
    try {
      const outcome = await this.issuance.issue(job.id);
      this.logger.log(`job ${job.id} (${job.kind}, dossier ${job.dossierId}): ${outcome}`);
    } catch (error) {
      const permanent = error instanceof IssuanceDataError;
      const final = permanent || job.attempts >= this.settings.maxAttempts;
      const message = (error as Error).message ?? String(error);
      await this.jobs
        .markFailedAttempt(job.id, message, backoffSeconds(job.attempts, this.settings), final)
        .catch((e) => this.logger.error(`job ${job.id}: could not record the failure: ${(e as Error).message}`));
      const log = `job ${job.id} (${job.kind}, dossier ${job.dossierId}) attempt ${job.attempts}: ${message}`;
      if (final) this.logger.error(`${log} — giving up`);
      else this.logger.warn(`${log} — will retry`);
    }
  }
}
