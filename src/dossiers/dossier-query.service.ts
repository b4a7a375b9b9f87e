import { Inject, Injectable } from '@nestjs/common';
import { isIsoDate } from '../calendar/iso-date';
import { isUuid } from '../platform/ids/uuid';
import { LegalContextService } from '../eligibility/legal-context.service';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { RegistryReader } from '../registries/registry-reader.service';
import { DUE_SOON_WORKING_DAYS } from './domain/dossier-deadlines';
import { DOSSIER_STATUSES, DossierStatus } from './domain/dossier-status';
import type { Caller, CitizenCaller, StaffCaller } from '../identity/caller';
import { assertDossierAccess } from './domain/dossier-access';
import { searchName } from './domain/search-name';
import { DossierRecord, DossierRepository } from './dossier.repository';
import { queueItemView } from './dossier-views';
import { DossierViewService } from './dossier-view.service';
import { actingParty } from './dossier-workflow.service';

export interface QueueParams {
  status?: string;
  overdue?: string;
  dueSoon?: string;
  q?: string;
  cursor?: string;
  limit?: string;
  centerCode?: string;
}

/** Reading dossiers: a citizen their own (someone else's is 404), staff their center's (another center is 403). */
@Injectable()
export class DossierQueryService {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly views: DossierViewService,
    private readonly legal: LegalContextService,
    private readonly registries: RegistryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The dossier, if the caller may see it (`dossierAccess`): 404 for someone else's, 403 for another center's. */
  async accessible(actor: Caller, id: string): Promise<DossierRecord> {
    return assertDossierAccess(actor, await this.dossiers.findById(id), 'read');
  }

  async citizenList(actor: CitizenCaller) {
    const records = await this.dossiers.listForPerson(actor.personalId);
    return { items: await this.views.citizens(records) };
  }

  async citizenDossier(actor: CitizenCaller, id: string) {
    return this.views.citizen(await this.accessible(actor, id));
  }

  /** The staff view shows the applicant's registry records stored with the dossier: logged as a read of them. */
  async staffDossier(actor: StaffCaller, id: string) {
    const dossier = await this.accessible(actor, id);
    const view = await this.views.staff(dossier, actor.role === 'admin' ? null : actingParty(actor));
    await this.registries.recordStoredRead(
      dossier.personalId,
      dossier.insurance ? ['population', 'social_insurance'] : ['population'],
      { actorType: 'staff', actorId: actor.subject, purpose: 'dossier_review', requestId: actor.requestId },
    );
    return view;
  }

  async queue(actor: StaffCaller, params: QueueParams) {
    const errors = [];
    // One status, or several separated by commas (a role's default view: `RECEIVED,IN_REVIEW`).
    const statuses = params.status ? params.status.split(',') : [];
    if (
      statuses.length > DOSSIER_STATUSES.length ||
      statuses.some((s) => !DOSSIER_STATUSES.includes(s as DossierStatus))
    ) {
      errors.push({ field: 'status', code: 'invalid_value', message: 'Trạng thái không hợp lệ.' });
    }
    const limit = params.limit === undefined ? 50 : Number(params.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      errors.push({ field: 'limit', code: 'invalid_number', message: 'Số dòng mỗi trang từ 1 đến 200.' });
    const after = params.cursor ? decodeCursor(params.cursor) : undefined;
    if (params.cursor && !after)
      errors.push({ field: 'cursor', code: 'invalid_cursor', message: 'Con trỏ trang không hợp lệ.' });
    for (const flag of ['overdue', 'dueSoon'] as const) {
      if (params[flag] !== undefined && !['true', 'false'].includes(params[flag]!)) {
        errors.push({ field: flag, code: 'invalid_value', message: 'Giá trị phải là true hoặc false.' });
      }
    }
    if (params.q !== undefined && (params.q.trim().length < 2 || params.q.length > 100)) {
      errors.push({ field: 'q', code: 'invalid_length', message: 'Từ khóa tìm kiếm từ 2 đến 100 ký tự.' });
    }
    if (errors.length) throw DomainError.validation(errors);
    if (actor.centerCode && params.centerCode && params.centerCode !== actor.centerCode)
      throw DomainError.forbidden('Bạn chỉ xem được hồ sơ của trung tâm mình.');

    const today = this.clock.today();
    const { calendar } = await this.legal.current();
    const centerCodes = actor.centerCode ? [actor.centerCode] : params.centerCode ? [params.centerCode] : null;
    const rows = await this.dossiers.queue({
      centerCodes,
      status: statuses.length === 1 ? (statuses[0] as DossierStatus) : undefined,
      statuses: statuses.length > 1 ? (statuses as DossierStatus[]) : undefined,
      overdueOn: params.overdue === 'true' ? today : undefined,
      dueSoonUntil:
        params.dueSoon === 'true' ? { today, until: calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS) } : undefined,
      search: searchTerms(params.q),
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((d) => queueItemView(d, today, calendar)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.sortDate, last.sortFiledAt, last.id) : null,
    };
  }

  /** The tiles above the queue, scoped like the queue (the caller's center; province staff: all or one center). */
  async counts(actor: StaffCaller, centerCode?: string): Promise<QueueCounts> {
    if (actor.centerCode && centerCode && centerCode !== actor.centerCode)
      throw DomainError.forbidden('Bạn chỉ xem được hồ sơ của trung tâm mình.');
    const today = this.clock.today();
    const { calendar } = await this.legal.current();
    const centerCodes = actor.centerCode ? [actor.centerCode] : centerCode ? [centerCode] : null;
    return this.dossiers.counts(centerCodes, today, calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS));
  }
}

/** One count per status plus overdue / due soon, over the caller's center (one SQL statement). */
export type QueueCounts = Awaited<ReturnType<DossierRepository['counts']>>;

function searchTerms(q?: string) {
  if (!q) return undefined;
  const term = q.trim();
  if (/^\d{12}$/.test(term)) return { personalId: term };
  if (/^[A-Z0-9]+-[A-Z0-9-]+-\d{8}-\d{5}$/.test(term.toUpperCase())) return { code: term.toUpperCase() };
  return { name: searchName(term) };
}

function encodeCursor(sortDate: string, filedAt: string, id: string): string {
  return Buffer.from(`${sortDate}|${filedAt}|${id}`).toString('base64url');
}

/** PostgreSQL's text form of a timestamptz (`2026-12-01 02:27:03.123456+00`), as the queue writes it. */
const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

function decodeCursor(cursor: string): { sortDate: string; filedAt: string; id: string } | undefined {
  const [sortDate, filedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // Both parts go into SQL casts (::date, ::uuid): anything those would refuse is refused here, as a 400.
  if (!isIsoDate(sortDate) || !PG_TIMESTAMPTZ.test(filedAt ?? '') || !isUuid(id ?? '')) return undefined;
  return { sortDate, filedAt, id };
}
