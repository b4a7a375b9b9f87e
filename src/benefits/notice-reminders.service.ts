import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sql } from '../platform/database/sql';
import { BENEFIT_NOTIFIER, BenefitNotifier, BenefitReminder } from './ports/benefit-notifier.port';

/** A notice window of a running benefit that has no notice yet. */
interface OpenWindow {
  dossierId: string;
  personalId: string;
  month: number;
  from: string;
  to: string;
}

/** `YYYY-MM-DD` in Vietnamese order, as the messages print dates. */
const vn = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** The calendar day after `date` (UTC arithmetic on a plain date). */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reminders of the monthly job-search notice (docs/benefits.md): the day before a window opens (or, if that run was
 * missed, while it is open), and the day before it closes, for every month of a running benefit that has no notice
 * yet. Each is sent once (dedupe key per dossier, month and kind), in its own transaction, and a failure to notify
 * never blocks the schedule.
 */
@Injectable()
export class NoticeReminders {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(BENEFIT_NOTIFIER) private readonly notifier?: BenefitNotifier,
  ) {}

  /** Sends what is due on `today`; returns how many reminders were asked for. */
  async run(today: string): Promise<number> {
    if (!this.notifier) return 0;
    const tomorrow = nextDay(today);
    const windows = await sql.rows<OpenWindow>(
      this.dataSource,
      `SELECT m.dossier_id AS "dossierId", b.personal_id AS "personalId", m.month,
              m.notice_from::text AS "from", m.notice_to::text AS "to"
       FROM benefit_month m JOIN benefit b ON b.dossier_id = m.dossier_id
       WHERE b.status IN ('active', 'suspended') AND m.outcome IS NULL
         AND m.notice_from <= $2::date AND m.notice_to >= $1::date
         AND NOT EXISTS (SELECT 1 FROM job_search_notice n WHERE n.dossier_id = m.dossier_id AND n.month = m.month)
       ORDER BY m.notice_to, m.dossier_id`,
      [today, tomorrow],
    );
    let asked = 0;
    for (const w of windows) {
      const due: BenefitReminder[] = ['notice_window_open'];
      if (w.to <= tomorrow) due.push('notice_window_closing');
      for (const reminder of due) {
        await this.dataSource.transaction((em) =>
          this.notifier!.remind(
            em,
            w.personalId,
            reminder,
            { dossierId: w.dossierId, month: w.month, from: vn(w.from), to: vn(w.to) },
            `${reminder}:${w.dossierId}:${w.month}`,
          ),
        );
        asked += 1;
      }
    }
    return asked;
  }
}
