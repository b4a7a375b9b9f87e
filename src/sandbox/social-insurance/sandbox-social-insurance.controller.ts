import { Body, Controller, Get, Header, Headers, HttpCode, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../platform/errors/domain-error';
import { SOCIAL_INSURANCE_EVENT_TYPES, SocialInsuranceEvent } from '../../social-insurance/social-insurance-event';
import { SandboxHeaderInterceptor } from '../sandbox-header.interceptor';
import { escapeHtml, sandboxPage } from '../sandbox-page';
import { SandboxSocialInsuranceOffice } from './sandbox-social-insurance.service';
import { Public } from '../../platform/http/access-policy';

const KEY = /^[\w.:-]{1,200}$/;

/** The sandbox social insurance office's endpoints and page. Sandbox only. */
@ApiExcludeController()
@Public()
@Controller('sandbox/social-insurance')
@UseInterceptors(SandboxHeaderInterceptor)
export class SandboxSocialInsuranceController {
  constructor(private readonly office: SandboxSocialInsuranceOffice) {}

  @Post('events')
  async receive(
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ received: true; duplicate: boolean }> {
    const b = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<
      string,
      unknown
    >;
    const errors = [
      ...(!key || !KEY.test(key) || key !== b.eventId
        ? [{ field: 'Idempotency-Key', code: 'required', message: 'Tiêu đề Idempotency-Key phải bằng eventId.' }]
        : []),
      ...(typeof b.type !== 'string' || !(SOCIAL_INSURANCE_EVENT_TYPES as readonly string[]).includes(b.type)
        ? [{ field: 'type', code: 'invalid_value', message: 'Loại sự kiện không hợp lệ.' }]
        : []),
      ...(typeof b.personalId !== 'string' || !/^\d{12}$/.test(b.personalId)
        ? [{ field: 'personalId', code: 'invalid_format', message: 'Số định danh cá nhân gồm 12 chữ số.' }]
        : []),
      ...(typeof b.dossierCode !== 'string' || !/^[A-Z0-9-]{5,40}$/.test(b.dossierCode)
        ? [{ field: 'dossierCode', code: 'invalid_format', message: 'Mã hồ sơ không hợp lệ.' }]
        : []),
    ];
    if (errors.length) throw DomainError.validation(errors);
    // Kept as sent: the office's contract is SocialInsuranceEvent, and the fields it keys on are checked above.
    const { duplicate } = await this.office.record(key!, b as unknown as SocialInsuranceEvent);
    void reply.status(duplicate ? 200 : 201);
    return { received: true, duplicate };
  }

  @Get('events')
  events(@Query('dossierCode') dossierCode?: string) {
    return this.office.events(dossierCode?.trim() || undefined);
  }

  @Get('payments')
  payments(@Query('dossierCode') dossierCode?: string) {
    return this.office.payments(dossierCode?.trim() || undefined);
  }

  /** Pays what is due now instead of waiting for the next round (demonstrations, tests). */
  @Post('pay-due')
  @HttpCode(200)
  async payDue(): Promise<{ reported: number }> {
    return { reported: await this.office.payDue() };
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async page(): Promise<string> {
    const events = await this.office.events();
    const payments = await this.office.payments();
    const eventRows = events
      .slice(-200)
      .map(
        (e) => `<tr><td>${e.seq}</td><td>${escapeHtml(e.receivedAt)}</td><td>${escapeHtml(e.dossierCode)}</td>
<td>${escapeHtml(e.type)}</td><td>${escapeHtml(String(e.payload.decision?.number ?? ''))}</td><td>${e.deliveries}</td></tr>`,
      )
      .join('\n');
    const paymentRows = payments
      .map(
        (
          p,
        ) => `<tr><td>${escapeHtml(p.dossierCode)}</td><td>${p.month}</td><td>${p.attempt}</td><td>${escapeHtml(p.status)}</td>
<td>${escapeHtml(String(p.body.paidAt ?? p.body.failureReason ?? ''))}</td><td>${p.reported ? 'đã báo' : 'chưa báo'}</td></tr>`,
      )
      .join('\n');
    return sandboxPage({
      title: 'Bảo hiểm xã hội tỉnh (thử nghiệm)',
      notReal: 'hệ thống của Bảo hiểm xã hội tỉnh',
      width: '70rem',
      styles: `table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; } td, th { border-bottom: 1px solid #ddd; padding: .35rem; text-align: left; }`,
      body: `<h1>Bảo hiểm xã hội tỉnh (thử nghiệm)</h1>
<p>Chi trả vào ngày làm việc đầu tiên của mỗi tháng hưởng; tài khoản có số kết thúc bằng 0000 bị ngân hàng trả lại.</p>
<h2>Sự kiện đã nhận</h2>
<table><thead><tr><th>#</th><th>Lúc</th><th>Hồ sơ</th><th>Loại</th><th>Quyết định</th><th>Số lần nhận</th></tr></thead>
<tbody>${eventRows || '<tr><td colspan="6">Chưa nhận sự kiện nào.</td></tr>'}</tbody></table>
<h2>Chi trả</h2>
<table><thead><tr><th>Hồ sơ</th><th>Tháng</th><th>Lần</th><th>Kết quả</th><th>Ngày / lý do</th><th>Báo cáo</th></tr></thead>
<tbody>${paymentRows || '<tr><td colspan="6">Chưa chi trả tháng nào.</td></tr>'}</tbody></table>`,
    });
  }
}
