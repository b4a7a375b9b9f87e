import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PortalHolds } from '../../portal/portal-holds.repository';
import { LegalContextService } from '../../eligibility/legal-context.service';
import { CLOCK, Clock, vietnamDate } from '../../platform/clock/clock';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { OBJECT_STORE, ObjectStore } from '../../platform/storage/object-store.port';
import { buildDocumentData, IssuanceDataError } from '../domain/document-data.builder';
import {
  documentObjectKey,
  isDecisionKind,
  newVerificationCode,
  parseStoredKind,
  printedNumber,
  registerKey,
} from '../domain/issued-kind';
import { issuerProfile } from '../domain/issuer-profile.factory';
import { issueSignedDocument } from '../issue-signed-document';
import { DossierSource } from '../persistence/dossier-source';
import { ClaimedJob, JobStore } from '../../platform/jobs/job.store';
import type { IssuanceJob } from './issuance-settings';
import { IssuedDocumentRepository } from '../persistence/issued-document.repository';
import { loadDocumentTemplate } from '../rendering/document-template.loader';
import { DEFAULT_TEMPLATES_DIR } from '../rendering/templates-directory';
import { SigningIdentityProvider } from './signing-identity.provider';
import { SignerDirectory } from '../../organisation';

export type IssuanceOutcome = 'issued' | 'already-issued' | 'not-pending';

/**
 * Issues the document of one job, all in one transaction that holds the job row (and, for decisions, the
 * number register row) until it commits:
 *   lock job → already issued? mark done → allocate number → render + sign → PUT the PDF (deterministic key)
 *   → insert issued_document → release the portal event held for it → mark job done → COMMIT.
 * A crash anywhere before COMMIT rolls everything back (the number too, so registers have no gaps); the retry
 * renders again and overwrites the same object key before inserting. The unique (dossier_id, kind) row makes a
 * second document for one dossier and kind impossible.
 */
@Injectable()
export class DocumentIssuanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobStore,
    private readonly documents: IssuedDocumentRepository,
    private readonly sources: DossierSource,
    private readonly portalHolds: PortalHolds,
    private readonly signing: SigningIdentityProvider,
    private readonly legal: LegalContextService,
    private readonly signers: SignerDirectory,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async issue(claimed: ClaimedJob<IssuanceJob>): Promise<IssuanceOutcome> {
    const identity = await this.signing.get();
    const { calendar } = await this.legal.current();
    const job = { id: claimed.id, ...claimed.payload };
    return this.dataSource.transaction(async (em) => {
      const locked = await this.jobs.lockIn(em, job.id);
      if (!locked || locked.status !== 'pending') return 'not-pending';
      if (await this.documents.findByDossierAndKind(job.dossierId, job.kind, em)) {
        await this.jobs.completeIn(em, job.id);
        return 'already-issued';
      }
      const parsed = parseStoredKind(job.kind);
      if (!parsed) throw new IssuanceDataError(`Loại văn bản không xác định: "${job.kind}".`);
      const source = await this.sources.snapshot(job.dossierId, em);
      if (!source) throw new IssuanceDataError(`Không tìm thấy hồ sơ ${job.dossierId}.`);
      const { dossier, center } = source;
      const event =
        job.eventSeq === null || job.eventSeq === undefined
          ? undefined
          : await this.sources.event(em, job.dossierId, job.eventSeq);

      const config = this.runtime.config.issuer;
      const meta = loadDocumentTemplate(DEFAULT_TEMPLATES_DIR, parsed.kind).meta;
      const symbol = meta.issuedBy === 'center' ? config.centerSymbol : config.symbol;
      const issuedAt = this.clock.now();
      const issuedOn = vietnamDate(issuedAt);
      const year = Number(issuedOn.slice(0, 4));
      const sequence = isDecisionKind(parsed.kind)
        ? String(await this.documents.nextNumber(em, registerKey(meta.code, symbol), year))
        : parsed.eventSeq
          ? `${dossier.code}.${parsed.eventSeq}`
          : dossier.code;
      const verificationCode = newVerificationCode();
      // The signer in force on the decision's date (docs/centers-and-signers.md); the Director who decided in the
      // service (decision steps are the director's only) is named when the configured Director signs in person.
      const byDepartment = meta.issuedBy !== 'center';
      const signer = byDepartment ? await this.signers.forDecision(issuedOn, event?.actorName ?? null, em) : undefined;
      const centerSigner = byDepartment ? undefined : await this.signers.forCenter(center.code, issuedOn, em);
      const issuer = issuerProfile(config, center, event?.actorName ?? null, signer, centerSigner);
      const data = buildDocumentData(parsed.kind, dossier, {
        documentNumber: sequence,
        issuedAt,
        issuedOn,
        verifyUrl: `${this.runtime.config.publicBaseUrl}/verify/${verificationCode}`,
        calendar,
        socialInsuranceOffice: config.socialInsuranceOffice,
        centerName: center.name,
        attachments: await this.sources.attachments(em, job.dossierId),
        event: event ?? null,
      });
      const { pdf, sha256 } = await issueSignedDocument(parsed.kind, data, issuer, identity, {
        signingTime: issuedAt,
        ...(signer?.signatureImage ? { images: { signaturePng: signer.signatureImage } } : {}),
      });

      const objectKey = documentObjectKey(job.dossierId, job.kind);
      await this.store.put(objectKey, pdf, 'application/pdf', { sha256, 'dossier-id': job.dossierId, kind: job.kind });

      await this.documents.insert(em, {
        id: randomUUID(),
        dossierId: job.dossierId,
        kind: job.kind,
        number: printedNumber(sequence, meta.code, symbol),
        authoritySymbol: symbol,
        year,
        verificationCode,
        sha256,
        objectKey,
        holderName: data.holder.fullName,
        issuerName: meta.issuedBy === 'center' ? center.name : config.authorityFullName,
        issuedAt,
      });
      // A portal event held for this document (a decision) goes out now, with the decision.
      await this.portalHolds.release(
        em,
        job.dossierId,
        job.kind,
        {
          number: printedNumber(sequence, meta.code, symbol),
          issuedAt: issuedAt.toISOString(),
          sha256,
          verificationCode,
        },
        this.runtime.config.publicBaseUrl,
      );
      await this.jobs.completeIn(em, job.id);
      return 'issued';
    });
  }

  /**
   * Releases portal events still held for documents that exist (e.g. held before an upgrade, when the portal
   * still read the document tables itself). Returns how many were released.
   */
  async releaseIssuedHolds(): Promise<number> {
    let released = 0;
    for (const held of await this.portalHolds.held()) {
      released += await this.dataSource.transaction(async (em) => {
        const doc = await this.documents.findByDossierAndKind(held.dossierId, held.documentKind, em);
        if (!doc) return 0;
        return this.portalHolds.release(
          em,
          held.dossierId,
          held.documentKind,
          { number: doc.number, issuedAt: doc.issuedAt, sha256: doc.sha256, verificationCode: doc.verificationCode },
          this.runtime.config.publicBaseUrl,
        );
      });
    }
    return released;
  }
}
