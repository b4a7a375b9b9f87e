import type { Assessment, AssessmentInput, ContractType } from '../../eligibility/domain/assessment';
import type { DossierStatus } from './dossier-status';

/** The supplementation request a dossier is waiting on (null once answered). */
export interface SupplementRequest {
  requestedAt: string;
  items: string[];
  note: string | null;
  /** The last day to answer (SUPPLEMENT_DUE_WORKING_DAYS after the request); absent on requests made before it. */
  dueDate?: string;
  /** The status the request interrupted; the citizen's answer leads back to it. */
  fromStatus: DossierStatus;
  by: string;
}

/** What the re-employment check found in the social-insurance registry at the review. */
export interface ReemploymentCheck {
  checkedAt: string;
  contributedAfterTermination: boolean;
  months: { month: string; employerName?: string }[];
}

export type Recommendation = 'approve' | 'deny';

/** The reviewer's finding (complete_review). */
export interface ReviewRecord {
  recommendation: Recommendation;
  note: string | null;
  completedAt: string;
  by: string;
  reemployment: ReemploymentCheck;
}

/** The eligibility assessment a dossier records: what went in, what came out, and when. */
export interface DossierAssessment {
  input: AssessmentInput;
  output: Assessment;
  assessedAt: string;
  /** Set when the assessment was made again at the decision, with the rules in force that day. */
  reassessedAtDecision?: { at: string; previousOutput: Assessment };
  [key: string]: unknown;
}

/** The columns a workflow step may change. The status comes from the table row, never from `apply`. */
export interface DossierChange {
  receivedAt?: string | null;
  dueDate?: string | null;
  clockPausedRemaining?: number | null;
  decidedAt?: string | null;
  supplement?: SupplementRequest | null;
  review?: ReviewRecord | null;
  decisionNote?: string | null;
  flags?: string[];
  assessment?: DossierAssessment;
}

/** The dossier as the workflow reads it. */
export interface DossierState {
  id: string;
  code: string;
  personalId: string;
  centerCode: string;
  portalDossierCode: string | null;
  status: DossierStatus;
  version: number;
  flags: string[];
  terminationDate: string;
  dueDate: string | null;
  clockPausedRemaining: number | null;
  supplement: SupplementRequest | null;
  review: ReviewRecord | null;
  assessment: DossierAssessment | null;
  /** What the workflow reads of the application. */
  application: { contractType: ContractType };
}
