import type { EntityManager } from 'typeorm';
import type { ActionInput, BenefitEffect } from '../domain/dossier-workflow';
import type { DossierRecord } from '../dossier.repository';

export const DOSSIER_BENEFITS = Symbol('DOSSIER_BENEFITS');

/** The benefit states a workflow row can require (the benefits module owns the rest of the benefit's life). */
export type BenefitStepState =
  'none' | 'not_started' | 'active' | 'suspended' | 'terminated' | 'completed' | 'transferred';

/** What the benefits module worked out for a step before it is taken: its history data and portal summary. */
export interface BenefitStepFacts {
  state: BenefitStepState;
  /** Recorded on the history event (the decision document reads it there) and sent to the portal as `benefit`. */
  data: Record<string, unknown>;
}

/**
 * What the dossiers module asks of the benefit period, without importing it: the benefits module implements it
 * and the application module binds it (like DOSSIER_DOCUMENTS). `prepare` runs before the step (it checks the
 * benefit allows the step — a DomainError otherwise — and returns what the step records); `apply` runs inside the
 * step's transaction, after its history event.
 */
export interface DossierBenefits {
  prepare(dossier: DossierRecord, effect: BenefitEffect, input: ActionInput, today: string): Promise<BenefitStepFacts>;
  apply(
    em: EntityManager,
    request: {
      dossier: DossierRecord;
      effect: BenefitEffect;
      facts: BenefitStepFacts;
      eventSeq: number;
      at: Date;
      today: string;
      actorId: string;
    },
  ): Promise<void>;
}
