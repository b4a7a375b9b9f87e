import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DOSSIER_DOCUMENTS } from '../dossiers/dossier-view.service';
import { DOSSIER_SIDE_EFFECTS } from '../dossiers/dossier-workflow.service';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { CitizenDocumentsController } from './http/citizen-documents.controller';
import { PublicDecisionsController } from './http/public-decisions.controller';
import { StaffDocumentsController } from './http/staff-documents.controller';
import { DocumentIssuanceService } from './issuance/document-issuance.service';
import { DocumentIssuanceWorker } from './issuance/document-issuance.worker';
import { SigningIdentityProvider } from './issuance/signing-identity.provider';
import { DocumentJobRepository } from './persistence/document-job.repository';
import { DossierSourceRepository } from './persistence/dossier-source.repository';
import { IssuedDocumentRepository } from './persistence/issued-document.repository';
import { DecisionRevocationService } from './services/decision-revocation.service';
import { DocumentAccessService } from './services/document-access.service';
import { DocumentSideEffects } from './services/document-side-effects.service';
import { DossierDocumentsService } from './services/dossier-documents.service';

/**
 * Signed documents of a dossier: queued by the workflow (DOSSIER_SIDE_EFFECTS), issued by the worker
 * (number, render, sign, store, record), listed in dossier views (DOSSIER_DOCUMENTS), downloaded by the
 * citizen and staff, verified by the public. Reads dossier rows with its own SQL, so it never imports the
 * dossiers module (which imports this one).
 */
@Module({
  imports: [AuditModule, EligibilityModule],
  controllers: [CitizenDocumentsController, StaffDocumentsController, PublicDecisionsController],
  providers: [
    DocumentJobRepository,
    IssuedDocumentRepository,
    DossierSourceRepository,
    SigningIdentityProvider,
    DocumentIssuanceService,
    DocumentIssuanceWorker,
    DocumentAccessService,
    DecisionRevocationService,
    DossierDocumentsService,
    DocumentSideEffects,
    { provide: DOSSIER_DOCUMENTS, useExisting: DossierDocumentsService },
    { provide: DOSSIER_SIDE_EFFECTS, useExisting: DocumentSideEffects },
  ],
  exports: [DOSSIER_DOCUMENTS, DOSSIER_SIDE_EFFECTS],
})
export class DocumentsModule {}
