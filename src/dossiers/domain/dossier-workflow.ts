import type { WorkingCalendar } from '../../calendar/working-calendar';
import type { Assessment } from '../../eligibility/domain/assessment';
import type { LegalRules } from '../../eligibility/domain/legal-rules';
import type { Caller } from '../../identity/caller';
import { supplementDueDate } from './supplement-deadline';
import { processingDueDate } from '../../eligibility/domain/processing-deadlines';
import { regimeFor } from '../../eligibility/domain/regime';
import { requiredDocuments } from '../../eligibility/domain/required-documents';
import type { FieldError } from '../../platform/errors/domain-error';
import type { DossierChange, DossierState, Recommendation, ReemploymentCheck } from './dossier';
import { pauseClock, resumeClock } from './dossier-deadlines';
import { DossierStatus } from './dossier-status';
import type { BenefitStepFacts, BenefitStepState } from '../ports/dossier-benefits.port';

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
  'revoke_decision',
  'withdraw',
  'suspend',
  'resume',
  'terminate',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Extra input an action takes; the staff pages draw their form fields from this. */
export type ActionField =
  'note' | 'items' | 'reason' | 'recommendation' | 'overrideReason' | 'terminationReason' | 'effectiveDate';

/** The signed documents a step can issue (the documents module renders them). */
export const ISSUED_DOCUMENT_KINDS = [
  'receipt',
  'supplement-request',
  'intake-refusal',
  'decision-approval',
  'decision-refusal',
  'decision-suspension',
  'decision-resumption',
  'decision-termination',
] as const;
export type IssuedDocumentKind = (typeof ISSUED_DOCUMENT_KINDS)[number];

/** What the caller sent with the action. */
export interface ActionInput {
  action: WorkflowAction;
  expectedVersion?: number;
  note?: string;
  items?: string[];
  reason?: string;
  recommendation?: Recommendation;
  overrideReason?: string;
  /** terminate: a code of Luật Việc làm 74/2025 Điều 41 k.4 (the benefits module checks it). */
  terminationReason?: string;
  /** terminate: the day the termination takes effect (YYYY-MM-DD). */
  effectiveDate?: string;
  /** Who may read the note: staff only (`internal`, the default for staff notes) or also the citizen and the portal. */
  noteVisibility?: NoteVisibility;
}

export type NoteVisibility = 'internal' | 'citizen';

/**
 * Who may read what a step records: a reason (refusal, revocation) and what a citizen writes are addressed to the
 * citizen; a staff note is internal unless the row or the caller says it is for the citizen (a supplementation
 * request's note is). Only what the citizen may read leaves the service (portal events).
 */
export function noteVisibilityOf(
  step: Pick<WorkflowStep, 'noteFor'>,
  input: Pick<ActionInput, 'reason' | 'noteVisibility'>,
  actorType: string,
): NoteVisibility {
  if (actorType !== 'staff' || input.reason) return 'citizen';
  return input.noteVisibility ?? step.noteFor ?? 'internal';
}

/**
 * What a step does to the benefit period (applied by the benefits module through the DOSSIER_BENEFITS port):
 * `start` opens it when an approval's result is returned; `suspend`, `resume` and `terminate` are the Director's
 * decisions during it (Luật Việc làm 74/2025 Điều 41).
 */
export type BenefitEffect = 'start' | 'suspend' | 'resume' | 'terminate';

/** Facts a step needs from outside the dossier, loaded by the service before `apply` (so `apply` stays pure). */
export interface StepFacts {
  /** complete_review: contributions after the termination month, read from the social-insurance registry. */
  reemployment?: ReemploymentCheck;
  /** receive: the kinds of the attachments the dossier has. */
  attachmentKinds?: string[];
  /** approve: the dossier assessed again on the day of the decision, with the rules in force that day. */
  decisionAssessment?: Assessment;
  /** Steps with a benefit effect: the benefit's state and what the step records (from the benefits module). */
  benefit?: BenefitStepFacts;
}
export type FactName = keyof StepFacts;

