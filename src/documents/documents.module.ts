import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { PortalEventsModule } from '../portal/portal.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { OrganisationModule } from '../organisation';
import { CitizenDocumentsController } from './http/citizen-documents.controller';
import { PublicDecisionsController } from './http/public-decisions.controller';
import { StaffDocumentsController } from './http/staff-documents.controller';
import { DecisionPreviewController } from './http/decision-preview.controller';
import { DecisionPreviewService } from './preview/decision-preview.service';
import { DocumentIssuanceService } from './issuance/document-issuance.service';
import { DocumentIssuanceWorker } from './issuance/document-issuance.worker';
import { SigningIdentityProvider } from './issuance/signing-identity.provider';
import { DossierSource } from './persistence/dossier-source';
import { IssuedDocumentRepository } from './persistence/issued-document.repository';
import { IssuedDocumentEntity } from './persistence/issued-document.entity';
import { DocumentNumberSequenceEntity } from './persistence/document-number-sequence.entity';
import { DocumentAccessService } from './services/document-access.service';
import { DossierDocumentsService } from './services/dossier-documents.service';
import { DocumentRevocationService } from './services/document-revocation.service';

/**
 * Signed documents of a dossier: queued by workflow steps and listed in dossier views through the dossiers'
 * DOSSIER_DOCUMENTS port (implemented by DossierDocumentsService, bound by the application module), issued by the
 * worker (number, render, sign, store, record, release the held portal event), downloaded by the citizen and
 * staff, verified by the public. Depends on dossiers (read port) and portal (held events); neither depends on it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([IssuedDocumentEntity, DocumentNumberSequenceEntity]),
    AuditModule,
    EligibilityModule,
    DossiersModule,
    PortalEventsModule,
    OrganisationModule,
  ],
  controllers: [
    CitizenDocumentsController,
    StaffDocumentsController,
    PublicDecisionsController,
    DecisionPreviewController,
  ],
  providers: [
    IssuedDocumentRepository,
    DossierSource,
    SigningIdentityProvider,
    DocumentIssuanceService,
    DocumentIssuanceWorker,
    DocumentAccessService,
    DossierDocumentsService,
    DocumentRevocationService,
    DecisionPreviewService,
  ],
  exports: [DossierDocumentsService, DocumentAccessService],
})
export class DocumentsModule {}
