import { Controller, Get, Param, Req, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { StaffOnly } from '../../identity/guards/access-policy.decorator';
import { CurrentPrincipal } from '../../identity/guards/current-principal.decorator';
import { StaffPrincipal } from '../../identity/principal';
import { DocumentAccessService } from '../services/document-access.service';
import { pdfFile } from './pdf-file';

@ApiTags('staff')
@Controller('api/v1/staff/dossiers')
@StaffOnly()
export class StaffDocumentsController {
  constructor(private readonly access: DocumentAccessService) {}

  @Get(':id/documents/:kind/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: "A signed document of a dossier of the caller's center (province-level roles: any center); audited",
  })
  async documentPdf(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Req() req: FastifyRequest,
  ): Promise<StreamableFile> {
    return pdfFile(await this.access.staffDocumentPdf(staff, id, kind, req.id));
  }
}
