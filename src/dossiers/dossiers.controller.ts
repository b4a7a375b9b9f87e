import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CitizenOnly, ClientOnly, Public, StaffOnly } from '../identity';
import { RouteLimits } from '../platform/http/route-limits';
import type { CitizenCaller, ClientCaller, StaffCaller } from '../identity/caller';
import { CurrentCaller } from '../identity/guards/current-principal.decorator';
import { IdempotencyKey } from './current-actor.decorator';
import { UploadedFile } from './uploaded-file.decorator';
import { Upload } from './attachments.service';
import { ApplicationDto, CounterFilingDto, PortalFilingDto } from './dto/application.dto';
import { CitizenActionDto, StaffActionDto } from './dto/workflow-action.dto';
import { CountsQueryDto, DossiersFacade, QueueQueryDto } from './dossiers.facade';
import {
  AttachmentViewDto,
  CenterDto,
  CitizenDossierListDto,
  CitizenDossierViewDto,
  QueueCountsDto,
  QueuePageDto,
  StaffDossierViewDto,
} from './dto/dossier-responses.dto';
import { ApiFileResponse } from '../platform/http/api-responses';

@ApiTags('citizen dossiers')
@CitizenOnly()
@Controller('api/v1/dossiers')
export class CitizenDossiersController {
  constructor(private readonly dossiers: DossiersFacade) {}

  @Post()
  @ApiCreatedResponse({ type: CitizenDossierViewDto, description: 'Filed' })
  @ApiOkResponse({
    type: CitizenDossierViewDto,
    description: 'A repeat with the same Idempotency-Key: the first answer',
  })
  @RouteLimits({ registryReads: true })
  @ApiOperation({ summary: 'File an application (Idempotency-Key supported)' })
  file(
    @CurrentCaller() actor: CitizenCaller,
    @Body() body: ApplicationDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.dossiers.fileOnline(actor, body, key, reply);
  }

  @Get()
  @ApiOkResponse({ type: CitizenDossierListDto })
  list(@CurrentCaller() actor: CitizenCaller) {
    return this.dossiers.citizenList(actor);
  }

  @Get(':id')
  @ApiOkResponse({ type: CitizenDossierViewDto })
  get(@CurrentCaller() actor: CitizenCaller, @Param('id') id: string) {
    return this.dossiers.citizenDossier(actor, id);
  }

  @Post(':id/attachments')
  @ApiCreatedResponse({ type: AttachmentViewDto })
  upload(
    @CurrentCaller() actor: CitizenCaller,
    @Param('id') id: string,
    @UploadedFile() file: Upload,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.dossiers.citizenUpload(actor, id, file, reply);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiFileResponse()
  download(
    @CurrentCaller() actor: CitizenCaller,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res() reply: FastifyReply,
  ) {
    return this.dossiers.citizenDownload(actor, id, attachmentId, reply);
  }

  @Post(':id/supplement')
  @ApiOkResponse({ type: CitizenDossierViewDto })
  @HttpCode(200)
  supplement(@CurrentCaller() actor: CitizenCaller, @Param('id') id: string, @Body() body: CitizenActionDto) {
    return this.dossiers.citizenAct(actor, id, 'supplement', body);
  }

  @Post(':id/withdraw')
  @ApiOkResponse({ type: CitizenDossierViewDto })
  @HttpCode(200)
  withdraw(@CurrentCaller() actor: CitizenCaller, @Param('id') id: string, @Body() body: CitizenActionDto) {
    return this.dossiers.citizenAct(actor, id, 'withdraw', body);
  }
}

@ApiTags('staff dossiers')
@Controller('api/v1/staff/dossiers')
export class StaffDossiersController {
  constructor(private readonly dossiers: DossiersFacade) {}

  @Get()
  @ApiOkResponse({ type: QueuePageDto })
  @StaffOnly()
  @ApiOperation({ summary: "The work queue of the caller's center, ordered by due date, keyset paged" })
  queue(@CurrentCaller() actor: StaffCaller, @Query() query: QueueQueryDto) {
    return this.dossiers.queue(actor, query);
  }

