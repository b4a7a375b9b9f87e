import { CenterDirectory } from './center-directory';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { assessmentInput } from '../eligibility/registry-assessment-input';
import { EligibilityService } from '../eligibility/eligibility.service';
import { checkAgainstRegistry } from '../personal-id/personal-id-registry-check';
import { CLOCK, Clock, vietnamDate } from '../platform/clock/clock';
import { DomainError, ErrorCode } from '../platform/errors/domain-error';
import { IdempotencyRepository, requestHash } from '../platform/idempotency/idempotency.repository';
import { RUNTIME } from '../platform/platform.module';
import { Runtime } from '../platform/embedded/runtime';
import { PortalOutboxRepository } from '../portal/portal-outbox.repository';
import { RegistryReader } from '../registries/registry-reader.service';
import { actorTypeOf, type Caller } from '../identity/caller';
import { Application } from './domain/application';
import { dossierCode } from './domain/dossier-code';
import { searchName } from './domain/search-name';
import { DossierRecord, DossierRepository } from './dossier.repository';
import { recordStep } from './dossier-transaction';
import { DossierViewService } from './dossier-view.service';
import { DraftService } from './drafts/draft.service';

export interface FilingRequest {
  personalId: string;
  application: Application;
  channel: 'online' | 'portal' | 'counter';
  portalDossierCode?: string;
  /** Portal: when the citizen submitted on the portal; else now. */
  submittedAt?: string;
  idempotencyKey?: string;
  /** Online filing from the citizen's draft: its files move onto the dossier and the draft is deleted. */
  fromDraft?: boolean;
}

export interface FilingResult {
  status: 200 | 201;
  body: unknown;
}

