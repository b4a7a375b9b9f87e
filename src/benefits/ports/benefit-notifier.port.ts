import type { EntityManager } from 'typeorm';

export const BENEFIT_NOTIFIER = Symbol('BENEFIT_NOTIFIER');

/** The reminders of the benefit period, as templates of the notifications module (bound in the application module). */
export type BenefitReminder = 'notice_window_open' | 'notice_window_closing';

/**
 * How the benefits module tells a citizen, without importing the notifications module: it implements this port and
 * the application module binds it. `dedupeKey` makes a reminder once only, however often the schedule runs.
 */
export interface BenefitNotifier {
  remind(
    em: EntityManager,
    personalId: string,
    reminder: BenefitReminder,
    data: { dossierId: string; month: number; from: string; to: string },
    dedupeKey: string,
  ): Promise<void>;
}
