import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { BenefitRepository } from '../benefits/benefit.repository';
import { benefitStatus } from '../benefits/domain/benefit-period';
import { DocumentAccessService } from '../documents/services/document-access.service';
import { assertDossierAccess } from '../dossiers/domain/dossier-access';
import { type Caller, actorTypeOf, systemCaller } from '../identity/caller';
import { DossierImportService } from '../dossiers/dossier-import.service';
import { DossierReader } from '../dossiers/dossier-reader';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service';
import type { DossierRecord } from '../dossiers/dossier.repository';
import { DOSSIER_DOCUMENTS, DossierDocuments } from '../dossiers/ports/dossier-documents.port';
import { birthRegistrationProvince } from '../personal-id/province-codes';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { JobStore } from '../platform/jobs/job.store';
import { OBJECT_STORE, ObjectStore } from '../platform/storage/object-store.port';
import { SocialInsuranceOutbox } from '../social-insurance/social-insurance-outbox';
import { applicationAccount } from '../social-insurance/social-insurance-event';
import type { Application } from '../dossiers/domain/application';
import {
  monthCounts,
  PACKAGE_VERSION,
  PackageRejected,
  packageHeader,
  planHandOver,
  signPackage,
  TransferPackage,
  verifyPackage,
} from './domain/transfer-package';
import { PeerProvinceClient } from './peer-province.client';
import { TransferRepository, TransferRequestRow } from './transfer.repository';
import { publicJwks, type TransferSigningKey } from './transfer-signing-key';

/** The queue that delivers approved packages to the receiving province (ordered per dossier). */
export const TRANSFER_QUEUE = 'transfers.send';
export const TRANSFER_SIGNING_KEY = Symbol('TRANSFER_SIGNING_KEY');
export const TRANSFER_SETTINGS = Symbol('TRANSFER_SETTINGS');

export interface TransferSettings {
  ownProvince: string;
  /** The authority named as sender (`ISSUER_AUTHORITY_FULL_NAME`). */
  authority: string;
}

const SYSTEM = systemCaller('transfers');
const RUNNING = ['not_started', 'active', 'suspended'];
const DECIDERS = ['center_head', 'director'];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const provinceName = (code: string) => birthRegistrationProvince(code)?.name ?? code;

/**
 * Moving a benefit to another province (Luật Việc làm 74/2025 Điều 41 k.1; docs/transfer.md). Sending side: the
 * citizen asks, the paying center approves or refuses (history, portal event and audit in one transaction; the
 * approval also signs the package and enqueues its delivery), the delivery job hands it over and, once the receiver
 * accepts, the benefit is `transferred` here (its remaining windows stop) and the social insurance office is told.
 * Receiving side: a package is verified (sender's key and province), accepted once per package id, and opens the
 * dossier and the benefit here from the next window.
 */
@Injectable()
export class TransferService {
  private readonly logger = new Logger('transfers');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transfers: TransferRepository,
    private readonly benefits: BenefitRepository,
    private readonly dossiers: DossierReader,
    private readonly workflow: DossierWorkflowService,
    private readonly importer: DossierImportService,
    private readonly decisions: DocumentAccessService,
    private readonly office: SocialInsuranceOutbox,
    private readonly jobs: JobStore,
    private readonly audit: AuditLogRepository,
    private readonly peers: PeerProvinceClient,
    @Inject(DOSSIER_DOCUMENTS) private readonly documents: DossierDocuments,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(TRANSFER_SIGNING_KEY) private readonly key: TransferSigningKey,
    @Inject(TRANSFER_SETTINGS) private readonly settings: TransferSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The provinces a benefit can move to (empty: transfers are not configured for this deployment). */
  destinations(): { provinceCode: string; name: string }[] {
    return this.peers.destinations().map((code) => ({ provinceCode: code, name: provinceName(code) }));
  }

  // ---- sending side ----

  private async ownBenefitDossier(actor: Caller, dossierId: string): Promise<DossierRecord> {
    return assertDossierAccess(actor, await this.dossiers.find(dossierId), 'read');
  }

  private async runningMonths(dossier: DossierRecord, today: string) {
    const benefit = await this.benefits.find(dossier.id);
    if (!benefit) throw DomainError.notFound('Hồ sơ chưa có chế độ hưởng trợ cấp (chưa trả kết quả quyết định hưởng).');
    const months = await this.benefits.months(dossier.id);
    const state = benefitStatus(benefit.status, months, today);
    if (!RUNNING.includes(state))
      throw DomainError.conflict(`Chế độ hưởng trợ cấp đang ở trạng thái "${state}", không thể chuyển nơi hưởng.`, {
        benefitStatus: state,
      });
    const plan = planHandOver(months, today);
    if (!plan)
      throw DomainError.unprocessable('Không còn tháng hưởng nào để chuyển: các tháng còn lại đã đến hạn thông báo.', [
        {
          field: 'toProvince',
          code: 'nothing_to_transfer',
          message: 'Không còn tháng hưởng nào để chuyển sang tỉnh khác.',
        },
      ]);
    return { benefit, months, plan };
  }