export interface StepContext {
  dossier: DossierState;
  input: ActionInput;
  actor: Pick<Caller, 'subject'>;
  /** RFC 3339 timestamp of the step. */
  now: string;
  /** Today's date in Vietnam. */
  today: string;
  rules: LegalRules;
  calendar: WorkingCalendar;
  facts: StepFacts;
}

/** What a step changes: the dossier columns, and what its history event records besides the note. */
export interface StepResult {
  change: DossierChange;
  data?: Record<string, unknown>;
}

/** A condition the dossier must meet for a step: what it is (for the docs), and the error when it is not met. */
export interface Check {
  what: string;
  unmet: (ctx: StepContext) => FieldError | null;
}

/** One required input: which field, when, and what the caller reads when it is missing. */
export interface Requirement {
  field: ActionField;
  message: string;
  /** Present and non-blank (text), or a non-empty list. */
  when?: (ctx: Pick<StepContext, 'dossier' | 'input'>) => boolean;
}

/**
 * One row of the workflow: everything a step does.
 * - `from`: in which statuses it may be taken, and by whom there (a `director` acts for every center; other staff
 *   for their own center; a citizen for their own dossier);
 * - `to`: the next status (`previous`: the status a supplement request interrupted);
 * - `fields` the caller may send, `requires` those it must send, `loads` facts to read before `apply`;
 * - `apply`: the pure change;
 * - effects: the signed `document` it issues, whether the portal event `awaitsDocument` (so the portal learns of
 *   a decision only with its number and hash), and whether it `revokesDecision`.
 */
export interface WorkflowStep {
  label: string;
  from: Partial<Record<DossierStatus, readonly WorkflowRole[]>>;
  to: DossierStatus | 'previous';
  fields: readonly ActionField[];
  /** Who a staff note of this step is for by default (`internal` when absent). */
  noteFor?: NoteVisibility;
  requires?: readonly Requirement[];
  loads?: readonly FactName[];
  /** What the dossier must meet for the step (pure, after `loads`): any unmet → 422 naming them. */
  checks?: readonly Check[];
  apply: (ctx: StepContext) => StepResult;
  document?: IssuedDocumentKind;
  awaitsDocument?: boolean;
  revokesDecision?: boolean;
  /**
   * The step's effect on the benefit period, and the benefit states it may be taken in (checked against the
   * facts the benefits module loads; another state is a 409).
   */
  benefit?: { effect: BenefitEffect; from?: readonly BenefitStepState[] };
}

const BEFORE_DECISION: readonly DossierStatus[] = [
  'SUBMITTED',
  'SUPPLEMENT_REQUESTED',
  'RECEIVED',
  'IN_REVIEW',
  'REVIEWED',
  'PROPOSED',
];

const NO_CHANGE = (): StepResult => ({ change: {} });

/** Benefit steps record what the benefits module worked out (month, reason, effective date, reserved months). */
const BENEFIT_DATA = ({ facts }: StepContext): StepResult => ({ change: {}, data: facts.benefit?.data ?? {} });

const REASON_REQUIRED: Requirement = { field: 'reason', message: 'Cần nêu rõ lý do.' };

/** Vietnamese names of the attachment kinds a complete dossier needs. */
export const REQUIRED_DOCUMENT_LABELS: Record<string, string> = {
  termination_proof: 'giấy tờ chứng minh việc chấm dứt hợp đồng lao động hoặc hợp đồng làm việc',
  social_insurance_book: 'sổ bảo hiểm xã hội',
};

/**
 * A complete dossier before receipt (Luật Việc làm 74/2025 Điều 40; NĐ 374/2025; under VN-2013 NĐ 28/2015 Điều 16):
 * the documents `requiredDocuments` names for the contract type and the regime of the receipt day.
 */
