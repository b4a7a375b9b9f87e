import { CenterDirectory } from './center-directory';
import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { SingleLineText } from '../platform/http/text';
import { FastifyReply } from 'fastify';
import type { Caller, CitizenCaller, StaffCaller } from '../identity/caller';
import { Application } from './domain/application';
import { WorkflowAction } from './domain/dossier-workflow';
import { AttachmentsService, Upload } from './attachments.service';
import { ApplicationDto, CounterFilingDto, PortalFilingDto } from './dto/application.dto';
import { CitizenActionDto, StaffActionDto } from './dto/workflow-action.dto';
import { DossierQueryService } from './dossier-query.service';
import { DossierViewService } from './dossier-view.service';
import { DossierWorkflowService } from './dossier-workflow.service';
import { FilingResult, FilingService } from './filing.service';

export class QueueQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() status?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsString() overdue?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsString() dueSoon?: string;
  @ApiPropertyOptional({ description: 'dossier code, 12-digit personal ID, or part of the name' })
  @IsOptional()
  @IsString()
  @SingleLineText()
  q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() limit?: string;
  @ApiPropertyOptional({ description: 'province-level staff: one center' })
  @IsOptional()
  @IsString()
  centerCode?: string;
}

export class CountsQueryDto {
  @ApiPropertyOptional({ description: 'province-level staff: one center' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'Mã trung tâm không hợp lệ.' })
  centerCode?: string;
}

/** What the dossier controllers call: one method per route, each a thin composition of the services. */
@Injectable()
export class DossiersFacade {
  constructor(
    private readonly filing: FilingService,
    private readonly workflow: DossierWorkflowService,
    private readonly query: DossierQueryService,
    private readonly attachments: AttachmentsService,
    private readonly views: DossierViewService,
    private readonly centerDirectory: CenterDirectory,
  ) {}

  async fileOnline(
    actor: CitizenCaller,
    body: ApplicationDto,
    idempotencyKey: string | undefined,
    reply: FastifyReply,
  ) {
    return send(
      reply,
      await this.filing.file(actor, {
        personalId: actor.personalId,
        application: body as Application,
        channel: 'online',
        idempotencyKey,
      }),
    );
  }

  async fileAtCounter(
    actor: StaffCaller,
    body: CounterFilingDto,
    idempotencyKey: string | undefined,
    reply: FastifyReply,
  ) {
    return send(
      reply,
      await this.filing.file(actor, {
        personalId: body.personalId,
        application: body.application as Application,
        channel: 'counter',
        idempotencyKey,
      }),
    );
  }

  async fileFromPortal(actor: Caller, body: PortalFilingDto, reply: FastifyReply) {
    return send(
      reply,
      await this.filing.file(actor, {
        personalId: body.personalId,
        application: body.application as Application,
        channel: 'portal',
        portalDossierCode: body.portalDossierCode,
        submittedAt: body.submittedAt,
      }),
    );
  }

  citizenList(actor: CitizenCaller) {
    return this.query.citizenList(actor);
  }

  citizenDossier(actor: CitizenCaller, id: string) {
    return this.query.citizenDossier(actor, id);
  }

  async citizenAct(actor: CitizenCaller, id: string, action: WorkflowAction, body: CitizenActionDto) {
    const updated = await this.workflow.act(actor, id, {
      action,
      expectedVersion: body.expectedVersion,
      note: body.note,
    });
    return this.views.citizen(updated);
  }

  async citizenUpload(actor: CitizenCaller, id: string, upload: Upload, reply: FastifyReply) {
    const dossier = await this.query.accessible(actor, id);
    void reply.status(201);
    return this.attachments.upload(actor, dossier, upload);
  }

  async staffUpload(actor: StaffCaller, id: string, upload: Upload, reply: FastifyReply) {
    const dossier = await this.query.accessible(actor, id);
    void reply.status(201);
    return this.attachments.upload(actor, dossier, upload);
  }

  async citizenDownload(actor: CitizenCaller, id: string, attachmentId: string, reply: FastifyReply) {
    return stream(reply, await this.attachments.open(await this.query.accessible(actor, id), attachmentId));
  }

  queue(actor: StaffCaller, query: QueueQueryDto) {
    return this.query.queue(actor, query);
  }

  counts(actor: StaffCaller, centerCode?: string) {
    return this.query.counts(actor, centerCode);
  }

  staffDossier(actor: StaffCaller, id: string) {
    return this.query.staffDossier(actor, id);
  }

  async staffAct(actor: StaffCaller, id: string, body: StaffActionDto) {
    await this.workflow.act(actor, id, body);
    return this.query.staffDossier(actor, id);
  }

  async staffDownload(actor: StaffCaller, id: string, attachmentId: string, reply: FastifyReply) {
    return stream(reply, await this.attachments.open(await this.query.accessible(actor, id), attachmentId));
  }

  centers() {
    return this.centerDirectory.publicDirectory();
  }
}

function send(reply: FastifyReply, result: FilingResult) {
  void reply.status(result.status);
  return result.body;
}

function stream(
  reply: FastifyReply,
  file: { stream: NodeJS.ReadableStream; contentType: string; fileName: string; size: number },
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.size))
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.stream);
}