  @Get('counts')
  @ApiOkResponse({ type: QueueCountsDto })
  @StaffOnly()
  @ApiOperation({
    summary:
      "Counts for the queue's tiles in one call: {byStatus: {STATUS: n}, overdue, dueSoon, open}, scoped like the queue",
  })
  counts(@CurrentCaller() actor: StaffCaller, @Query() query: CountsQueryDto) {
    return this.dossiers.counts(actor, query.centerCode);
  }

  @Post('search')
  @ApiOkResponse({ type: QueuePageDto })
  @HttpCode(200)
  @StaffOnly()
  @ApiOperation({
    summary:
      'The work queue with the filters in the body (same fields and answer as GET): searches by personal ID stay ' +
      'out of URLs and access logs',
  })
  search(@CurrentCaller() actor: StaffCaller, @Body() body: QueueQueryDto) {
    return this.dossiers.queue(actor, body);
  }

  @Post()
  @ApiCreatedResponse({ type: CitizenDossierViewDto, description: 'Filed' })
  @ApiOkResponse({
    type: CitizenDossierViewDto,
    description: 'A repeat with the same Idempotency-Key: the first answer',
  })
  @StaffOnly('receiver')
  @RouteLimits({ registryReads: true })
  @ApiOperation({ summary: 'Counter filing for a walk-in citizen (identity from the registry)' })
  file(
    @CurrentCaller() actor: StaffCaller,
    @Body() body: CounterFilingDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.dossiers.fileAtCounter(actor, body, key, reply);
  }

  @Get(':id')
  @ApiOkResponse({ type: StaffDossierViewDto })
  @StaffOnly()
  get(@CurrentCaller() actor: StaffCaller, @Param('id') id: string) {
    return this.dossiers.staffDossier(actor, id);
  }

  @Post(':id/actions')
  @ApiOkResponse({ type: StaffDossierViewDto })
  @HttpCode(200)
  @RouteLimits({ registryReads: true })
  @StaffOnly('receiver', 'reviewer', 'center_head', 'director')
  act(@CurrentCaller() actor: StaffCaller, @Param('id') id: string, @Body() body: StaffActionDto) {
    return this.dossiers.staffAct(actor, id, body);
  }

  @Post(':id/attachments')
  @ApiCreatedResponse({ type: AttachmentViewDto })
  @StaffOnly('receiver')
  @ApiOperation({ summary: 'A receiver attaches a document handed in at the counter (multipart `file` + `kind`)' })
  upload(
    @CurrentCaller() actor: StaffCaller,
    @Param('id') id: string,
    @UploadedFile() file: Upload,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.dossiers.staffUpload(actor, id, file, reply);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiFileResponse()
  @StaffOnly()
  download(
    @CurrentCaller() actor: StaffCaller,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res() reply: FastifyReply,
  ) {
    return this.dossiers.staffDownload(actor, id, attachmentId, reply);
  }
}

@ApiTags('national portal')
@ClientOnly()
@Controller('api/v1/portal/dossiers')
export class PortalDossiersController {
  constructor(private readonly dossiers: DossiersFacade) {}

  @Post()
  @ApiCreatedResponse({ type: CitizenDossierViewDto, description: 'Filed' })
  @ApiOkResponse({
    type: CitizenDossierViewDto,
    description: 'A repeat of a portalDossierCode already filed: the dossier',
  })
  @RouteLimits({ registryReads: true })
  @ApiOperation({ summary: 'Inbound dossier from Cổng DVCQG; idempotent on portalDossierCode (a repeat is 200)' })
  file(
    @CurrentCaller() actor: ClientCaller,
    @Body() body: PortalFilingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.dossiers.fileFromPortal(actor, body, reply);
  }
}

@ApiTags('centers')
@Public()
@Controller('api/v1/centers')
export class CentersController {
  constructor(private readonly dossiers: DossiersFacade) {}

  @Get()
  @ApiOkResponse({ type: CenterDto, isArray: true })
  list() {
    return this.dossiers.centers();
  }
}