export function missingDocuments(
  contractType: StepContext['dossier']['application']['contractType'],
  today: string,
  present: readonly string[],
): string[] {
  return requiredDocuments(contractType, regimeFor(today)).filter((kind) => !present.includes(kind));
}

/** Does the reviewer's recommendation go against the assessment on record? */
export function contradictsAssessment(recommendation: string | undefined, eligible: boolean | undefined): boolean {
  if (recommendation === undefined || eligible === undefined) return false;
  return (recommendation === 'approve') !== eligible;
}

/**
 * THE workflow. Everything else (the guard, the buttons, the service's persistence, the documents it queues, the
 * portal's hold, the matrix test, the diagram in docs/workflow.md) is derived from this table.
 */
export const WORKFLOW: Readonly<Record<WorkflowAction, WorkflowStep>> = {
  receive: {
    label: 'Tiếp nhận hồ sơ',
    from: { SUBMITTED: ['receiver'] },
    to: 'RECEIVED',
    fields: ['note'],
    loads: ['attachmentKinds'],
    checks: [
      {
        what: 'the documents of a complete dossier are attached (proof of termination; under VN-2013 also the book)',
        unmet: ({ dossier, today, facts }) => {
          const missing = missingDocuments(dossier.application.contractType, today, facts.attachmentKinds ?? []);
          return missing.length
            ? {
                field: 'attachments',
                code: 'missing_document',
                message: `Hồ sơ chưa đầy đủ, còn thiếu: ${missing.map((k) => REQUIRED_DOCUMENT_LABELS[k] ?? k).join('; ')}. Hãy yêu cầu bổ sung trước khi tiếp nhận.`,
              }
            : null;
        },
      },
    ],
    apply: ({ now, today, rules, calendar }) => ({
      change: { receivedAt: now, dueDate: processingDueDate(today, rules, calendar) },
    }),
    document: 'receipt',
  },
  request_supplement: {
    label: 'Yêu cầu bổ sung hồ sơ',
    from: { SUBMITTED: ['receiver'], IN_REVIEW: ['reviewer'] },
    to: 'SUPPLEMENT_REQUESTED',
    fields: ['items', 'note'],
    noteFor: 'citizen',
    requires: [{ field: 'items', message: 'Cần nêu các giấy tờ cần bổ sung.' }],
    apply: ({ now, today, dossier, input, actor, calendar }) => ({
      change: {
        supplement: {
          requestedAt: now,
          items: input.items ?? [],
          note: input.note ?? null,
          dueDate: supplementDueDate(today, calendar),
          fromStatus: dossier.status,
          by: actor.subject,
        },
        ...(dossier.dueDate ? { clockPausedRemaining: pauseClock(today, dossier.dueDate, calendar) } : {}),
      },
      data: { items: input.items, dueDate: supplementDueDate(today, calendar) },
    }),
    document: 'supplement-request',
  },
  reject_intake: {
    label: 'Từ chối tiếp nhận',
    from: { SUBMITTED: ['receiver'] },
    to: 'REJECTED',
    fields: ['reason'],
    requires: [REASON_REQUIRED],
    apply: ({ input }) => ({ change: { decisionNote: input.reason } }),
    document: 'intake-refusal',
  },
  supplement: {
    label: 'Công dân bổ sung hồ sơ',
    from: { SUPPLEMENT_REQUESTED: ['citizen'] },
    to: 'previous',
    fields: ['note'],
    apply: ({ dossier, today, calendar }) => ({
      change: {
        supplement: null,
        ...(dossier.clockPausedRemaining !== null && dossier.dueDate
          ? { dueDate: resumeClock(today, dossier.clockPausedRemaining, calendar), clockPausedRemaining: null }
          : {}),
      },
      data: { answered: dossier.supplement },
    }),
  },
  start_review: {
    label: 'Bắt đầu thẩm định',
    from: { RECEIVED: ['reviewer'] },
    to: 'IN_REVIEW',
    fields: ['note'],
    apply: NO_CHANGE,
  },
  complete_review: {
    label: 'Hoàn thành thẩm định',
    from: { IN_REVIEW: ['reviewer'] },
    to: 'REVIEWED',
    fields: ['recommendation', 'note'],
    requires: [
      { field: 'recommendation', message: 'Cần chọn đề xuất: approve (hưởng) hoặc deny (không hưởng).' },
      {
        field: 'note',
        message: 'Đề xuất khác với kết quả đánh giá điều kiện hưởng: cần ghi rõ lý do vào ghi chú.',
        when: ({ dossier, input }) => contradictsAssessment(input.recommendation, dossier.assessment?.output.eligible),
      },
    ],
    loads: ['reemployment'],
    apply: ({ dossier, input, now, actor, facts }) => {
      const reemployment = facts.reemployment!;
      return {
        change: {
          review: {
            recommendation: input.recommendation!,
            note: input.note ?? null,
            completedAt: now,
            by: actor.subject,
            reemployment,
          },
          ...(reemployment.contributedAfterTermination
            ? { flags: [...new Set([...dossier.flags, 'reemployed'])] }
            : {}),
        },
        data: { recommendation: input.recommendation },
      };
    },
  },
  propose: {
    label: 'Trình Giám đốc Sở',
    from: { REVIEWED: ['center_head'] },
    to: 'PROPOSED',
    fields: ['note'],
    apply: NO_CHANGE,
  },
  return_to_review: {
    label: 'Trả lại để thẩm định lại',
    from: { REVIEWED: ['center_head'] },
    to: 'IN_REVIEW',
    fields: ['note'],
    apply: NO_CHANGE,
  },
  approve: {
    label: 'Quyết định hưởng trợ cấp',
    from: { PROPOSED: ['director'] },
    to: 'APPROVED',
    fields: ['note', 'overrideReason'],
    requires: [
      {
        field: 'overrideReason',
        message: 'Hồ sơ có đóng bảo hiểm sau ngày chấm dứt hợp đồng: cần ghi rõ lý do vẫn quyết định hưởng.',
        when: ({ dossier }) => dossier.review?.reemployment?.contributedAfterTermination === true,
      },
    ],
    loads: ['decisionAssessment'],
    // Luật Việc làm 74/2025 Điều 55 k.4: decided under the law in force on the day of the decision. The approval
    // needs a benefit (months and an amount): a dossier the rules of that day reject is denied, never approved.
    checks: [
      {
        what: 'the assessment made again on the decision day, with the rules then in force, gives a benefit',
        unmet: ({ facts }) => {
          const a = facts.decisionAssessment!;
          return a.eligible && a.benefitMonths > 0 && a.periods.length > 0
            ? null
            : {
                field: 'assessment',
                code: 'not_eligible_at_decision',
                message: `Theo quy định có hiệu lực tại ngày quyết định, người lao động chưa đủ điều kiện hưởng${a.reasons.length ? ': ' + a.reasons.map((r) => r.message).join('; ') : ''}. Không thể quyết định hưởng; hãy quyết định không cho hưởng hoặc trả lại để thẩm định.`,
              };
        },
      },
    ],
    apply: ({ now, input, dossier, facts }) => ({
      change: {
        decidedAt: now,
        assessment: {
          ...dossier.assessment!,
          output: facts.decisionAssessment!,
          reassessedAtDecision: { at: now, previousOutput: dossier.assessment!.output },
        },
      },
      data: {
        ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}),
        regime: facts.decisionAssessment!.regime,
        decisionDate: facts.decisionAssessment!.decisionDate,
      },
    }),
    document: 'decision-approval',
    awaitsDocument: true,
  },
  deny: {
    label: 'Quyết định không cho hưởng',
    from: { PROPOSED: ['director'] },
    to: 'DENIED',
    fields: ['reason'],
    requires: [REASON_REQUIRED],
    apply: ({ now, input }) => ({ change: { decidedAt: now, decisionNote: input.reason } }),
    document: 'decision-refusal',
    awaitsDocument: true,
  },
  return_result: {
    label: 'Trả kết quả',
    from: { APPROVED: ['receiver'], DENIED: ['receiver'] },
    to: 'RESULT_RETURNED',
    fields: ['note'],
    apply: NO_CHANGE,
    loads: ['benefit'],
    // An approval's benefit period starts the day its result is returned (month 1's notice window counts from it).
    benefit: { effect: 'start' },
  },
  revoke_decision: {
    label: 'Thu hồi quyết định',
    from: { APPROVED: ['director'], DENIED: ['director'], RESULT_RETURNED: ['director'] },
    to: 'REVOKED',
    fields: ['reason'],
    requires: [REASON_REQUIRED],
    apply: ({ input }) => ({ change: {}, data: { reason: input.reason } }),
    revokesDecision: true,
  },
  withdraw: {
    label: 'Công dân rút hồ sơ',
    from: Object.fromEntries(BEFORE_DECISION.map((s) => [s, ['citizen']])),
    to: 'WITHDRAWN',
    fields: ['note'],
    apply: NO_CHANGE,
  },
  suspend: {
    label: 'Quyết định tạm dừng hưởng trợ cấp',
    from: { RESULT_RETURNED: ['director'] },
    to: 'RESULT_RETURNED',
    fields: ['note'],
    loads: ['benefit'],
    apply: BENEFIT_DATA,
    document: 'decision-suspension',
    benefit: { effect: 'suspend', from: ['active', 'suspended'] },
  },
  resume: {
    label: 'Quyết định tiếp tục hưởng trợ cấp',
    from: { RESULT_RETURNED: ['director'] },
    to: 'RESULT_RETURNED',
    fields: ['note'],
    loads: ['benefit'],
    apply: BENEFIT_DATA,
    document: 'decision-resumption',
    benefit: { effect: 'resume', from: ['suspended'] },
  },
  terminate: {
    label: 'Quyết định chấm dứt hưởng trợ cấp',
    from: { RESULT_RETURNED: ['director'] },
    to: 'RESULT_RETURNED',
    fields: ['terminationReason', 'effectiveDate', 'note'],
    requires: [
      { field: 'terminationReason', message: 'Cần chọn lý do chấm dứt hưởng (Điều 41 khoản 4 Luật Việc làm).' },
      { field: 'effectiveDate', message: 'Cần nêu ngày chấm dứt hưởng có hiệu lực.' },
    ],
    loads: ['benefit'],
    apply: BENEFIT_DATA,
    document: 'decision-termination',
    benefit: { effect: 'terminate', from: ['not_started', 'active', 'suspended'] },
  },
};