  async request(actor: Caller, dossierId: string, body: { toProvince: string; reason: string; newAddress: string }) {
    const dossier = await this.ownBenefitDossier(actor, dossierId);
    if (!this.peers.destinations().length)
      throw DomainError.unprocessable('Chức năng chuyển nơi hưởng chưa được cấu hình tại tỉnh này.', [
        {
          field: 'toProvince',
          code: 'transfers_unavailable',
          message: 'Hiện chưa thể chuyển nơi hưởng sang tỉnh khác qua hệ thống; bạn vui lòng liên hệ trung tâm.',
        },
      ]);
    if (!this.peers.peer(body.toProvince))
      throw DomainError.validation([
        {
          field: 'toProvince',
          code: 'unknown_province',
          message: 'Tỉnh nơi chuyển đến không nằm trong danh sách tỉnh có thể nhận hồ sơ.',
        },
      ]);
    await this.runningMonths(dossier, this.clock.today());
    const at = this.clock.now();
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (em) => {
        await this.transfers.insertRequest(em, {
          id,
          dossierId,
          personalId: dossier.personalId,
          centerCode: dossier.centerCode,
          toProvince: body.toProvince,
          reason: body.reason,
          newAddress: body.newAddress,
          requestedAt: at,
        });
        await this.workflow.recordBenefitEvent(em, dossier, actor, {
          action: 'transfer_requested',
          note: body.reason,
          data: { event: 'transfer_requested', requestId: id, toProvince: body.toProvince },
          occurredAt: at.toISOString(),
        });
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'transfer_request_one_open')
        throw DomainError.conflict('Hồ sơ đã có một yêu cầu chuyển nơi hưởng đang được xử lý.');
      throw error;
    }
    return this.present((await this.transfers.find(id))!);
  }

  async current(actor: Caller, dossierId: string) {
    await this.ownBenefitDossier(actor, dossierId);
    const row = await this.transfers.latestFor(dossierId);
    if (!row) throw DomainError.notFound('Hồ sơ chưa có yêu cầu chuyển nơi hưởng.');
    return this.present(row);
  }

  /** The open requests the caller may decide, each with its dossier's code and the citizen's name (the staff page). */
  async pending(actor: Caller) {
    const rows = await this.transfers.pending(actor.role === 'director' ? null : (actor.centerCode ?? null));
    const out = [];
    for (const r of rows) {
      const dossier = await this.dossiers.find(r.dossierId);
      out.push({ ...this.present(r), dossierCode: dossier?.code ?? null, fullName: dossier?.fullName ?? null });
    }
    return out;
  }

  private async decidable(actor: Caller, requestId: string) {
    if (!DECIDERS.includes(actor.role ?? '')) throw DomainError.forbidden();
    const request = await this.transfers.find(requestId);
    if (!request) throw DomainError.notFound('Không tìm thấy yêu cầu chuyển nơi hưởng.');
    if (actor.role !== 'director' && actor.centerCode !== request.centerCode)
      throw DomainError.forbidden('Hồ sơ thuộc trung tâm khác.');
    if (request.status !== 'requested')
      throw DomainError.conflict('Yêu cầu chuyển nơi hưởng đã được xử lý.', { status: request.status });
    return { request, dossier: (await this.dossiers.find(request.dossierId))! };
  }

  /** The paying center approves: the package is built and signed, and its delivery enqueued, with the decision. */
  async approve(actor: Caller, requestId: string) {
    const { request, dossier } = await this.decidable(actor, requestId);
    const today = this.clock.today();
    const { benefit, plan } = await this.runningMonths(dossier, today);
    const { decision } = await this.documents.forDossier(dossier.id);
    if (!decision) throw DomainError.conflict('Hồ sơ chưa có quyết định hưởng đã ký.');
    const pdf = await this.decisions.decisionForTransfer(dossier.id, SYSTEM.subject);
    const at = this.clock.now();
    const pkg: TransferPackage = {
      version: PACKAGE_VERSION,
      packageId: request.id,
      createdAt: at.toISOString(),
      from: { provinceCode: this.settings.ownProvince, authority: this.settings.authority, dossierCode: dossier.code },
      to: { provinceCode: request.toProvince },
      person: { personalId: dossier.personalId, fullName: dossier.fullName, applicant: { ...dossier.applicant } },
      request: {
        reason: request.reason,
        newAddress: request.newAddress,
        requestedAt: request.requestedAt,
        approvedAt: at.toISOString(),
      },
      decision: {
        number: decision.number,
        issuedAt: decision.issuedAt,
        sha256: pdf.sha256,
        verifyUrl: decision.verifyUrl,
        pdfBase64: pdf.bytes.toString('base64'),
      },
      benefit: {
        monthlyBenefit: Math.round(benefit.monthlyBenefit),
        benefitMonths: benefit.benefitMonths,
        resultReturnedOn: benefit.resultReturnedOn,
        reservedMonths: benefit.reservedAfterBenefit,
        ...monthCounts(plan.months),
        handOverFromMonth: plan.handOverFromMonth,
        months: plan.months,
      },
      assessment: (dossier.assessment ?? {}) as unknown as Record<string, unknown>,
      application: { ...(dossier.application ?? {}), transferAddress: request.newAddress },
    };
    const jws = await signPackage(pkg, this.key.privateKey, this.key.kid);
    await this.dataSource.transaction(async (em) => {
      const ok = await this.transfers.approve(em, request.id, {
        packageJws: jws,
        handOverMonth: plan.handOverFromMonth,
        at,
        by: actor.subject,
      });
      if (!ok) throw DomainError.conflict('Yêu cầu chuyển nơi hưởng đã được xử lý.');
      await this.workflow.recordBenefitEvent(em, dossier, actor, {
        action: 'transfer_approved',
        data: {
          event: 'transfer_approved',
          requestId: request.id,
          toProvince: request.toProvince,
          handOverFromMonth: plan.handOverFromMonth,
        },
        occurredAt: at.toISOString(),
      });
      await this.jobs.enqueue(
        em,
        TRANSFER_QUEUE,
        { requestId: request.id },
        { key: dossier.id, dedupeKey: request.id },
      );
    });
    return this.present((await this.transfers.find(request.id))!);
  }

  /** The paying center refuses: the request goes back to the citizen with the reason; the benefit stays. */
  async refuse(actor: Caller, requestId: string, reason: string) {
    const { request, dossier } = await this.decidable(actor, requestId);
    const at = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      if (!(await this.transfers.refuse(em, request.id, { reason, at, by: actor.subject })))
        throw DomainError.conflict('Yêu cầu chuyển nơi hưởng đã được xử lý.');
      await this.workflow.recordBenefitEvent(em, dossier, actor, {
        action: 'transfer_refused',
        note: reason,
        data: { event: 'transfer_refused', requestId: request.id, toProvince: request.toProvince },
        occurredAt: at.toISOString(),
      });
    });
    return this.present((await this.transfers.find(request.id))!);
  }

  /**
   * One delivery attempt of `transfers.send`. Accepted: the benefit is `transferred` here, the months handed over
   * are cancelled here (the receiving province pays them), pending proposals are dismissed, the portal and the
   * social insurance office are told; refused: the reason is recorded and the benefit stays. Anything else throws
   * (the job facility retries with backoff).
   */
  async deliver(requestId: string, signal: AbortSignal): Promise<'done' | 'aborted'> {
    const request = await this.transfers.find(requestId);
    if (!request || request.status !== 'approved' || !request.packageJws) return 'done';
    const dossier = (await this.dossiers.find(request.dossierId))!;
    const benefit = await this.benefits.find(request.dossierId);
    if (benefit?.status !== 'active' && benefit?.status !== 'suspended') {
      // Terminated (or otherwise ended) after the approval: nothing is left to hand over, the package stays here.
      const at = this.clock.now();
      await this.dataSource.transaction(async (em) => {
        const reason = 'Chế độ hưởng trợ cấp đã chấm dứt trước khi hồ sơ được chuyển.';
        if (!(await this.transfers.complete(em, request.id, { status: 'cancelled', at, reason }))) return;
        await this.workflow.recordBenefitEvent(em, dossier, SYSTEM, {
          action: 'transfer_cancelled',
          note: reason,
          data: { event: 'transfer_cancelled', requestId: request.id, toProvince: request.toProvince },
          occurredAt: at.toISOString(),
        });
      });
      return 'done';
    }
    const outcome = await this.peers.deliver(request.toProvince, request.id, request.packageJws, signal);
    if (outcome.kind === 'failed') {
      if (outcome.aborted) return 'aborted';
      throw new Error(outcome.error);
    }
    const at = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      if (outcome.kind === 'refused') {
        if (!(await this.transfers.complete(em, request.id, { status: 'rejected', at, reason: outcome.reason })))
          return;
        await this.workflow.recordBenefitEvent(em, dossier, SYSTEM, {
          action: 'transfer_rejected',
          note: `Tỉnh nhận từ chối: ${outcome.reason}`,
          data: {
            event: 'transfer_rejected',
            requestId: request.id,
            toProvince: request.toProvince,
            code: outcome.code,
          },
          occurredAt: at.toISOString(),
        });
        return;
      }
      if (
        !(await this.transfers.complete(em, request.id, {
          status: 'accepted',
          at,
          peerDossierCode: outcome.dossierCode,
        }))
      )
        return;
      await this.handOver(em, dossier, request, outcome.dossierCode, at);
    });
    return 'done';
  }

  private async handOver(
    em: EntityManager,
    dossier: DossierRecord,
    request: TransferRequestRow,
    peerDossierCode: string,
    at: Date,
  ): Promise<void> {
    const months = await this.benefits.months(dossier.id, em);
    const moved = months.filter((m) => m.month >= request.handOverMonth! && m.outcome === null).map((m) => m.month);
    const first = months.find((m) => m.month === request.handOverMonth);
    await this.benefits.setOutcome(em, dossier.id, moved, 'cancelled', at);
    await this.benefits.setStatus(em, dossier.id, 'transferred');
    await this.benefits.dismissProposals(em, dossier.id, at);
    await this.workflow.recordBenefitEvent(em, dossier, SYSTEM, {
      action: 'benefit_transferred',
      data: {
        event: 'transferred',
        requestId: request.id,
        toProvince: request.toProvince,
        peerDossierCode,
        handOverFromMonth: request.handOverMonth,
        movedMonths: moved,
        effectiveDate: first?.from ?? null,
      },
      occurredAt: at.toISOString(),
    });
    await this.office.enqueue(em, {
      type: 'transfer_out',
      occurredAt: at.toISOString(),
      dossierCode: dossier.code,
      personalId: dossier.personalId,
      fullName: dossier.fullName,
      month: request.handOverMonth!,
      ...(first ? { effectiveDate: first.from } : {}),
      reason: `transferred_to_${request.toProvince}`,
    });
  }

  present(r: TransferRequestRow) {
    return {
      id: r.id,
      dossierId: r.dossierId,
      toProvince: { provinceCode: r.toProvince, name: provinceName(r.toProvince) },
      reason: r.reason,
      newAddress: r.newAddress,
      status: r.status,
      refusalReason: r.refusalReason,
      handOverFromMonth: r.handOverMonth,
      requestedAt: r.requestedAt,
      decidedAt: r.decidedAt,
      completedAt: r.completedAt,
      receivingDossierCode: r.peerDossierCode,
    };
  }

  // ---- receiving side ----

  /** Our public signing key, for peers verifying our packages. */
  async keys() {
    return publicJwks(this.key);
  }

  /**
   * A package from another province. Idempotent on the package id: a repeat gets the first answer (accepted with the
   * same dossier, or the same refusal). A package that cannot be verified is refused (422 with the reason), and the
   * sender keeps the benefit.
   */
  async receive(actor: Caller, jws: string): Promise<{ created: boolean; packageId: string; dossierCode: string }> {
    const header = packageHeader(jws);
    const sender = header.iss;
    if (!sender || !this.peers.peer(sender))
      throw refusal('unknown_sender', 'Tỉnh gửi không nằm trong danh sách tỉnh được cấu hình.');
    let key;
    try {
      key = await this.peers.verificationKey(sender, header.kid);
    } catch (error) {
      throw DomainError.upstream('Chưa lấy được khóa công khai của tỉnh gửi; vui lòng gửi lại sau.', {
        cause: (error as Error).message,
      });
    }
    if (!key) throw refusal('unknown_sender', 'Khóa ký của gói không phải khóa tỉnh gửi đã công bố.');
    let pkg: TransferPackage;
    try {
      pkg = await verifyPackage(jws, { ourProvince: this.settings.ownProvince, senderProvince: sender }, key, sha256);
    } catch (error) {
      if (error instanceof PackageRejected) throw refusal(error.code, error.reason);
      throw error;
    }
    const previous = await this.transfers.incoming(pkg.packageId);
    if (previous) return this.answer(previous);
    const pdfKey = `transfers/${pkg.packageId}/decision.pdf`;
    await this.store.put(pdfKey, Buffer.from(pkg.decision.pdfBase64, 'base64'), 'application/pdf', {
      sha256: pkg.decision.sha256,
    });
    const at = this.clock.now();
    const result = await this.dataSource.transaction(async (em) => {
      const { pdfBase64: _pdf, ...decisionMeta } = pkg.decision;
      const stored = { ...pkg, decision: { ...decisionMeta, objectKey: pdfKey } };
      const claimed = await this.transfers.claimIncoming(em, {
        packageId: pkg.packageId,
        fromProvince: sender,
        personalId: pkg.person.personalId,
        pkg: stored,
        at,
      });
      if (!claimed) return undefined;
      const running = await this.benefits.runningFor(pkg.person.personalId, em);
      if (running) {
        // The person already draws a benefit here: refuse (recorded, so a repeat gets the same answer).
        const reason = 'Người lao động đang hưởng trợ cấp thất nghiệp tại tỉnh nhận.';
        await this.transfers.settleIncoming(em, pkg.packageId, {
          refusalCode: 'already_beneficiary',
          refusalReason: reason,
        });
        await this.audit.append(em, {
          occurredAt: at.toISOString(),
          actorType: actorTypeOf(actor),
          actorId: actor.subject,
          action: 'transfer.refused',
          entityType: 'transfer',
          entityId: pkg.packageId,
          data: { fromProvince: sender, code: 'already_beneficiary', requestId: actor.requestId ?? null },
        });
        return { refused: { code: 'already_beneficiary', reason } as const };
      }
      const dossier = await this.importer.importTransferred(em, systemCaller(`peer:${sender}`), {
        personalId: pkg.person.personalId,
        fullName: pkg.person.fullName,
        applicant: pkg.person.applicant,
        application: pkg.application,
        assessment: pkg.assessment,
        terminationDate: String(
          (pkg.assessment as { input?: { terminationDate?: string } }).input?.terminationDate ??
            pkg.benefit.resultReturnedOn,
        ),
        decidedAt: pkg.decision.issuedAt,
        receivedAt: at.toISOString(),
        data: {
          fromProvince: sender,
          fromDossierCode: pkg.from.dossierCode,
          packageId: pkg.packageId,
          decisionNumber: pkg.decision.number,
          handOverFromMonth: pkg.benefit.handOverFromMonth,
          reason: pkg.request.reason,
        },
      });
      const taken = pkg.benefit.months.filter((m) => m.handOver === 'handed_over');
      await this.benefits.create(
        em,
        {
          dossierId: dossier.id,
          centerCode: dossier.centerCode,
          personalId: dossier.personalId,
          monthlyBenefit: pkg.benefit.monthlyBenefit,
          benefitMonths: taken.length,
          reservedAfterBenefit: pkg.benefit.reservedMonths,
          resultReturnedOn: pkg.benefit.resultReturnedOn,
        },
        taken.map((m) => ({ month: m.month, from: m.from, to: m.to, noticeWindow: m.noticeWindow })),
      );
      await this.transfers.settleIncoming(em, pkg.packageId, { dossierId: dossier.id, dossierCode: dossier.code });
      await this.office.enqueue(em, {
        type: 'transfer_in',
        occurredAt: at.toISOString(),
        dossierCode: dossier.code,
        personalId: dossier.personalId,
        fullName: dossier.fullName,
        decision: {
          number: pkg.decision.number,
          issuedAt: pkg.decision.issuedAt,
          sha256: pkg.decision.sha256,
          url: pkg.decision.verifyUrl,
        },
        benefit: {
          monthlyAmount: pkg.benefit.monthlyBenefit,
          months: taken.map((m) => ({ month: m.month, from: m.from, to: m.to })),
        },
        // The sender's application, verified as a package (transfer-package.ts) but typed there as wire data.
        paymentAccount: applicationAccount({ application: pkg.application as unknown as Application }),
        reason: `transferred_from_${sender}`,
      });
      return { dossierCode: dossier.code, refused: undefined };
    });
    if (!result) return this.answer((await this.transfers.incoming(pkg.packageId))!);
    if (result.refused) throw refusal(result.refused.code, result.refused.reason);
    this.logger.log(`transfer ${pkg.packageId} from ${sender} accepted as ${result.dossierCode}`);
    return { created: true, packageId: pkg.packageId, dossierCode: result.dossierCode };
  }

  private answer(row: {
    packageId: string;
    status: string;
    dossierCode: string | null;
    refusalCode: string | null;
    refusalReason: string | null;
  }) {
    if (row.status === 'refused') throw refusal(row.refusalCode ?? 'refused', row.refusalReason ?? '');
    return { created: false, packageId: row.packageId, dossierCode: row.dossierCode! };
  }
}

function refusal(code: string, reason: string): DomainError {
  return DomainError.unprocessable(reason, [{ field: 'package', code, message: reason }]);
}
