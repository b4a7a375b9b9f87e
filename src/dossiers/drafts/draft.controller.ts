import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CitizenOnly } from '../../identity';
import { RouteLimits } from '../../platform/http/route-limits';
import { Application } from '../domain/application';
import type { CitizenCaller } from '../../identity/caller';
import { CurrentCaller } from '../../identity/guards/current-principal.decorator';
import { IdempotencyKey } from '../current-actor.decorator';
import { ApplicationDto } from '../dto/application.dto';
import { FilingService } from '../filing.service';
import { UploadedFile } from '../uploaded-file.decorator';
import { Upload } from '../attachments.service';
import { DraftDto } from './draft.dto';
import { DraftService } from './draft.service';
import { CitizenDossierViewDto, DraftAttachmentDto, DraftViewDto } from '../dto/dossier-responses.dto';
import { ApiEmptyResponse } from '../../platform/http/api-responses';

/** Largest draft body: every answer at its maximum length, in Vietnamese (about 3 KB); a little room above. */
const DRAFT_BODY_LIMIT_BYTES = 8 * 1024;

/**
 * The citizen's application being written (`/api/v1/me/draft`): answers saved as they go, files attached before
 * filing, and filing from the draft. Filing with `POST /api/v1/dossiers` (attachments afterwards) stays as it is.
 */
@ApiTags('citizen draft')
@CitizenOnly()
@Controller('api/v1/me/draft')
export class DraftController {
  constructor(
    private readonly drafts: DraftService,
    private readonly filing: FilingService,
  ) {}

  @Get()
  @ApiOkResponse({ type: DraftViewDto })
  @ApiOperation({ summary: 'The saved answers, the files attached so far and the documents still required' })
  get(@CurrentCaller() actor: CitizenCaller) {
    return this.drafts.get(actor);
  }

  @Put()
  @ApiOkResponse({ type: DraftViewDto })
  @RouteLimits({ bodyLimit: DRAFT_BODY_LIMIT_BYTES })
  @ApiOperation({ summary: 'Save the answers (every field optional, each bounded like the application)' })
  save(@CurrentCaller() actor: CitizenCaller, @Body() body: DraftDto) {
    return this.drafts.save(actor, body);
  }

  @Delete()
  @ApiEmptyResponse('The draft and its files are gone')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard the draft and its files' })
  async discard(@CurrentCaller() actor: CitizenCaller): Promise<void> {
    await this.drafts.discard(actor);
  }

  @Post('attachments')
  @ApiCreatedResponse({ type: DraftAttachmentDto })
  @ApiOperation({ summary: 'Attach a file before filing (multipart: kind, file)' })
  async attach(
    @CurrentCaller() actor: CitizenCaller,
    @UploadedFile() file: Upload,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    void reply.status(201);
    return this.drafts.attach(actor, file);
  }

  @Delete('attachments/:attachmentId')
  @ApiEmptyResponse('The file is removed from the draft')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a file attached before filing' })
  async detach(@CurrentCaller() actor: CitizenCaller, @Param('attachmentId') attachmentId: string): Promise<void> {
    await this.drafts.detach(actor, attachmentId);
  }

  @Post('submit')
  @ApiCreatedResponse({ type: CitizenDossierViewDto, description: 'Filed' })
  @ApiOkResponse({
    type: CitizenDossierViewDto,
    description: 'A repeat with the same Idempotency-Key: the first answer',
  })
  @RouteLimits({ registryReads: true })
  @ApiOperation({
    summary:
      'File the application from the draft (Idempotency-Key supported): the same body as POST /api/v1/dossiers; ' +
      'the draft files become the dossier attachments and the draft is deleted, in the filing transaction. 400 ' +
      '`attachments` when a required document is missing.',
  })
  async submit(
    @CurrentCaller() actor: CitizenCaller,
    @Body() body: ApplicationDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.filing.file(actor, {
      personalId: actor.personalId,
      application: body as Application,
      channel: 'online',
      idempotencyKey: key,
      fromDraft: true,
    });
    void reply.status(result.status);
    return result.body;
  }
}
