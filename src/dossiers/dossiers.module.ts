import { Inject, Module, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { PortalEventsModule } from '../portal/portal.module';
import { AttachmentsService } from './attachments.service';
import { CenterDirectory } from './center-directory';
import { DossierRepository } from './dossier.repository';
import { DossierQueryService } from './dossier-query.service';
import { DossierViewService } from './dossier-view.service';
import { DossierWorkflowService } from './dossier-workflow.service';
import {
  CentersController,
  CitizenDossiersController,
  PortalDossiersController,
  StaffDossiersController,
} from './dossiers.controller';
import { DossiersFacade } from './dossiers.facade';
import { FilingService } from './filing.service';
import { DossierReader } from './dossier-reader';
import { DossierImportService } from './dossier-import.service';
import { DraftController } from './drafts/draft.controller';
import { DraftRepository } from './drafts/draft.repository';
import { DraftService } from './drafts/draft.service';
import { CitizenDraftEntity } from './drafts/citizen-draft.entity';
import { CitizenDraftAttachmentEntity } from './drafts/citizen-draft-attachment.entity';
import { AttachmentEntity } from './attachment.entity';
import { DossierEntity } from './dossier.entity';
import { DossierEventEntity } from './dossier-event.entity';
import { DossierSequenceEntity } from './dossier-sequence.entity';
import { ServiceCenterEntity } from './service-center.entity';

/** Centers to create or update at start (bound by the application module). */
export const SEED_CENTERS = Symbol('SEED_CENTERS');

export interface SeedCenter {
  code: string;
  name: string;
  provinceName: string;
  address?: string;
  phone?: string;
  hours?: string;
  /** Commune codes the center serves. */
  communes?: readonly string[];
}

@Module({
  imports: [
    EligibilityModule,
    PortalEventsModule,
    TypeOrmModule.forFeature([
      ServiceCenterEntity,
      DossierEntity,
      DossierEventEntity,
      DossierSequenceEntity,
      AttachmentEntity,
      CitizenDraftEntity,
      CitizenDraftAttachmentEntity,
    ]),
  ],
  controllers: [
    CitizenDossiersController,
    StaffDossiersController,
    PortalDossiersController,
    CentersController,
    DraftController,
  ],
  providers: [
    DossierRepository,
    FilingService,
    DossierWorkflowService,
    DossierQueryService,
    DossierViewService,
    AttachmentsService,
    DossiersFacade,
    DossierReader,
    DossierImportService,
    DraftRepository,
    DraftService,
    CenterDirectory,
  ],
  exports: [DossierReader, DossierWorkflowService, DossierQueryService, DossierImportService, CenterDirectory],
})
export class DossiersModule implements OnApplicationBootstrap {
  constructor(
    private readonly centers: CenterDirectory,
    @Optional() @Inject(SEED_CENTERS) private readonly seedCenters?: readonly SeedCenter[],
  ) {}

  /**
   * Centers bound by the application module at start (the sandbox centers in sandbox mode) are created when absent;
   * what an administrator changed since is kept (docs/centers-and-signers.md).
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.seedCenters?.length) await this.centers.seed([...this.seedCenters]);
  }
}
