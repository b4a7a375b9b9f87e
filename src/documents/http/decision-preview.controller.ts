import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../../identity/guards/access-policy.decorator';
import { CurrentCaller } from '../../identity/guards/current-principal.decorator';
import { StaffCaller } from '../../identity/caller';
import { DecisionPreviewService } from '../preview/decision-preview.service';
import { ApiPdfResponse } from '../../platform/http/api-responses';

@ApiTags('staff')
@Controller('api/v1/staff/dossiers')
export class DecisionPreviewController {
  constructor(private readonly previews: DecisionPreviewService) {}

  @Get(':id/decision/preview')
  @ApiPdfResponse()
  @StaffOnly('director', 'center_head')
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'kind', required: false, enum: ['approval', 'refusal'] })
  @ApiOperation({
    summary:
      'The would-be decision as a PDF watermarked "DỰ THẢO" (not numbered, not signed, not stored), from the ' +
      "reviewer's recommendation unless `kind` says; Director (any center) and center head (own center)",
  })
  async preview(
    @CurrentCaller() staff: StaffCaller,
    @Param('id') id: string,
    @Query('kind') kind?: string,
  ): Promise<StreamableFile> {
    const { bytes, fileName } = await this.previews.preview(staff, id, kind);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      // Opened in the browser's viewer (inline), never cached.
      disposition: `inline; filename="${fileName}"`,
    });
  }
}
