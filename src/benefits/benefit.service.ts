import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { assertDossierAccess } from '../dossiers/domain/dossier-access';
import { DossierReader } from '../dossiers/dossier-reader';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service';
import type { DossierRecord } from '../dossiers/dossier.repository';
import type { DocumentSummary } from '../dossiers/dossier-views';
import { DOSSIER_DOCUMENTS, DossierDocuments } from '../dossiers/ports/dossier-documents.port';
import { type Caller, systemCaller } from '../identity/caller';
import { CLOCK, Clock, vietnamDate } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { BenefitRepository, BenefitRow, MonthRow, NewJobEvidence, NoticeChannel } from './benefit.repository';
import {
  benefitStatus,
  BenefitStatus,
  checkNoticeDate,
  monthState,
  monthsToMarkMissed,
  nextNotice,
  TERMINATION_REASON_LAW,
  thirdConsecutiveMissedMonth,
  threeMissedEffectiveDate,
} from './domain/benefit-period';
import type { JobSearchNoticeDto, PortalJobSearchNoticeDto } from './dto/job-search-notice.dto';

/** The stored kinds of the Director's decisions during the benefit (`decision-suspension-<seq>`, ...). */
const BENEFIT_DECISION = /^decision-(suspension|resumption|termination)-\d+$/;

const SYSTEM = systemCaller('benefits.schedule');

/**
 * The benefit period of an approved dossier (docs/benefits.md): started when the result is returned (through the
 * DOSSIER_BENEFITS port of the workflow), monthly job-search notices from the citizen, the portal or the counter,
 * closed windows marked missed with proposals for the Director, and the Director's suspension, resumption and
 * termination decisions (workflow rows whose effect lands here).
 */
