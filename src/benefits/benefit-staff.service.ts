import { Injectable } from '@nestjs/common';
import { isIsoDate } from '../calendar/iso-date';
import type { StaffCaller } from '../identity/caller';
import { DossierReader } from '../dossiers/dossier-reader';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service';
import { DomainError } from '../platform/errors/domain-error';
import { BenefitRepository } from './benefit.repository';

const LIMIT = 200;

/** Staff queues, the Director's batch decision and the benefit report. */
@Injectable()
export class BenefitStaffService {
  constructor(
    private readonly benefits: BenefitRepository,
    private readonly dossiers: DossierReader,
    private readonly workflow: DossierWorkflowService,
  ) {}

  /** Center staff see their center; the Director (no center) the whole province. */
  private center(actor: StaffCaller): string | null {
    return actor.centerCode;
  }

  notices(actor: StaffCaller) {
    return this.benefits.recentNotices(this.center(actor), LIMIT);
  }

  missed(actor: StaffCaller) {
    return this.benefits.missedMonths(this.center(actor), LIMIT);
  }

  proposals(actor: StaffCaller, date?: string) {
    if (date !== undefined && !isIsoDate(date))
      throw DomainError.validation([{ field: 'date', code: 'invalid_date', message: 'Ngày phải có dạng YYYY-MM-DD.' }]);
    return this.benefits.pendingProposals({ centerCode: this.center(actor), on: date, limit: LIMIT });
  }

  /**
   * The Director decides proposals in a batch: each is taken as its own workflow action (suspend, resume or
   * terminate with the proposal's reason and date), so each gets its own signed decision, history and portal event.
   * One that can no longer be taken (stale, already decided) is reported, not fatal to the others.
   */
  async decideBatch(actor: StaffCaller, raw: { ids?: unknown; date?: unknown } | null) {
    const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
    const ids = Array.isArray(body.ids) ? body.ids.filter((x): x is string => typeof x === 'string') : null;
    const date = typeof body.date === 'string' ? body.date : undefined;
    if (!ids && !date)
      throw DomainError.validation([
        { field: 'ids', code: 'required', message: 'Cần nêu các đề xuất (ids) hoặc ngày đề xuất (date).' },
      ]);
    if (date !== undefined && !isIsoDate(date))
      throw DomainError.validation([{ field: 'date', code: 'invalid_date', message: 'Ngày phải có dạng YYYY-MM-DD.' }]);
    if (ids && ids.length > LIMIT)
      throw DomainError.validation([{ field: 'ids', code: 'too_many', message: `Tối đa ${LIMIT} đề xuất mỗi lần.` }]);
    const pending = await this.benefits.pendingProposals({ on: date, limit: 1000 });
    const chosen = ids ? pending.filter((p) => ids.includes(p.id)) : pending;
    const results = [];
    for (const p of chosen) {
      const dossier = await this.dossiers.find(p.dossierId);
      if (!dossier) continue;
      try {
        await this.workflow.act(actor, p.dossierId, {
          action: p.kind,
          expectedVersion: dossier.version,
          ...(p.kind === 'terminate'
            ? { terminationReason: p.terminationReason!, effectiveDate: p.effectiveDate! }
            : {}),
        });
        results.push({ id: p.id, dossierId: p.dossierId, kind: p.kind, outcome: 'decided' });
      } catch (error) {
        results.push({
          id: p.id,
          dossierId: p.dossierId,
          kind: p.kind,
          outcome: 'failed',
          detail: (error as Error).message,
        });
      }
    }
    return { decided: results.filter((r) => r.outcome === 'decided').length, results };
  }

  report(actor: StaffCaller, from?: string, to?: string) {
    const errors = [];
    if (from !== undefined && !isIsoDate(from))
      errors.push({ field: 'from', code: 'invalid_date', message: 'Ngày phải có dạng YYYY-MM-DD.' });
    if (to !== undefined && !isIsoDate(to))
      errors.push({ field: 'to', code: 'invalid_date', message: 'Ngày phải có dạng YYYY-MM-DD.' });
    if (errors.length) throw DomainError.validation(errors);
    return this.benefits.report(from ?? '2000-01-01', to ?? '2999-12-31', this.center(actor));
  }
}
