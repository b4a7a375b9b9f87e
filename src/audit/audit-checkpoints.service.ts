import { Logger } from '@nestjs/common';
import { ChainVerdict } from './audit-chain';
import { Checkpoint, CheckpointSigner } from './audit-checkpoint';
import { AuditLogRepository } from './audit-log.repository';
import { ObjectStore } from '../platform/storage/object-store.port';

/** The object-store copy of the newest checkpoint: out of reach of whoever controls the database alone. */
export const LATEST_CHECKPOINT_KEY = 'audit/checkpoints/latest.jws';

/**
 * Signs the head of the audit chain and keeps it twice (table `audit_checkpoint` and the object store); verifies the
 * chain against every copy. Plain class: the service (AuditModule) and `npm run audit:verify` build it alike.
 */
export class AuditCheckpoints {
  private readonly logger = new Logger('audit');

  constructor(
    private readonly audit: AuditLogRepository,
    private readonly signer: CheckpointSigner,
    private readonly store: ObjectStore | undefined,
  ) {}

  /** Records a checkpoint of the current head, unless the chain is empty or unchanged since the last one. */
  async record(): Promise<Checkpoint | undefined> {
    const head = await this.audit.head();
    if (!head) return undefined;
    const last = await this.audit.lastCheckpoint();
    if (last && last.lastId === head.lastId && last.hash === head.hash) return undefined;
    const jws = await this.signer.sign(head);
    await this.audit.insertCheckpoint(head, jws);
    await this.store?.put(LATEST_CHECKPOINT_KEY, Buffer.from(jws), 'application/jose');
    return (await this.signer.open(jws))!;
  }

  /** The chain, then every checkpoint: a forged or foreign one is named before anything else. */
  async verify(): Promise<ChainVerdict> {
    const stored = (await this.audit.storedCheckpoints()).map((c) => ({
      source: `audit_checkpoint ${c.id}`,
      jws: c.jws,
    }));
    if (this.store && (await this.store.exists(LATEST_CHECKPOINT_KEY))) {
      stored.push({
        source: `object ${LATEST_CHECKPOINT_KEY}`,
        jws: (await this.store.get(LATEST_CHECKPOINT_KEY)).toString(),
      });
    }
    const checkpoints: Checkpoint[] = [];
    for (const { source, jws } of stored) {
      const opened = await this.signer.open(jws);
      if (!opened) {
        return { ok: false, rows: 0, brokenAt: source, problem: 'checkpoint signature does not verify' };
      }
      checkpoints.push(opened);
    }
    return this.audit.verify(checkpoints);
  }

  /** Records a checkpoint every `seconds` until stopped; a failure is logged and retried at the next tick. */
  startEvery(seconds: number): () => void {
    const timer = setInterval(() => {
      this.record().catch((error: unknown) => this.logger.warn({ err: error }, 'audit checkpoint failed'));
    }, seconds * 1000);
    timer.unref();
    return () => clearInterval(timer);
  }
}
