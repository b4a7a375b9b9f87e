import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOSSIER_STATUSES, PORTAL_STATUS_CODES } from './dossier-status';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { shippedCalendar } from '../../calendar/shipped-calendar';
import { defaultLegalParameters } from '../../eligibility/domain/default-legal-parameters';
import { LegalRules } from '../../eligibility/domain/legal-rules';
import { assess } from '../../eligibility/domain/benefit-calculator';
import type { AssessmentInput } from '../../eligibility/domain/assessment';
import type { DossierState } from './dossier';
import {
  allowedActions,
  guard,
  missingInput,
  nextStatus,
  StepContext,
  transitionsFrom,
  WORKFLOW,
  WORKFLOW_ACTIONS,
  workflowDiagram,
  workflowEffectsTable,
  contradictsAssessment,
} from './dossier-workflow';

describe('dossier workflow table', () => {
  it('matches docs/api.md row by row', () => {
    const rows = DOSSIER_STATUSES.flatMap((from) =>
      Object.entries(transitionsFrom(from)).map(([action, t]) => `${from} ${action} [${t.roles.join(',')}] -> ${t.to}`),
    );
    expect(rows).toEqual([
      'SUBMITTED receive [receiver] -> RECEIVED',
      'SUBMITTED request_supplement [receiver] -> SUPPLEMENT_REQUESTED',
      'SUBMITTED reject_intake [receiver] -> REJECTED',
      'SUBMITTED withdraw [citizen] -> WITHDRAWN',
      'SUPPLEMENT_REQUESTED supplement [citizen] -> previous',
      'SUPPLEMENT_REQUESTED withdraw [citizen] -> WITHDRAWN',
      'RECEIVED start_review [reviewer] -> IN_REVIEW',
      'RECEIVED withdraw [citizen] -> WITHDRAWN',
      'IN_REVIEW request_supplement [reviewer] -> SUPPLEMENT_REQUESTED',
      'IN_REVIEW complete_review [reviewer] -> REVIEWED',
      'IN_REVIEW withdraw [citizen] -> WITHDRAWN',
      'REVIEWED propose [center_head] -> PROPOSED',
      'REVIEWED return_to_review [center_head] -> IN_REVIEW',
      'REVIEWED withdraw [citizen] -> WITHDRAWN',
      'PROPOSED approve [director] -> APPROVED',
      'PROPOSED deny [director] -> DENIED',
      'PROPOSED withdraw [citizen] -> WITHDRAWN',
      'APPROVED return_result [receiver] -> RESULT_RETURNED',
      'APPROVED revoke_decision [director] -> REVOKED',
      'DENIED return_result [receiver] -> RESULT_RETURNED',
      'DENIED revoke_decision [director] -> REVOKED',
      'RESULT_RETURNED revoke_decision [director] -> REVOKED',
      'RESULT_RETURNED suspend [director] -> RESULT_RETURNED',
      'RESULT_RETURNED resume [director] -> RESULT_RETURNED',
      'RESULT_RETURNED terminate [director] -> RESULT_RETURNED',
    ]);
  });

  it('lets a citizen withdraw exactly before the decision', () => {
    const withdrawable = DOSSIER_STATUSES.filter((s) => transitionsFrom(s).withdraw);
    expect(withdrawable).toEqual([
      'SUBMITTED',
      'SUPPLEMENT_REQUESTED',
      'RECEIVED',
      'IN_REVIEW',
      'REVIEWED',
      'PROPOSED',
    ]);
  });

  it('maps every status to one portal code of docs/domain.md §6', () => {
    expect(PORTAL_STATUS_CODES).toEqual({
      SUBMITTED: 1,
      RECEIVED: 2,
      REJECTED: 3,
      IN_REVIEW: 4,
      REVIEWED: 4,
      PROPOSED: 4,
      SUPPLEMENT_REQUESTED: 5,
      WITHDRAWN: 7,
      APPROVED: 9,
      DENIED: 9,
      RESULT_RETURNED: 10,
      REVOKED: 8,
    });
  });

  it('keeps docs/workflow.md in step with the table', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'workflow.md'), 'utf8');
    expect(doc).toContain('```mermaid\n' + workflowDiagram(DOSSIER_STATUSES) + '```');
    expect(doc).toContain(workflowEffectsTable());
  });

  describe('guard', () => {
    it('walks every row of the table', () => {
      for (const status of DOSSIER_STATUSES) {
        for (const [action, t] of Object.entries(transitionsFrom(status))) {
          for (const role of t.roles) {
            const outcome = guard(action as never, status, 'DNA-BH', {
              role,
              centerCode: role === 'citizen' ? null : 'DNA-BH',
            });
            expect(outcome).toEqual({ ok: true, transition: t });
          }
        }
      }
    });

    it('refuses a role that never takes the action, another center, and the wrong moment', () => {
      expect(guard('approve', 'PROPOSED', 'DNA-BH', { role: 'center_head', centerCode: 'DNA-BH' })).toEqual({
        ok: false,
        reason: 'role',
      });
      expect(guard('receive', 'SUBMITTED', 'DNA-BH', { role: 'receiver', centerCode: 'DNA-DX' })).toEqual({
        ok: false,
        reason: 'center',
      });
      expect(guard('receive', 'RECEIVED', 'DNA-BH', { role: 'receiver', centerCode: 'DNA-BH' })).toEqual({
        ok: false,
        reason: 'status',
      });
      expect(guard('approve', 'PROPOSED', 'DNA-DX', { role: 'director', centerCode: null }).ok).toBe(true);
    });

    it('offers as buttons exactly the actions the guard allows', () => {
      for (const status of DOSSIER_STATUSES) {
        const actions = allowedActions(status, 'DNA-BH', { role: 'receiver', centerCode: 'DNA-BH' });
        expect(actions).toEqual(WORKFLOW_ACTIONS.filter((a) => transitionsFrom(status)[a]?.roles.includes('receiver')));
      }
    });
  });

  describe('effects of every row (apply is pure; the table says what each step issues, holds and revokes)', () => {
    const calendar = new WorkingCalendar(shippedCalendar());
    const rules = new LegalRules(defaultLegalParameters());
    // 24 months at 10,000,000 up to the termination on 2025-12-31, filed on 2026-01-05: eligible under VN-2025.
    const input: AssessmentInput = {
      terminationDate: '2025-12-31',
      filingDate: '2026-01-05',
      terminationReason: 'contract_expired',
      contractType: 'indefinite',
      salaryRegime: 'employer',
      zone: 'I',
      contributions: Array.from({ length: 24 }, (_, i) => ({
        month: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        salary: 10_000_000,
      })),
    };
    const eligibleAssessment = {
      input,
      output: assess(input, rules, calendar),
      assessedAt: '2026-01-05T03:00:00.000Z',
    };
    const base: DossierState = {
      id: '00000000-0000-4000-8000-000000000001',
      code: 'DNA-BH-20260105-0001',
      personalId: '075192104729',
      centerCode: 'DNA-BH',
      portalDossierCode: null,
      status: 'SUBMITTED',
      version: 3,
      flags: ['filed_late'],
      terminationDate: '2025-12-31',
      dueDate: '2026-02-03',
      clockPausedRemaining: null,
      supplement: null,
      review: null,
      assessment: eligibleAssessment,
      application: { contractType: 'indefinite' },
    };
    const context = (action: keyof typeof WORKFLOW, dossier: DossierState, extra: Partial<StepContext> = {}) =>
      ({
        dossier,
        input: {
          action,
          note: 'ghi chú',
          items: ['Bản sao hợp đồng'],
          reason: 'Lý do đầy đủ',
          recommendation: 'approve',
        },
        actor: { subject: 'tiepnhan.bh' },
        now: '2026-01-05T03:00:00.000Z',
        today: '2026-01-05',
        rules,
        calendar,
        facts: {
          reemployment: { checkedAt: '2026-01-05T03:00:00.000Z', contributedAfterTermination: false, months: [] },
          attachmentKinds: ['termination_proof'],
          decisionAssessment: eligibleAssessment.output,
        },
        ...extra,
      }) satisfies StepContext;

    it('applies every row from every status it starts in without touching the status or the input', () => {
      for (const action of WORKFLOW_ACTIONS) {
        for (const from of Object.keys(WORKFLOW[action].from) as (typeof DOSSIER_STATUSES)[number][]) {
          const dossier = { ...base, status: from };
          const ctx = context(action, dossier);
          const frozen = JSON.stringify(ctx.dossier);
          const result = WORKFLOW[action].apply(ctx);
          expect(result.change).not.toHaveProperty('status');
          expect(JSON.stringify(ctx.dossier)).toBe(frozen);
          expect(DOSSIER_STATUSES).toContain(nextStatus(WORKFLOW[action], dossier));
        }
      }
    });

    it('receive: the due date is the 20th working day after the day of receipt (clock runs from receipt)', () => {
      // 2026-01-05 (Mon) + 20 working days; 2026 has no holiday between 5/1 and 2/2, but Sat 10/1 is a working day.
      const { change } = WORKFLOW.receive.apply(context('receive', base));
      expect(change.receivedAt).toBe('2026-01-05T03:00:00.000Z');
      expect(change.dueDate).toBe(calendar.addWorkingDays('2026-01-05', 20));
    });

    it('request_supplement pauses the clock with the working days left and remembers where it came from', () => {
      const { change, data } = WORKFLOW.request_supplement.apply(
        context('request_supplement', { ...base, status: 'IN_REVIEW' }),
      );
      expect(change.supplement).toMatchObject({
        fromStatus: 'IN_REVIEW',
        items: ['Bản sao hợp đồng'],
        by: 'tiepnhan.bh',
      });
      expect(change.clockPausedRemaining).toBe(calendar.workingDaysBetween('2026-01-05', '2026-02-03'));
      expect(data).toEqual({ items: ['Bản sao hợp đồng'], dueDate: '2026-01-16' });
    });

    it('request_supplement records the last day to answer: 10 working days after the request (service parameter)', () => {
      // Requested Mon 05/01/2026; working days 6, 7, 8, 9, 10 (Saturday worked in lieu), 12, 13, 14, 15, 16.
      const { change } = WORKFLOW.request_supplement.apply(
        context('request_supplement', { ...base, status: 'SUBMITTED' }),
      );
      expect(change.supplement).toMatchObject({ dueDate: '2026-01-16' });
    });

    it('supplement leads back to the interrupted status and restarts the clock from today', () => {
      const waiting: DossierState = {
        ...base,
        status: 'SUPPLEMENT_REQUESTED',
        clockPausedRemaining: 7,
        supplement: { requestedAt: 'x', items: ['a'], note: null, fromStatus: 'IN_REVIEW', by: 'thamdinh.bh' },
      };
      expect(nextStatus(WORKFLOW.supplement, waiting)).toBe('IN_REVIEW');
      const { change } = WORKFLOW.supplement.apply(context('supplement', waiting));
      expect(change).toEqual({
        supplement: null,
        dueDate: calendar.addWorkingDays('2026-01-05', 7),
        clockPausedRemaining: null,
      });
    });

    it('complete_review records the recommendation and flags contributions after the termination', () => {
      const reemployment = { checkedAt: 't', contributedAfterTermination: true, months: [{ month: '2026-01' }] };
      const { change } = WORKFLOW.complete_review.apply(
        context('complete_review', { ...base, status: 'IN_REVIEW' }, { facts: { reemployment } }),
      );
      expect(change.review).toMatchObject({ recommendation: 'approve', reemployment });
      expect(change.flags).toEqual(['filed_late', 'reemployed']);
      expect(WORKFLOW.complete_review.loads).toEqual(['reemployment']);
    });

    const unmetOf = (action: keyof typeof WORKFLOW, ctx: StepContext) =>
      (WORKFLOW[action].checks ?? []).flatMap((c) => c.unmet(ctx) ?? []);

    it('receive needs the proof of termination (Luật Việc làm 74/2025 Điều 40; NĐ 374/2025): 422 naming the missing document', () => {
      expect(eligibleAssessment.output.eligible).toBe(true);
      const without = unmetOf('receive', context('receive', base, { facts: { attachmentKinds: ['other'] } }));
      expect(without).toEqual([expect.objectContaining({ field: 'attachments', code: 'missing_document' })]);
      expect(without[0].message).toContain('chấm dứt hợp đồng');
      expect(
        unmetOf('receive', context('receive', base, { facts: { attachmentKinds: ['termination_proof'] } })),
      ).toEqual([]);
      // A dossier received in 2025 (VN-2013, NĐ 28/2015 Điều 16) also needed the social-insurance book.
      const in2025 = context('receive', base, {
        today: '2025-12-15',
        facts: { attachmentKinds: ['termination_proof'] },
      });
      expect(
        unmetOf('receive', in2025)
          .map((e) => e.message)
          .join(),
      ).toContain('sổ bảo hiểm xã hội');
    });

    it('approve is decided under the rules of the decision day (Luật Việc làm 74/2025 Điều 55 k.4) and needs a benefit', () => {
      const reassessed = assess({ ...input, decisionDate: '2026-01-20' }, rules, calendar);
      const ok = context('approve', { ...base, status: 'PROPOSED' }, { facts: { decisionAssessment: reassessed } });
      expect(unmetOf('approve', ok)).toEqual([]);
      const { change, data } = WORKFLOW.approve.apply(ok);
      expect(change.assessment?.output).toBe(reassessed);
      expect(change.assessment?.reassessedAtDecision?.previousOutput).toBe(eligibleAssessment.output);
      expect(data).toMatchObject({ regime: 'VN-2025', decisionDate: '2026-01-20' });

      // Filed more than 3 months after the termination: the rules reject it, so no approval, whatever was proposed.
      const late = assess({ ...input, filingDate: '2026-05-04', decisionDate: '2026-05-20' }, rules, calendar);
      expect(late.eligible).toBe(false);
      const refused = unmetOf(
        'approve',
        context('approve', { ...base, status: 'PROPOSED' }, { facts: { decisionAssessment: late } }),
      );
      expect(refused).toEqual([expect.objectContaining({ field: 'assessment', code: 'not_eligible_at_decision' })]);
    });

    it('a review that goes against the assessment needs its reason in the note', () => {
      expect(contradictsAssessment('approve', false)).toBe(true);
      expect(contradictsAssessment('deny', true)).toBe(true);
      expect(contradictsAssessment('approve', true)).toBe(false);
      expect(contradictsAssessment('deny', false)).toBe(false);
      const ineligible: DossierState = {
        ...base,
        assessment: { ...eligibleAssessment, output: { ...eligibleAssessment.output, eligible: false } },
      };
      expect(
        missingInput(WORKFLOW.complete_review, {
          dossier: ineligible,
          input: { action: 'complete_review', recommendation: 'approve' },
        }),
      ).toEqual([expect.objectContaining({ field: 'note', code: 'required' })]);
      expect(
        missingInput(WORKFLOW.complete_review, {
          dossier: ineligible,
          input: { action: 'complete_review', recommendation: 'deny' },
        }),
      ).toEqual([]);
    });

    it('names the document each step issues, and holds the portal event only for decisions', () => {
      const effects = Object.fromEntries(
        WORKFLOW_ACTIONS.map((a) => [
          a,
          [
            WORKFLOW[a].document ?? '-',
            WORKFLOW[a].awaitsDocument ? 'held' : '-',
            WORKFLOW[a].revokesDecision ? 'revokes' : '-',
          ].join(' '),
        ]),
      );
      expect(effects).toEqual({
        receive: 'receipt - -',
        request_supplement: 'supplement-request - -',
        reject_intake: 'intake-refusal - -',
        supplement: '- - -',
        start_review: '- - -',
        complete_review: '- - -',
        propose: '- - -',
        return_to_review: '- - -',
        approve: 'decision-approval held -',
        deny: 'decision-refusal held -',
        return_result: '- - -',
        revoke_decision: '- - revokes',
        withdraw: '- - -',
        suspend: 'decision-suspension - -',
        resume: 'decision-resumption - -',
        terminate: 'decision-termination - -',
      });
    });

    it('benefit steps (Luật Việc làm 74/2025 Điều 41): their effect, the benefit states they need, and their data', () => {
      const benefitRows = Object.fromEntries(
        WORKFLOW_ACTIONS.filter((a) => WORKFLOW[a].benefit).map((a) => [a, WORKFLOW[a].benefit]),
      );
      expect(benefitRows).toEqual({
        return_result: { effect: 'start' },
        suspend: { effect: 'suspend', from: ['active', 'suspended'] },
        resume: { effect: 'resume', from: ['suspended'] },
        terminate: { effect: 'terminate', from: ['not_started', 'active', 'suspended'] },
      });
      const data = { event: 'terminated', terminationReason: 'new_job', reservedMonths: 24 };
      const returned = { ...base, status: 'RESULT_RETURNED' as const };
      expect(
        WORKFLOW.terminate.apply(context('terminate', returned, { facts: { benefit: { state: 'active', data } } })),
      ).toEqual({ change: {}, data });
      const blank = { dossier: returned, input: { action: 'terminate' as const } };
      expect(missingInput(WORKFLOW.terminate, blank).map((e) => e.field)).toEqual([
        'terminationReason',
        'effectiveDate',
      ]);
    });

    it('requires the input each step needs, and the override reason only when the review found re-employment', () => {
      const blank = (action: keyof typeof WORKFLOW) => ({ dossier: base, input: { action, reason: '  ', items: [] } });
      expect(missingInput(WORKFLOW.deny, blank('deny')).map((e) => e.field)).toEqual(['reason']);
      expect(missingInput(WORKFLOW.reject_intake, blank('reject_intake')).map((e) => e.field)).toEqual(['reason']);
      expect(missingInput(WORKFLOW.revoke_decision, blank('revoke_decision')).map((e) => e.field)).toEqual(['reason']);
      expect(missingInput(WORKFLOW.request_supplement, blank('request_supplement')).map((e) => e.field)).toEqual([
        'items',
      ]);
      expect(missingInput(WORKFLOW.complete_review, blank('complete_review')).map((e) => e.field)).toEqual([
        'recommendation',
      ]);
      expect(missingInput(WORKFLOW.approve, blank('approve'))).toEqual([]);
      const reemployed: DossierState = {
        ...base,
        review: {
          recommendation: 'approve',
          note: null,
          completedAt: 't',
          by: 'r',
          reemployment: { checkedAt: 't', contributedAfterTermination: true, months: [] },
        },
      };
      expect(missingInput(WORKFLOW.approve, { dossier: reemployed, input: { action: 'approve' } })).toEqual([
        expect.objectContaining({ field: 'overrideReason', code: 'required' }),
      ]);
    });
  });
});
