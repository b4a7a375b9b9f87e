import { Module, OnApplicationBootstrap, Inject } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { IdempotencyRepository } from '../platform/idempotency/idempotency.repository';
import { Runtime } from '../platform/embedded/runtime';
import { RUNTIME } from '../platform/platform.module';
import { PortalOutboxRepository } from '../portal/portal-outbox.repository';
import { AttachmentsService } from './attachments.service';
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
import { DocumentsModule } from '../documents/documents.module';

@Module({
  imports: [EligibilityModule, DocumentsModule],
  controllers: [CitizenDossiersController, StaffDossiersController, PortalDossiersController, CentersController],
  providers: [
    DossierRepository,
    IdempotencyRepository,
    PortalOutboxRepository,
    FilingService,
    DossierWorkflowService,
    DossierQueryService,
    DossierViewService,
    AttachmentsService,
    DossiersFacade,
  ],
  exports: [DossierRepository, FilingService, DossierWorkflowService, DossierQueryService],
})
export class DossiersModule implements OnApplicationBootstrap {
  constructor(
    private readonly dossiers: DossierRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** In sandbox mode the sandbox centers exist; in production centers are configured by an administrator. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.runtime.sandbox.registries) {
      const { SANDBOX_CENTERS } = await import('../sandbox/sandbox-staff');
      await this.dossiers.upsertCenters(
        SANDBOX_CENTERS.map((c) => ({ code: c.code, name: c.name, provinceName: 'Đồng Nai', address: c.address })),
      );
    }
  }
}
