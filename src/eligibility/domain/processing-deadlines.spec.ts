import { shippedCalendar } from '../../calendar/shipped-calendar';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { defaultLegalParameters } from './default-legal-parameters';
import { LegalRules } from './legal-rules';
import { employmentCheckDeadline, processingDueDate } from './processing-deadlines';

describe('processing deadlines', () => {
  const rules = new LegalRules(defaultLegalParameters());
  const calendar = new WorkingCalendar(shippedCalendar());

  it('gives the decision 20 working days after receipt, across Tết 2026', () => {
    // 11–13/02 (3), 23–27/02 (8), 02–06/03 (13), 09–13/03 (18), 16–17/03 (20)
    expect(processingDueDate('2026-02-10', '2026-01-20', rules, calendar)).toBe('2026-03-17');
  });

  it('checks employment within 10 working days (VN-2025) or 15 (VN-2013)', () => {
    expect(employmentCheckDeadline('2026-08-17', '2026-08-14', rules, calendar)).toBe('2026-08-28');
    expect(employmentCheckDeadline('2026-08-17', '2025-12-31', rules, calendar)).toBe('2026-09-09');
  });
});
