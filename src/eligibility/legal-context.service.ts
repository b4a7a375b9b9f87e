import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '../calendar/working-calendar';
import { WorkingCalendarRepository } from '../calendar/working-calendar.repository';
import { LegalRules } from './domain/legal-rules';
import { LegalRulesRepository } from './legal-rules.repository';

export interface LegalContext {
  rules: LegalRules;
  calendar: WorkingCalendar;
}

const MAX_AGE_MS = 30_000;

/**
 * The legal figures and working calendar as data, loaded from the database and kept for 30 seconds (or until an
 * administrator changes them), so every request does not re-read two tables.
 */
@Injectable()
export class LegalContextService {
  private cached?: { context: Promise<LegalContext>; loadedAt: number };

  constructor(
    private readonly rules: LegalRulesRepository,
    private readonly calendar: WorkingCalendarRepository,
  ) {}

  current(): Promise<LegalContext> {
    if (!this.cached || Date.now() - this.cached.loadedAt > MAX_AGE_MS) {
      const context = Promise.all([this.rules.loadRules(), this.calendar.loadCalendar()]).then(([rules, calendar]) => ({
        rules,
        calendar,
      }));
      context.catch(() => (this.cached = undefined));
      this.cached = { context, loadedAt: Date.now() };
    }
    return this.cached.context;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
