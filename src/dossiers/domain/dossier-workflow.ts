import { DossierStatus } from './dossier-status';

export const STAFF_ROLES = ['receiver', 'reviewer', 'center_head', 'director', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type WorkflowRole = Exclude<StaffRole, 'admin'> | 'citizen';

export const WORKFLOW_ACTIONS = [
  'receive',
  'request_supplement',
  'reject_intake',
  'supplement',
  'start_review',
  'complete_review',
  'propose',
  'return_to_review',
  'approve',
  'deny',
  'return_result',
  'withdraw',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Extra input an action needs; the staff pages draw their form fields from this. */
export type ActionField = 'note' | 'items' | 'reason' | 'recommendation' | 'overrideReason';

export interface Transition {
  roles: readonly WorkflowRole[];
  /** The next status, or 'previous' for the status the supplement request interrupted. */
  to: DossierStatus | 'previous';
  fields: readonly ActionField[];
}

/**
 * THE workflow: status → action → who may do it → next status. Everything else (guards, buttons, the matrix test,
 * the diagram in docs/workflow.md) is derived from this table.
 */
export const WORKFLOW: Readonly<Record<DossierStatus, Partial<Record<WorkflowAction, Transition>>>> = {
  SUBMITTED: {
    receive: { roles: ['receiver'], to: 'RECEIVED', fields: ['note'] },
    request_supplement: { roles: ['receiver'], to: 'SUPPLEMENT_REQUESTED', fields: ['items', 'note'] },
    reject_intake: { roles: ['receiver'], to: 'REJECTED', fields: ['reason'] },
    withdraw: { roles: ['citizen'], to: 'WITHDRAWN', fields: ['note'] },
  },
  SUPPLEMENT_REQUESTED: {
    supplement: { roles: ['citizen'], to: 'previous', fields: ['note'] },
    withdraw: { roles: ['citizen'], to: 'WITHDRAWN', fields: ['note'] },
  },
  RECEIVED: {
    start_review: { roles: ['reviewer'], to: 'IN_REVIEW', fields: ['note'] },
    withdraw: { roles: ['citizen'], to: 'WITHDRAWN', fields: ['note'] },
  },
  IN_REVIEW: {
    complete_review: { roles: ['reviewer'], to: 'REVIEWED', fields: ['recommendation', 'note'] },
    request_supplement: { roles: ['reviewer'], to: 'SUPPLEMENT_REQUESTED', fields: ['items', 'note'] },
    withdraw: { roles: ['citizen'], to: 'WITHDRAWN', fields: ['note'] },
  },
  REVIEWED: {
    propose: { roles: ['center_head'], to: 'PROPOSED', fields: ['note'] },
    return_to_review: { roles: ['center_head'], to: 'IN_REVIEW', fields: ['note'] },
    withdraw: { roles: ['citizen'], to: 'WITHDRAWN', fields: ['note'] },
  },
  PROPOSED: {
    approve: { roles: ['director'], to: 'APPROVED', fields: ['note', 'overrideReason'] },
    deny: { roles: ['director'], to: 'DENIED', fields: ['reason'] },
    withdraw: { roles: ['citizen'], to: 'WITHDRAWN', fields: ['note'] },
  },
  APPROVED: {
    return_result: { roles: ['receiver'], to: 'RESULT_RETURNED', fields: ['note'] },
  },
  DENIED: {
    return_result: { roles: ['receiver'], to: 'RESULT_RETURNED', fields: ['note'] },
  },
  RESULT_RETURNED: {},
  REJECTED: {},
  WITHDRAWN: {},
};

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  receive: 'Tiếp nhận hồ sơ',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  reject_intake: 'Từ chối tiếp nhận',
  supplement: 'Công dân bổ sung hồ sơ',
  start_review: 'Bắt đầu thẩm định',
  complete_review: 'Hoàn thành thẩm định',
  propose: 'Trình Giám đốc Sở',
  return_to_review: 'Trả lại để thẩm định lại',
  approve: 'Quyết định hưởng trợ cấp',
  deny: 'Quyết định không cho hưởng',
  return_result: 'Trả kết quả',
  withdraw: 'Công dân rút hồ sơ',
};

export type GuardOutcome = { ok: true; transition: Transition } | { ok: false; reason: 'role' | 'center' | 'status' };

export interface ActingParty {
  role: WorkflowRole;
  /** Null for province-level staff (the director) and for citizens. */
  centerCode: string | null;
}

/** Roles that act for the whole province rather than one center. */
export const PROVINCE_ROLES: readonly WorkflowRole[] = ['director'];

/**
 * May this party take this action on a dossier in this status at this center? Wrong role → 'role' (403), another
 * center → 'center' (403), right party but wrong moment → 'status' (409).
 */
export function guard(
  action: WorkflowAction,
  status: DossierStatus,
  dossierCenter: string,
  party: ActingParty,
): GuardOutcome {
  const anywhere = Object.values(WORKFLOW).some((actions) => actions[action]?.roles.includes(party.role));
  if (!anywhere) return { ok: false, reason: 'role' };
  if (party.role !== 'citizen' && !PROVINCE_ROLES.includes(party.role) && party.centerCode !== dossierCenter) {
    return { ok: false, reason: 'center' };
  }
  const transition = WORKFLOW[status][action];
  if (!transition || !transition.roles.includes(party.role)) return { ok: false, reason: 'status' };
  return { ok: true, transition };
}

/** Actions this party may take now, in table order (for buttons). */
export function allowedActions(status: DossierStatus, dossierCenter: string, party: ActingParty): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => guard(action, status, dossierCenter, party).ok);
}

/** Statuses a supplement request can interrupt, i.e. where 'previous' may lead back to. */
export function supplementOrigins(): DossierStatus[] {
  return (Object.keys(WORKFLOW) as DossierStatus[]).filter((status) => WORKFLOW[status].request_supplement);
}

/** The workflow as a mermaid state diagram, generated from the table (docs/workflow.md must contain it). */
export function workflowDiagram(): string {
  const lines = ['stateDiagram-v2', '  [*] --> SUBMITTED'];
  for (const [from, actions] of Object.entries(WORKFLOW)) {
    for (const [action, t] of Object.entries(actions)) {
      if (!t) continue;
      const targets = t.to === 'previous' ? supplementOrigins() : [t.to];
      for (const to of targets) lines.push(`  ${from} --> ${to} : ${action} [${t.roles.join(', ')}]`);
    }
  }
  for (const terminal of ['RESULT_RETURNED', 'REJECTED', 'WITHDRAWN']) lines.push(`  ${terminal} --> [*]`);
  return lines.join('\n') + '\n';
}