export const ACTION_LABELS: Record<WorkflowAction, string> = Object.fromEntries(
  WORKFLOW_ACTIONS.map((a) => [a, WORKFLOW[a].label]),
) as Record<WorkflowAction, string>;

/** A transition as seen from one status: who may take it and where it leads. */
export interface Transition {
  roles: readonly WorkflowRole[];
  to: DossierStatus | 'previous';
  fields: readonly ActionField[];
}

/** The table by status (for buttons, the diagram and the matrix test), derived from WORKFLOW. */
export function transitionsFrom(status: DossierStatus): Partial<Record<WorkflowAction, Transition>> {
  const out: Partial<Record<WorkflowAction, Transition>> = {};
  for (const action of WORKFLOW_ACTIONS) {
    const step = WORKFLOW[action];
    const roles = step.from[status];
    if (roles) out[action] = { roles, to: step.to, fields: step.fields };
  }
  return out;
}

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
  const step = WORKFLOW[action];
  const anywhere = Object.values(step.from).some((roles) => roles?.includes(party.role));
  if (!anywhere) return { ok: false, reason: 'role' };
  if (party.role !== 'citizen' && !PROVINCE_ROLES.includes(party.role) && party.centerCode !== dossierCenter) {
    return { ok: false, reason: 'center' };
  }
  const roles = step.from[status];
  if (!roles || !roles.includes(party.role)) return { ok: false, reason: 'status' };
  return { ok: true, transition: { roles, to: step.to, fields: step.fields } };
}

