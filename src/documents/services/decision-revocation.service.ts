import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../audit/audit-log.repository';
import type { StaffPrincipal } from '../../identity/principal';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { isUuid } from '../../platform/ids/uuid';
import { IssuedDocumentRepository } from '../persistence/issued-document.repository';
import { DecisionView, DossierDocumentsService } from './dossier-documents.service';

/**
 * The Director revokes (thu hồi) a signed decision, e.g. one issued in error or overtaken by a later decision.
 * The PDF and its record stay; the record says revoked, when, why and by whom; the public verification then answers
 * `valid: false, status: "revoked"`; the citizen sees the reason. Row lock, update and audit row commit together.
 */
@Injectable()
export class DecisionRevocationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: IssuedDocumentRepository,
    private readonly views: DossierDocumentsService,
    private readonly audit: AuditLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  revoke(director: StaffPrincipal, dossierId: string, reason: string, requestId?: string): Promise<DecisionView> {
    if (!isUuid(dossierId)) throw DomainError.notFound('Không tìm thấy hồ sơ.');
    return this.dataSource.transaction(async (em) => {
      const decision = await this.documents.findDecision(dossierId, { em, forUpdate: true });
      if (!decision) throw DomainError.notFound('Hồ sơ chưa có quyết định.');
      if (decision.status === 'revoked')
        throw DomainError.conflict(`Quyết định số ${decision.number} đã được thu hồi trước đó.`, {
          revokedAt: decision.revokedAt,
        });
      const at = this.clock.now();
      await this.documents.revoke(em, decision.id, { at, reason, by: director.username });
      await this.audit.append(em, {
        occurredAt: at.toISOString(),
        actorType: 'staff',
        actorId: director.username,
        action: 'document.revoke',
        entityType: 'dossier',
        entityId: dossierId,
        data: {
          documentId: decision.id,
          kind: decision.kind,
          number: decision.number,
          reason,
          requestId: requestId ?? null,
        },
      });
      return this.views.decision({
        ...decision,
        status: 'revoked',
        revokedAt: at.toISOString(),
        revocationReason: reason,
        revokedBy: director.username,
      });
    });
  }
}
