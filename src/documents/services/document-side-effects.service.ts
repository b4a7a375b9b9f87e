import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DossierStatus } from '../../dossiers/domain/dossier-status';
import type { WorkflowAction } from '../../dossiers/domain/dossier-workflow';
import type { DossierRecord } from '../../dossiers/dossier.repository';
import type { DossierSideEffects } from '../../dossiers/dossier-workflow.service';
import { supplementRequestKind } from '../domain/issued-kind';
import { DocumentJobRepository } from '../persistence/document-job.repository';

/**
 * Queues the signed document a transition calls for, in the transition's own transaction (so a committed
 * status change always has its job, and a rolled-back one never does). The worker issues it afterwards.
 */
@Injectable()
export class DocumentSideEffects implements DossierSideEffects {
  constructor(private readonly jobs: DocumentJobRepository) {}

  async afterTransition(
    em: EntityManager,
    dossier: DossierRecord,
    action: WorkflowAction,
    _to: DossierStatus,
  ): Promise<void> {
    const kind = await this.kindFor(em, dossier.id, action);
    if (kind) await this.jobs.enqueue(em, dossier.id, kind);
  }

  private async kindFor(em: EntityManager, dossierId: string, action: WorkflowAction): Promise<string | null> {
    switch (action) {
      case 'receive':
        return 'receipt';
      case 'reject_intake':
        return 'intake-refusal';
      case 'approve':
        return 'decision-approval';
      case 'deny':
        return 'decision-refusal';
      case 'request_supplement': {
        // The first request of a dossier is `supplement-request`; each later one is `supplement-request-<seq>`,
        // seq being its history event (already appended in this transaction).
        if (!(await this.jobs.exists(em, dossierId, supplementRequestKind(null)))) return supplementRequestKind(null);
        const [row] = await em.query(
          `SELECT max(seq) AS seq FROM dossier_event WHERE dossier_id = $1 AND action = 'request_supplement'`,
          [dossierId],
        );
        return row?.seq ? supplementRequestKind(Number(row.seq)) : null;
      }
      case 'supplement':
      case 'start_review':
      case 'complete_review':
      case 'propose':
      case 'return_to_review':
      case 'return_result':
      case 'withdraw':
        return null;
    }
  }
}
