import { Injectable } from '@nestjs/common';
import { DossierWorkflowService } from '../../dossiers/dossier-workflow.service';
import { type StaffCaller, withRequestId } from '../../identity/caller';
import { DomainError } from '../../platform/errors/domain-error';
import { isUuid } from '../../platform/ids/uuid';
import { IssuedDocumentRepository } from '../persistence/issued-document.repository';
import { DecisionView, DossierDocumentsService } from './dossier-documents.service';

/**
 * `POST …/decision/revoke`: the Director revokes (thu hồi) a signed decision. It is the workflow step
 * `revoke_decision` (history, portal event, audit, the document marked revoked, all in one transaction); this
 * route keeps its own answers: 404 "no decision yet" before one exists, and the decision as it now stands.
 */
@Injectable()
export class DocumentRevocationService {
  constructor(
    private readonly workflow: DossierWorkflowService,
    private readonly documents: IssuedDocumentRepository,
    private readonly views: DossierDocumentsService,
  ) {}

  async revoke(director: StaffCaller, dossierId: string, reason: string, requestId?: string): Promise<DecisionView> {
    if (!isUuid(dossierId)) throw DomainError.notFound('Không tìm thấy hồ sơ.');
    const decision = await this.documents.findDecision(dossierId);
    if (!decision) throw DomainError.notFound('Hồ sơ chưa có quyết định.');
    if (decision.status === 'revoked')
      throw DomainError.conflict(`Quyết định số ${decision.number} đã được thu hồi trước đó.`, {
        revokedAt: decision.revokedAt,
      });
    await this.workflow.act(withRequestId(director, requestId), dossierId, { action: 'revoke_decision', reason });
    return this.views.decision((await this.documents.findDecision(dossierId))!);
  }
}
