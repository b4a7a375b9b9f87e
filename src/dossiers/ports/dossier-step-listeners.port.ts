import type { EntityManager } from 'typeorm';
import type { ActorType } from '../../identity/caller';
import type { DossierStatus } from '../domain/dossier-status';
import type { DossierRecord } from '../dossier.repository';

export const DOSSIER_STEP_LISTENERS = Symbol('DOSSIER_STEP_LISTENERS');

/** One workflow step as its listeners see it, after the change was written (same transaction). */
export interface DossierStepEvent {
  /** The workflow action (`approve`, `revoke_decision`, and any later action such as `suspend`). */
  readonly action: string;
  readonly from: DossierStatus;
  readonly to: DossierStatus;
  /** The dossier as the step left it. */
  readonly dossier: DossierRecord;
  /** The caller as stored references name it (`actorRef`): type `portal` for an API client. */
  readonly actor: { readonly type: ActorType; readonly id: string };
  /** RFC 3339. */
  readonly occurredAt: string;
  /** The step's history event. */
  readonly eventSeq: number;
  readonly note: string | null;
  /** The step's input and what its history event records (e.g. `reason`, `effectiveDate`). */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Whoever must act on a workflow step in the step's own transaction (the social-insurance outbox, notifications),
 * without the dossiers module importing them: each implements this and the application module binds the array.
 * A listener that throws rolls the step back, so a listener whose work is optional catches its own errors.
 */
export interface DossierStepListener {
  onStep(em: EntityManager, event: DossierStepEvent): Promise<void>;
}
