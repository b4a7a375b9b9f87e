import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Post,
  Put,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../platform/errors/domain-error';
import { SandboxHeaderInterceptor } from '../sandbox-header.interceptor';
import { SandboxPortalFaultDto } from './sandbox-portal-fault.dto';
import { renderSandboxPortalPage } from './sandbox-portal-page';
import { SandboxPortalPayload } from './sandbox-portal-event.entity';
import { SandboxPortalEventsRepository, SandboxPortalReceivedEvent } from './sandbox-portal-events.repository';
import { SandboxPortalFaults, SandboxPortalFaultState } from './sandbox-portal-faults.service';
import { Public } from '../../platform/http/access-policy';

const KEY = /^[\w.:-]{1,200}$/;

/**
 * The embedded national-portal receiver (when `PORTAL_SYNC_URL` is unset): records every status event it is
 * sent, deduplicated by Idempotency-Key, and shows them. Sandbox only.
 */
@ApiExcludeController()
@Public()
@Controller('sandbox/portal')
@UseInterceptors(SandboxHeaderInterceptor)
export class SandboxPortalController {
  constructor(
    private readonly events: SandboxPortalEventsRepository,
    private readonly faults: SandboxPortalFaults,
  ) {}

  @Post('events')
  async receive(
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ received: true; duplicate: boolean }> {
    if (this.faults.shouldFail()) {
      throw DomainError.upstream('Cổng Dịch vụ công (thử nghiệm) đang giả lập lỗi.');
    }
    if (!key || !KEY.test(key)) {
      throw DomainError.validation([
        { field: 'Idempotency-Key', code: 'required', message: 'Thiếu tiêu đề Idempotency-Key hợp lệ.' },
      ]);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw DomainError.validation([
        { field: 'body', code: 'invalid_type', message: 'Nội dung phải là một đối tượng JSON.' },
      ]);
    }
    const { duplicate } = await this.events.record(key, body as SandboxPortalPayload);
    void reply.status(duplicate ? 200 : 201);
    return { received: true, duplicate };
  }

  @Get('events')
  list(@Query('dossierCode') dossierCode?: string): Promise<SandboxPortalReceivedEvent[]> {
    return this.events.list(dossierCode || undefined, dossierCode ? 10_000 : 500);
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async page(@Query('dossierCode') dossierCode?: string): Promise<string> {
    const code = dossierCode?.trim() || undefined;
    const events = await this.events.list(code, 200);
    return renderSandboxPortalPage({ events, dossierCode: code, faults: this.faults.current() });
  }

  @Get('faults')
  currentFaults(): SandboxPortalFaultState {
    return this.faults.current();
  }

  @Put('faults')
  arm(@Body() fault: SandboxPortalFaultDto): SandboxPortalFaultState {
    return this.faults.set(fault);
  }

  @Delete('faults')
  @HttpCode(204)
  clear(): void {
    this.faults.clear();
  }
}