/** Required input that is missing, as field errors (empty when the input is complete). */
export function missingInput(step: WorkflowStep, ctx: Pick<StepContext, 'dossier' | 'input'>): FieldError[] {
  const errors: FieldError[] = [];
  for (const r of step.requires ?? []) {
    if (r.when && !r.when(ctx)) continue;
    const value: unknown = ctx.input[r.field];
    const present = Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '';
    if (!present) errors.push({ field: r.field, code: 'required', message: r.message });
  }
  return errors;
}

/** The status a step leads to from this dossier (resolving `previous`). */
export function nextStatus(step: WorkflowStep, dossier: Pick<DossierState, 'supplement'>): DossierStatus {
  return step.to === 'previous' ? (dossier.supplement?.fromStatus ?? 'SUBMITTED') : step.to;
}

/** Actions this party may take now, in table order (for buttons). */
export function allowedActions(status: DossierStatus, dossierCenter: string, party: ActingParty): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => guard(action, status, dossierCenter, party).ok);
}

/** Statuses a supplement request can interrupt, i.e. where 'previous' may lead back to. */
export function supplementOrigins(): DossierStatus[] {
  return Object.keys(WORKFLOW.request_supplement.from) as DossierStatus[];
}

/** Statuses no action leaves. */
export function terminalStatuses(statuses: readonly DossierStatus[]): DossierStatus[] {
  return statuses.filter((s) => Object.keys(transitionsFrom(s)).length === 0);
}