/** Filing a dossier, by the citizen online, by the national portal, or by a receiver at the counter. */
@Injectable()
export class FilingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly centers: CenterDirectory,
    private readonly registries: RegistryReader,
    private readonly eligibility: EligibilityService,
    private readonly idempotency: IdempotencyRepository,
    private readonly outbox: PortalOutboxRepository,
    private readonly audit: AuditLogRepository,
    private readonly views: DossierViewService,
    private readonly drafts: DraftService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async file(actor: Caller, request: FilingRequest): Promise<FilingResult> {
    try {
      return await this.fileOnce(actor, request);
    } catch (error) {
      // A concurrent request with the same Idempotency-Key may have created the dossier meanwhile: answer as it did.
      if (request.idempotencyKey && error instanceof DomainError && error.details.openDossierCode) {
        const hash = filingHash(actor, request);
        const earlier = await this.idempotency.lookup(scope(actor), request.idempotencyKey, hash);
        if (earlier) return earlier as FilingResult;
      }
      throw error;
    }
  }

  private async fileOnce(actor: Caller, request: FilingRequest): Promise<FilingResult> {
    const { application } = request;
    const now = this.clock.now().toISOString();
    const submittedAt = request.submittedAt ? portalSubmittedAt(request.submittedAt, this.clock.now()) : now;
    const filingDate = vietnamDate(new Date(submittedAt));

    if (request.portalDossierCode) {
      const existing = await this.dossiers.findByPortalCode(request.portalDossierCode);
      if (existing) return this.portalRepeat(existing, request);
    }
    const hash = request.idempotencyKey ? filingHash(actor, request) : '';
    if (request.idempotencyKey) {
      const earlier = await this.idempotency.lookup(scope(actor), request.idempotencyKey, hash);
      if (earlier) return earlier as FilingResult;
    }

    const prefix = request.channel === 'online' ? '' : 'application.';
    this.checkApplication(application, this.clock.today(), prefix);
    if (request.submittedAt && isRealDate(application.terminationDate) && filingDate < application.terminationDate) {
      throw DomainError.validation([
        {
          field: 'submittedAt',
          code: 'before_termination',
          message: 'Thời điểm nộp không được trước ngày chấm dứt hợp đồng.',
        },
      ]);
    }
    if (!(await this.centers.takesDossiers(application.centerCode))) {
      throw DomainError.validation([
        {
          field: `${prefix}centerCode`,
          code: 'unknown_center',
          message: 'Không có trung tâm dịch vụ việc làm với mã này.',
        },
      ]);
    }
    const open = await this.dossiers.findOpenByPersonalId(request.personalId);
    if (open) throw openDossierConflict(open.code);
    if (request.fromDraft) await this.drafts.assertReady(actor, application.contractType);

    const purpose = 'filing';
    const { population, insurance } = await this.registries.readBoth(request.personalId, {
      actorType: actorTypeOf(actor),
      actorId: actor.subject,
      purpose,
      requestId: actor.requestId,
    });
    if (!population) {
      throw DomainError.validation(
        [
          {
            field: 'personalId',
            code: 'not_in_population_registry',
            message: 'Không tìm thấy số định danh cá nhân này trong Cơ sở dữ liệu quốc gia về dân cư.',
          },
        ],
        'Không tìm thấy công dân trong Cơ sở dữ liệu quốc gia về dân cư.',
      );
    }
    const input = assessmentInput(insurance, application, filingDate);
    const output = await this.eligibility.assess(input);
    const flags = [
      ...checkAgainstRegistry(request.personalId, { dateOfBirth: population.dateOfBirth, sex: population.sex }),
      ...(insurance ? [] : ['no_insurance_record']),
      ...(output.reasons.some((r) => r.code === 'filed_late') ? ['filed_late'] : []),
      ...(output.eligible ? [] : ['not_eligible_by_assessment']),
    ];
    const fetchedAt = now;
    const assessment = {
      input,
      sources: {
        population: { source: 'population', fetchedAt },
        insurance: { source: 'social_insurance', fetchedAt, found: !!insurance },
      },
      output,
      ruleSetVersion: output.ruleSetVersion,
      parametersUsed: output.parametersUsed,
      assessedAt: now,
    };

    const id = randomUUID();
    try {
      return await this.dataSource.transaction(async (em) => {
        if (request.idempotencyKey) {
          const earlier = await this.idempotency.claim(em, scope(actor), request.idempotencyKey, hash);
          if (earlier) return earlier as FilingResult;
        }
        const code = dossierCode(
          application.centerCode,
          filingDate,
          await this.dossiers.nextSequence(em, application.centerCode, filingDate),
        );
        const dossier = await this.dossiers.insert(em, {
          id,
          code,
          personalId: request.personalId,
          centerCode: application.centerCode,
          channel: request.channel,
          portalDossierCode: request.portalDossierCode ?? null,
          fullName: population.fullName,
          searchName: searchName(population.fullName),
          applicant: population,
          insurance,
          application,
          assessment,
          flags,
          terminationDate: application.terminationDate,
          filedAt: submittedAt,
        });
        if (request.fromDraft) await this.drafts.moveToDossier(em, actor, id, application.contractType);
        let result!: FilingResult;
        await recordStep(
          em,
          { dossiers: this.dossiers, outbox: this.outbox, audit: this.audit },
          this.runtime.config.procedureCode,
          { id, code, personalId: request.personalId, portalDossierCode: request.portalDossierCode ?? null },
          actor,
          {
            action: 'submit',
            from: null,
            to: 'SUBMITTED',
            occurredAt: submittedAt,
            dueDate: null,
            data: { channel: request.channel },
          },
          async (_seq, event) => {
            // The answer from the rows as written (RETURNING), not read back: a new dossier's history is its submit
            // event, and it has no signed document or issuance job yet; only files moved from the draft are read.
            const attachments = request.fromDraft ? await this.dossiers.attachments(id, em) : [];
            result = { status: 201, body: await this.views.justFiled(dossier, event, attachments) };
            if (request.idempotencyKey)
              await this.idempotency.complete(em, scope(actor), request.idempotencyKey, result);
          },
        );
        return result;
      });
    } catch (error) {
      const pg = error as { code?: string; constraint?: string };
      if (pg.code === '23505' && pg.constraint === 'dossier_one_open_per_person') {
        const other = await this.dossiers.findOpenByPersonalId(request.personalId);
        throw openDossierConflict(other?.code ?? '');
      }
      if (pg.code === '23505' && pg.constraint === 'dossier_portal_dossier_code_key' && request.portalDossierCode) {
        const existing = await this.dossiers.findByPortalCode(request.portalDossierCode);
        if (existing) return this.portalRepeat(existing, request);
      }
      throw error;
    }
  }

  /**
   * The portal sent a `portalDossierCode` we already hold. The same person's dossier is a retry: 200 with the dossier.
   * Another person under the same code is a conflict, never the first person's dossier.
   */
  private async portalRepeat(existing: DossierRecord, request: FilingRequest): Promise<FilingResult> {
    if (existing.personalId !== request.personalId) {
      throw new DomainError(
        ErrorCode.Conflict,
        'Mã hồ sơ trên Cổng DVCQG đã được dùng cho hồ sơ của một công dân khác.',
        {
          errors: [
            {
              field: 'portalDossierCode',
              code: 'portal_code_taken',
              message: 'Mã hồ sơ này đã gắn với hồ sơ của người khác (số định danh khác).',
            },
          ],
        },
      );
    }
    return { status: 200, body: await this.views.citizen(existing) };
  }

  private checkApplication(application: Application, today: string, prefix: string): void {
    const errors = [];
    const field = `${prefix}terminationDate`;
    if (!isRealDate(application.terminationDate)) {
      errors.push({ field, code: 'invalid_date', message: 'Ngày chấm dứt hợp đồng không phải là ngày có thật.' });
    } else if (application.terminationDate > today) {
      errors.push({ field, code: 'in_future', message: 'Ngày chấm dứt hợp đồng không được sau ngày hôm nay.' });
    }
    if (errors.length) throw DomainError.validation(errors);
  }
}

