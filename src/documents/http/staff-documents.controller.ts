import { Body, Controller, Get, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { StaffOnly } from '../../identity/guards/access-policy.decorator';
import { CurrentCaller } from '../../identity/guards/current-principal.decorator';
import { StaffCaller } from '../../identity/caller';
import { DocumentRevocationService } from '../services/document-revocation.service';
import { DocumentAccessService } from '../services/document-access.service';
import { DecisionView, DossierDocumentsService } from '../services/dossier-documents.service';
import { RevokeDecisionDto } from './revoke-decision.dto';
import { pdfFile } from './pdf-file';
import { DecisionSummaryDto } from '../../dossiers/dto/dossier-responses.dto';
import { ApiEmptyResponse, ApiPdfResponse } from '../../platform/http/api-responses';

@ApiTags('staff')
@Controller('api/v1/staff/dossiers')
@StaffOnly()
export class StaffDocumentsController {
  constructor(
    private readonly access: DocumentAccessService,
    private readonly revocation: DocumentRevocationService,
    private readonly documents: DossierDocumentsService,
  ) {}

  @Get(':id/documents/:kind/pdf')
  @ApiPdfResponse()
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: "A signed document of a dossier of the caller's center (province-level roles: any center); audited",
  })
  async documentPdf(
    @CurrentCaller() staff: StaffCaller,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Req() req: FastifyRequest,
  ): Promise<StreamableFile> {
    return pdfFile(await this.access.staffDocumentPdf(staff, id, kind, req.id));
  }

  @Post(':id/documents/:kind/retry')
  @ApiEmptyResponse('Queued again')
  @StaffOnly('director', 'center_head', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Issue again a document whose issuance failed all its attempts (dead); audited' })
  async retryIssuance(
    @CurrentCaller() staff: StaffCaller,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.access.assertStaffScope(staff, id);
    await this.documents.retryIssuance(id, kind, { actorId: staff.username, requestId: req.id });
  }

  @Post(':id/decision/revoke')
  @ApiOkResponse({ type: DecisionSummaryDto })
  @StaffOnly('director')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Revoke (thu hồi) the signed decision of a dossier, with the reason shown to the citizen; Director only; audited',
  })
  revokeDecision(
    @CurrentCaller() director: StaffCaller,
    @Param('id') id: string,
    @Body() body: RevokeDecisionDto,
    @Req() req: FastifyRequest,
  ): Promise<DecisionView> {
    return this.revocation.revoke(director, id, body.reason, req.id);
  }
}