@Injectable()
export class BenefitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly benefits: BenefitRepository,
    private readonly dossiers: DossierReader,
    private readonly workflow: DossierWorkflowService,
    @Inject(DOSSIER_DOCUMENTS) private readonly documents: DossierDocuments,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // ---- reading ----

  /** The dossier as `dossierAccess` lets the caller see it (a citizen's own, 404 otherwise; staff of its center). */
  async accessibleDossier(actor: Caller, id: string): Promise<DossierRecord> {
    return assertDossierAccess(actor, await this.dossiers.find(id), 'read');
  }

  async view(actor: Caller, dossierId: string) {
    await this.accessibleDossier(actor, dossierId);
    const benefit = await this.benefits.find(dossierId);
    if (!benefit) throw DomainError.notFound('Hồ sơ chưa có chế độ hưởng trợ cấp (chưa trả kết quả quyết định hưởng).');
    const { documents } = await this.documents.forDossier(dossierId);
    return this.present(
      benefit,
      await this.benefits.months(dossierId),
      this.clock.today(),
      documents.filter((d) => BENEFIT_DECISION.test(d.kind)),
    );
  }

  present(b: BenefitRow, months: MonthRow[], today: string, documents: DocumentSummary[] = []) {
    const facts = months.map((m) => ({ ...m, notified: m.notice !== null }));
    const status: BenefitStatus = benefitStatus(b.status, months, today);
    const running = status === 'active' || status === 'suspended' || status === 'not_started';
    return {
      dossierId: b.dossierId,
      /** The service's calendar day (the sandbox clock may move it): countdowns are counted from it. */
      today,
      status,
      monthlyBenefit: b.monthlyBenefit,
      benefitMonths: b.benefitMonths,
      reservedMonths: b.reservedMonths ?? b.reservedAfterBenefit,
      resultReturnedOn: b.resultReturnedOn,
      nextNotice: running ? nextNotice(facts, today) : null,
      months: facts.map((m) => ({
        month: m.month,
        from: m.from,
        to: m.to,
        noticeWindow: m.noticeWindow,
        notice: m.notice
          ? { filedAt: m.notice.filedAt, channel: m.notice.channel, receiptNumber: m.notice.receiptNumber }
          : null,
        state: monthState(m, today),
      })),
      termination: b.terminationReason
        ? {
            reason: b.terminationReason,
            legalBasis: `Điểm ${TERMINATION_REASON_LAW[b.terminationReason].point} khoản 4 Điều 41 Luật Việc làm số 74/2025/QH15`,
            effectiveDate: b.terminationEffectiveDate,
            reservedMonths: b.reservedMonths ?? 0,
          }
        : null,
      documents,
    };
  }

  // ---- notices ----

  /** A notice from the citizen (online) or a receiver at the counter. */
  async fileNotice(actor: Caller, dossierId: string, body: JobSearchNoticeDto, channel: 'online' | 'counter') {
    const dossier = await this.accessibleDossier(actor, dossierId);
    const result = await this.record(dossier, actor, body, { channel, filedAt: this.clock.now() });
    return result.notice;
  }

  /** A notice submitted on Cổng DVCQG; idempotent on portalNoticeCode (a repeat returns the first, `created: false`). */
  async filePortalNotice(actor: Caller, body: PortalJobSearchNoticeDto) {
    const existing = await this.benefits.noticeByPortalCode(body.portalNoticeCode);
    if (existing) {
      if (existing.personalId !== body.personalId || existing.month !== body.month)
        throw DomainError.conflict('Mã thông báo của Cổng đã dùng cho một thông báo khác.', {
          portalNoticeCode: body.portalNoticeCode,
        });
      return { created: false, notice: this.noticeView(existing) };
    }
    const benefit = await this.benefits.findCurrentFor(body.personalId);
    const dossier = benefit && (await this.dossiers.find(benefit.dossierId));
    if (!benefit || !dossier)
      throw DomainError.notFound('Không tìm thấy người hưởng trợ cấp thất nghiệp với số định danh này.');
    // The window is judged on the day the citizen submitted it on the portal (its own record of the time).
    const filedAt = new Date(body.submittedAt);
    if (Number.isNaN(filedAt.getTime()))
      throw DomainError.validation([
        { field: 'submittedAt', code: 'invalid_date', message: 'Thời điểm nộp không hợp lệ.' },
      ]);
    if (filedAt.getTime() > this.clock.now().getTime() + 5 * 60_000)
      throw DomainError.validation([
        { field: 'submittedAt', code: 'in_future', message: 'Thời điểm nộp không được sau thời điểm hiện tại.' },
      ]);
    return this.record(dossier, actor, body, {
      channel: 'portal',
      filedAt,
      portalNoticeCode: body.portalNoticeCode,
    });
  }

  private noticeView(n: {
    id: string;
    dossierId: string;
    month: number;
    channel: NoticeChannel;
    filedAt: string;
    receiptNumber: string;
  }) {
    return {
      id: n.id,
      dossierId: n.dossierId,
      month: n.month,
      channel: n.channel,
      filedAt: n.filedAt,
      receiptNumber: n.receiptNumber,
    };
  }

  private async record(
    dossier: DossierRecord,
    actor: Caller,
    body: JobSearchNoticeDto,
    how: { channel: NoticeChannel; filedAt: Date; portalNoticeCode?: string },
  ) {
    const filedOn = vietnamDate(how.filedAt);
    return this.dataSource.transaction(async (em) => {
      const benefit = await this.benefits.find(dossier.id, em, true);
      if (!benefit)
        throw DomainError.notFound('Hồ sơ chưa có chế độ hưởng trợ cấp (chưa trả kết quả quyết định hưởng).');
      if (benefit.status === 'terminated' || benefit.status === 'transferred')
        throw DomainError.conflict('Chế độ hưởng trợ cấp đã chấm dứt; không nhận thông báo tìm kiếm việc làm.', {
          benefitStatus: benefit.status,
        });
      const months = await this.benefits.months(dossier.id, em);
      const month = months.find((m) => m.month === body.month);
      if (!month)
        throw DomainError.validation([
          { field: 'month', code: 'invalid_value', message: `Tháng hưởng phải từ 1 đến ${months.length}.` },
        ]);
      if (month.notice)
        throw DomainError.conflict(`Bạn đã thông báo tìm kiếm việc làm cho tháng hưởng thứ ${body.month}.`, {
          month: body.month,
          filedAt: month.notice.filedAt,
        });
      const check = checkNoticeDate(month.noticeWindow, filedOn);
      if (!check.ok)
        throw DomainError.unprocessable('Ngoài thời hạn thông báo tìm kiếm việc làm của tháng này.', [
          {
            field: 'month',
            code: 'outside_notice_window',
            message: `Thông báo tháng hưởng thứ ${body.month} chỉ được nhận từ ngày ${vn(check.window.from)} đến ngày ${vn(check.window.to)}.`,
          },
        ]);
      const notice = {
        id: randomUUID(),
        dossierId: dossier.id,
        month: body.month,
        channel: how.channel,
        filedAt: how.filedAt.toISOString(),
        filedOn,
        activities: body.activities.map((a) => ({ ...a })),
        note: body.note ?? null,
        portalNoticeCode: how.portalNoticeCode ?? null,
        receiptNumber: `${dossier.code}-TB${String(body.month).padStart(2, '0')}`,
      };
      if (
        !(await this.benefits.insertNotice(em, { ...notice, centerCode: benefit.centerCode, filedBy: actor.subject }))
      )
        throw DomainError.conflict(`Bạn đã thông báo tìm kiếm việc làm cho tháng hưởng thứ ${body.month}.`, {
          month: body.month,
        });
      await this.workflow.recordBenefitEvent(em, dossier, actor, {
        action: 'job_search_notice',
        occurredAt: notice.filedAt,
        data: {
          event: 'job_search_notice',
          month: body.month,
          channel: how.channel,
          receiptNumber: notice.receiptNumber,
        },
      });
      // Điều 41 k.3: a notice in a later month, while months remain, resumes the suspended benefit (Director decides).
      const lastSuspended = Math.max(0, ...months.filter((m) => m.outcome === 'suspended').map((m) => m.month));
      if (benefit.status === 'suspended' && body.month > lastSuspended) {
        await this.benefits.propose(em, {
          id: randomUUID(),
          dossierId: dossier.id,
          centerCode: benefit.centerCode,
          kind: 'resume',
          month: body.month,
          terminationReason: null,
          effectiveDate: month.from,
          evidence: { noticeId: notice.id, receiptNumber: notice.receiptNumber },
          proposedOn: this.clock.today(),
          proposedAt: this.clock.now(),
        });
      }
      return { created: true, notice: this.noticeView(notice) };
    });
  }

  // ---- scheduled work ----

  /**
   * Marks every window closed before `today` without a notice as missed, proposes its suspension (Điều 41 k.2) and,
   * at the third consecutive month without a notice, the termination (k.4 đ). Idempotent: a month is marked once
   * (under the benefit's row lock) and proposals are unique per dossier, kind, month and reason.
   */
  async closeWindows(today: string): Promise<number> {
    let marked = 0;
    for (;;) {
      const ids = await this.benefits.withClosedWindows(today, 200);
      if (!ids.length) return marked;
      for (const id of ids) marked += await this.closeWindowsOf(id, today);
    }
  }

  private async closeWindowsOf(dossierId: string, today: string): Promise<number> {
    const dossier = await this.dossiers.find(dossierId);
    if (!dossier) return 0;
    return this.dataSource.transaction(async (em) => {
      const benefit = await this.benefits.find(dossierId, em, true);
      if (!benefit || (benefit.status !== 'active' && benefit.status !== 'suspended')) return 0;
      const months = await this.benefits.months(dossierId, em);
      const facts = months.map((m) => ({ ...m, notified: m.notice !== null }));
      const missed = monthsToMarkMissed(facts, today);
      const at = this.clock.now();
      await this.benefits.setOutcome(em, dossierId, missed, 'missed', at);
      for (const month of missed) {
        const m = months.find((x) => x.month === month)!;
        await this.workflow.recordBenefitEvent(em, dossier, SYSTEM, {
          action: 'notice_missed',
          occurredAt: at.toISOString(),
          note: `Không thông báo tìm kiếm việc làm tháng hưởng thứ ${month} (hạn ${vn(m.noticeWindow.to)}): đề xuất tạm dừng hưởng.`,
          data: { event: 'notice_missed', month, noticeWindow: m.noticeWindow },
        });
        await this.benefits.propose(em, {
          id: randomUUID(),
          dossierId,
          centerCode: benefit.centerCode,
          kind: 'suspend',
          month,
          terminationReason: null,
          effectiveDate: m.from,
          evidence: { noticeWindow: m.noticeWindow },
          proposedOn: today,
          proposedAt: at,
        });
      }
      const after = facts.map((m) => (missed.includes(m.month) ? { ...m, outcome: 'missed' as const } : m));
      const third = thirdConsecutiveMissedMonth(after);
      if (third !== null) {
        const m = months.find((x) => x.month === third)!;
        await this.benefits.propose(em, {
          id: randomUUID(),
          dossierId,
          centerCode: benefit.centerCode,
          kind: 'terminate',
          month: 0,
          terminationReason: 'three_missed_notices',
          effectiveDate: threeMissedEffectiveDate(m.noticeWindow),
          evidence: { months: after.filter((x) => x.month <= third && x.month > third - 3).map((x) => x.month) },
          proposedOn: today,
          proposedAt: at,
        });
      }
      return missed.length;
    });
  }

  /** Proposes a termination for a new job (Điều 41 k.4 a), idempotently; used by the re-employment sweep. */
  async proposeTermination(
    benefit: BenefitRow,
    reason: 'new_job',
    effectiveDate: string,
    evidence: NewJobEvidence,
  ): Promise<boolean> {
    return this.dataSource.transaction((em) =>
      this.benefits.propose(em, {
        id: randomUUID(),
        dossierId: benefit.dossierId,
        centerCode: benefit.centerCode,
        kind: 'terminate',
        month: 0,
        terminationReason: reason,
        effectiveDate,
        evidence,
        proposedOn: this.clock.today(),
        proposedAt: this.clock.now(),
      }),
    );
  }
}

export function vn(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