/** The workflow as a mermaid state diagram, generated from the table (docs/workflow.md must contain it). */
export function workflowDiagram(statuses: readonly DossierStatus[]): string {
  const lines = ['stateDiagram-v2', '  [*] --> SUBMITTED'];
  for (const from of statuses) {
    for (const [action, t] of Object.entries(transitionsFrom(from))) {
      const targets = t.to === 'previous' ? supplementOrigins() : [t.to];
      for (const to of targets) lines.push(`  ${from} --> ${to} : ${action} [${t.roles.join(', ')}]`);
    }
  }
  for (const terminal of terminalStatuses(statuses)) lines.push(`  ${terminal} --> [*]`);
  return lines.join('\n') + '\n';
}

/** The effects of each step as a table for docs/workflow.md (generated; a test keeps the doc in step). */
export function workflowEffectsTable(): string {
  const rows = WORKFLOW_ACTIONS.map((action) => {
    const s = WORKFLOW[action];
    const from = Object.entries(s.from)
      .map(([status, roles]) => `${status} [${roles!.join(', ')}]`)
      .join('<br>');
    const effects = [
      ...(s.checks ?? []).map((c) => `checks that ${c.what} (422 otherwise)`),
      s.document ? `issues \`${s.document}\`` : '',
      s.awaitsDocument ? 'portal event waits for the document' : '',
      s.revokesDecision ? 'revokes the signed decision' : '',
      s.benefit ? `benefit: ${s.benefit.effect}${s.benefit.from ? ` (when ${s.benefit.from.join(', ')})` : ''}` : '',
    ].filter(Boolean);
    const required = (s.requires ?? []).map((r) => `\`${r.field}\`${r.when ? ' (when applicable)' : ''}`);
    return `| \`${action}\` | ${s.label} | ${from} | ${s.to} | ${required.join(', ') || '—'} | ${(s.loads ?? []).join(', ') || '—'} | ${effects.join('; ') || '—'} |`;
  });
  return [
    '| action | label | from [who] | to | requires | reads first | effects |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
