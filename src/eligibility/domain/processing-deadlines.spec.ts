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
    expect(processingDueDate('2026-02-10', rules, calendar)).toBe('2026-03-17');
  });

  it('checks employment within 10 working days under VN-2025 (Luật 74/2025), whatever the termination date', () => {
    // Filed Mon 17/08/2026: 18–21/08 (4), Sat 22/08 worked (5), 24–28/08 (10).
    expect(employmentCheckDeadline('2026-08-17', rules, calendar)).toBe('2026-08-28');
  });

  it('checks employment within 15 working days for a decision made in 2025 (Luật 38/2013 Điều 49 k.4)', () => {
    // Filed Mon 18/08/2025: 19–22/08 (4), 25–29/08 (9), 1–2/09 Quốc khánh, 3–5/09 (12), 8–10/09 (15).
    expect(employmentCheckDeadline('2025-08-18', rules, calendar)).toBe('2025-09-10');
    // The same filing decided on 2026-01-05 is a VN-2025 decision: 10 working days.
    // 19–22/08 (4), 25–29/08 (9), 03/09 (10).
    expect(employmentCheckDeadline('2025-08-18', rules, calendar, '2026-01-05')).toBe('2025-09-03');
  });
});
