import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOSSIER_STATUSES, PORTAL_STATUS_CODES } from './dossier-status';
import { allowedActions, guard, WORKFLOW, WORKFLOW_ACTIONS, workflowDiagram } from './dossier-workflow';

describe('dossier workflow table', () => {
  it('matches API.md row by row', () => {
    const rows = Object.entries(WORKFLOW).flatMap(([from, actions]) =>
      Object.entries(actions).map(([action, t]) => `${from} ${action} [${t!.roles.join(',')}] -> ${t!.to}`),
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
      'IN_REVIEW complete_review [reviewer] -> REVIEWED',
      'IN_REVIEW request_supplement [reviewer] -> SUPPLEMENT_REQUESTED',
      'IN_REVIEW withdraw [citizen] -> WITHDRAWN',
      'REVIEWED propose [center_head] -> PROPOSED',
      'REVIEWED return_to_review [center_head] -> IN_REVIEW',
      'REVIEWED withdraw [citizen] -> WITHDRAWN',
      'PROPOSED approve [director] -> APPROVED',
      'PROPOSED deny [director] -> DENIED',
      'PROPOSED withdraw [citizen] -> WITHDRAWN',
      'APPROVED return_result [receiver] -> RESULT_RETURNED',
      'DENIED return_result [receiver] -> RESULT_RETURNED',
    ]);
  });

  it('lets a citizen withdraw exactly before the decision', () => {
    const withdrawable = DOSSIER_STATUSES.filter((s) => WORKFLOW[s].withdraw);
    expect(withdrawable).toEqual([
      'SUBMITTED',
      'SUPPLEMENT_REQUESTED',
      'RECEIVED',
      'IN_REVIEW',
      'REVIEWED',
      'PROPOSED',
    ]);
  });

  it('maps every status to one portal code of DOMAIN.md §6', () => {
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
    });
  });

  it('keeps docs/workflow.md in step with the table', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'workflow.md'), 'utf8');
    expect(doc).toContain('```mermaid\n' + workflowDiagram() + '```');
  });

  describe('guard', () => {
    it('walks every row of the table', () => {
      for (const status of DOSSIER_STATUSES) {
        for (const [action, t] of Object.entries(WORKFLOW[status])) {
          for (const role of t!.roles) {
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
        expect(actions).toEqual(WORKFLOW_ACTIONS.filter((a) => WORKFLOW[status][a]?.roles.includes('receiver')));
      }
    });
  });
});
