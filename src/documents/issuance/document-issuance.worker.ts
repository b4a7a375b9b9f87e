import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit, Optional } from '@nestjs/common';
import { Runtime } from '../../platform/embedded/runtime';
import { JobRunner, QueueOptions } from '../../platform/jobs/job-runner';
import { RUNTIME } from '../../platform/platform.module';
import { IssuanceDataError } from '../domain/document-data.builder';
import { DocumentIssuanceService } from './document-issuance.service';
import { DEFAULT_ISSUANCE_SETTINGS, ISSUANCE_QUEUE, IssuanceJob } from './issuance-settings';

export const ISSUANCE_SETTINGS = Symbol('ISSUANCE_SETTINGS');

/**
 * Registers document issuance with the job facility: each job issues one document (DocumentIssuanceService),
 * retried with exponential backoff, dead after `maxAttempts` or at once when the dossier cannot make the document.
 * The queue runs in this instance unless DOCUMENT_WORKER=off; any number of instances may share the database.
 */
@Injectable()
export class DocumentIssuanceWorker implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('document-issuance');
  private readonly options: QueueOptions;

  constructor(
    private readonly runner: JobRunner,
    private readonly issuance: DocumentIssuanceService,
    @Inject(RUNTIME) runtime: Runtime,
    @Optional() @Inject(ISSUANCE_SETTINGS) settings?: Partial<QueueOptions>,
  ) {
    this.options = {
      ...DEFAULT_ISSUANCE_SETTINGS,
      enabled: runtime.config.documentWorker,
      permanent: (error) => error instanceof IssuanceDataError,
      ...settings,
    };
  }

  onModuleInit(): void {
    this.runner.register<IssuanceJob>(ISSUANCE_QUEUE, this.options, async (job) => {
      const outcome = await this.issuance.issue(job);
      this.logger.log(`job ${job.id} (${job.payload.kind}, dossier ${job.payload.dossierId}): ${outcome}`);
    });
  }

  /** Portal events held for documents issued before this version (when the portal read documents itself). */
  async onApplicationBootstrap(): Promise<void> {
    const released = await this.issuance.releaseIssuedHolds().catch((e: Error) => {
      this.logger.warn(`could not release held portal events: ${e.message}`);
      return 0;
    });
    if (released) this.logger.warn(`${released} held portal event(s) released for documents already issued`);
  }

  /** Claims one batch and issues it; returns how many jobs were taken. */
  runOnce(): Promise<number> {
    return this.runner.runOnce(ISSUANCE_QUEUE);
  }

  /** Runs until nothing is due (tests, CLI). */
  drain(): Promise<number> {
    return this.runner.drain(ISSUANCE_QUEUE);
  }

  /** Runs the queue's loop in this process (when DOCUMENT_WORKER=off left it stopped). */
  start(): void {
    this.runner.startQueue(ISSUANCE_QUEUE);
  }

  stop(): Promise<void> {
    return this.runner.stopQueue(ISSUANCE_QUEUE);
  }
}