/** How far ahead of our clock a portal's `submittedAt` may be (clock skew); such a time is recorded as now. */
export const PORTAL_SUBMITTED_AT_SKEW_MS = 5 * 60_000;
/** How long after its submission the portal may still deliver a dossier (a delivery backlog, not a backdating). */
export const PORTAL_SUBMITTED_AT_MAX_AGE_DAYS = 7;

/**
 * The portal's submission time, checked: a real instant, not more than the skew in the future, not more than
 * PORTAL_SUBMITTED_AT_MAX_AGE_DAYS in the past. The filing date (and every deadline) derives from it, so a portal
 * must not backdate a dossier freely. (Not before the termination date: checked with the application.)
 */
export function portalSubmittedAt(value: string, now: Date): string {
  const at = new Date(value);
  const refuse = (code: string, message: string) => DomainError.validation([{ field: 'submittedAt', code, message }]);
  // Date() rolls 30 February over to March: the calendar parts must be real as written.
  const parts = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  const real = parts !== null && isRealDate(parts[1]) && +parts[2] < 24 && +parts[3] < 60 && +(parts[4] ?? 0) < 60;
  if (!real || Number.isNaN(at.getTime()))
    throw refuse('invalid_date', 'Thời điểm nộp không phải là thời điểm có thật.');
  if (at.getTime() > now.getTime() + PORTAL_SUBMITTED_AT_SKEW_MS)
    throw refuse('in_future', 'Thời điểm nộp không được ở tương lai.');
  if (at.getTime() < now.getTime() - PORTAL_SUBMITTED_AT_MAX_AGE_DAYS * 86_400_000)
    throw refuse('too_old', `Thời điểm nộp không được sớm hơn ${PORTAL_SUBMITTED_AT_MAX_AGE_DAYS} ngày trước.`);
  return (at.getTime() > now.getTime() ? now : at).toISOString();
}

/** What makes two filings "the same request" for an Idempotency-Key. */
function filingHash(actor: Caller, request: FilingRequest): string {
  return requestHash({ actor: actor.subject, personalId: request.personalId, application: request.application });
}

function scope(actor: Caller): string {
  return `filing:${actorTypeOf(actor)}:${actor.subject}`;
}

function openDossierConflict(code: string): DomainError {
  return new DomainError(
    ErrorCode.Conflict,
    `Công dân đang có hồ sơ ${code} chưa giải quyết xong; mỗi người chỉ có một hồ sơ đang xử lý.`,
    {
      openDossierCode: code,
    },
  );
}

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
