import { Controller, Get, Param, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CitizenOnly } from '../../identity/guards/access-policy.decorator';
import { CurrentCaller } from '../../identity/guards/current-principal.decorator';
import { CitizenCaller } from '../../identity/caller';
import { DocumentAccessService } from '../services/document-access.service';
import { DecisionView } from '../services/dossier-documents.service';
import { pdfFile } from './pdf-file';
import { DecisionSummaryDto } from '../../dossiers/dto/dossier-responses.dto';
import { ApiPdfResponse } from '../../platform/http/api-responses';

@ApiTags('citizen')
@Controller('api/v1/dossiers')
@CitizenOnly()
export class CitizenDocumentsController {
  constructor(private readonly access: DocumentAccessService) {}

  @Get(':id/decision')
  @ApiOkResponse({ type: DecisionSummaryDto })
  @ApiOperation({
    summary: 'Decision metadata {number, issuedAt, kind, sha256, verificationCode, verifyUrl}; 404 until issued',
  })
  decision(@CurrentCaller() citizen: CitizenCaller, @Param('id') id: string): Promise<DecisionView> {
    return this.access.citizenDecision(citizen, id);
  }

  @Get(':id/decision/pdf')
  @ApiPdfResponse()
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The signed decision PDF (the stored bytes; download audited)' })
  async decisionPdf(
    @CurrentCaller() citizen: CitizenCaller,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
  ): Promise<StreamableFile> {
    return pdfFile(await this.access.citizenDecisionPdf(citizen, id, req.id));
  }

  @Get(':id/documents/:kind/pdf')
  @ApiPdfResponse()
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'A signed document of the dossier (receipt, supplement-request[-<seq>], intake-refusal, decisions)',
  })
  async documentPdf(
    @CurrentCaller() citizen: CitizenCaller,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Req() req: FastifyRequest,
  ): Promise<StreamableFile> {
    return pdfFile(await this.access.citizenDocumentPdf(citizen, id, kind, req.id));
  }
}
