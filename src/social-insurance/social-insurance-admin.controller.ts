import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { CurrentCaller, StaffOnly, StaffCaller } from '../identity';
import { DomainError } from '../platform/errors/domain-error';
import { JobStore, JobView } from '../platform/jobs/job.store';
import { SOCIAL_INSURANCE_QUEUE, SocialInsuranceEvent } from './social-insurance-event';
import { SocialInsuranceDelivery } from './social-insurance-delivery';
import { SocialInsuranceEventPageDto, SocialInsuranceEventViewDto } from './dto/social-insurance-responses.dto';

export class SocialInsuranceEventsQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'held', 'dead'] })
  @IsOptional()
  @IsIn(['pending', 'held', 'dead'], { message: 'Trạng thái phải là pending, held hoặc dead.' })
  status?: 'pending' | 'held' | 'dead';

  @ApiPropertyOptional({ minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit phải là số nguyên.' })
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A job of the social-insurance queue: its payload is the event for the office. */
const view = (j: JobView) => {
  const event = j.payload as unknown as SocialInsuranceEvent;
  return {
    id: j.id,
    personalId: j.key,
    eventId: event.eventId,
    type: event.type,
    dossierCode: event.dossierCode,
    status: j.status,
    hold: j.hold,
    attempts: j.attempts,
    nextAttemptAt: j.runAt,
    lastError: j.lastError,
    createdAt: j.createdAt,
  };
};

/** Administrators: events for the office not yet delivered (pending, held for a decision, dead letters); replay. */
@ApiTags('admin')
@Controller('api/v1/admin/social-insurance/events')
@StaffOnly('admin')
export class SocialInsuranceAdminController {
  constructor(
    private readonly jobs: JobStore,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
    private readonly delivery: SocialInsuranceDelivery,
  ) {}

  @Get()
  @ApiOkResponse({ type: SocialInsuranceEventPageDto })
  @ApiOperation({ summary: 'Undelivered events for the social insurance office, oldest first' })
  async list(@Query() query: SocialInsuranceEventsQueryDto) {
    const statuses = query.status ? [query.status] : (['pending', 'held', 'dead'] as const);
    const items = await this.jobs.list({
      queue: SOCIAL_INSURANCE_QUEUE,
      statuses: [...statuses],
      limit: query.limit ?? 100,
    });
    return { items: items.map(view) };
  }

  @Post(':eventId/replay')
  @ApiOkResponse({ type: SocialInsuranceEventViewDto })
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a dead event again (dead → pending, attempts reset); audited' })
  async replay(@Param('eventId') eventId: string, @CurrentCaller() admin: StaffCaller, @Req() request: FastifyRequest) {
    if (!/^[0-9a-f-]{36}$/i.test(eventId)) throw DomainError.notFound('Không tìm thấy sự kiện.');
    const replayed = await this.dataSource.transaction(async (em) => {
      const job = await this.jobs.find(SOCIAL_INSURANCE_QUEUE, eventId, em);
      if (!job) throw DomainError.notFound('Không tìm thấy sự kiện.');
      if (!(await this.jobs.replay(em, job.id)))
        throw DomainError.conflict('Chỉ gửi lại được sự kiện đã dừng gửi (dead).', { status: job.status });
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.username,
        action: 'social_insurance.event_replayed',
        entityType: 'social_insurance_event',
        entityId: eventId,
        data: { dossierCode: job.payload.dossierCode ?? null, requestId: request.id },
      });
      return (await this.jobs.find(SOCIAL_INSURANCE_QUEUE, eventId, em))!;
    });
    this.delivery.wake();
    return view(replayed);
  }
}
