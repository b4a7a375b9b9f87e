import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Runtime } from '../platform/embedded/runtime';
import { RUNTIME } from '../platform/platform.module';
import { OBJECT_STORE, ObjectStore } from '../platform/storage/object-store.port';
import { decisionSigner, SignerLines, signerLines } from './domain/signers';
import { SignerRepository } from './signer.repository';

/** The signer block of one document, with what the signing step needs from the signer's record. */
export interface ResolvedSigner extends SignerLines {
  /** The signer's own signature image (PNG), when one was uploaded; else the configured image is drawn. */
  readonly signatureImage?: Buffer;
  readonly certificateRef: string | null;
  /** The signer period used, null when the configured signer (ISSUER_SIGNER_*) applied. */
  readonly periodId: string | null;
}

/**
 * Read port for the documents module: who signs on a given date. Periods come from `signer_authority`; without
 * one in force, the configured signer (ISSUER_SIGNER_TITLE / _NAME / _ON_BEHALF_OF) is the fallback.
 */
@Injectable()
export class SignerDirectory {
  /** Images by object key (content-addressed, so an entry never goes stale). */
  private readonly images = new Map<string, Buffer>();

  constructor(
    private readonly signers: SignerRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /**
   * The department's signer of a decision dated `day` (Vietnam date). `approverName`: the Director who decided in
   * the service, named when the configured Director signs in person.
   */
  async forDecision(day: string, approverName: string | null, em?: EntityManager): Promise<ResolvedSigner> {
    const period = await this.signers.inForce('department', day, em);
    const resolved = decisionSigner(period ? [period] : [], day, this.runtime.config.issuer, approverName);
    return {
      onBehalfOf: resolved.onBehalfOf,
      title: resolved.title,
      name: resolved.name,
      certificateRef: period?.certificateRef ?? null,
      periodId: period?.id ?? null,
      ...(period?.signatureImageKey ? { signatureImage: await this.image(period.signatureImageKey) } : {}),
    };
  }

  /** The head (or deputy) of a center in force on `day`, if one is recorded. */
  async forCenter(centerCode: string, day: string, em?: EntityManager): Promise<SignerLines | undefined> {
    const period = await this.signers.inForce(centerCode, day, em);
    return period ? signerLines(period) : undefined;
  }

  private async image(key: string): Promise<Buffer> {
    let bytes = this.images.get(key);
    if (!bytes) {
      bytes = await this.store.get(key);
      if (this.images.size > 50) this.images.clear();
      this.images.set(key, bytes);
    }
    return bytes;
  }
}
