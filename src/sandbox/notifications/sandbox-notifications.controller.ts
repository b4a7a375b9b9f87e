import { Body, Controller, Get, Header, Headers, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../platform/errors/domain-error';
import { SandboxHeaderInterceptor } from '../sandbox-header.interceptor';
import { escapeHtml, sandboxPage } from '../sandbox-page';
import { Public } from '../../platform/http/access-policy';
import { SandboxMail, SandboxNotificationsRepository, SandboxSms } from './sandbox-notifications.repository';

const KEY = /^[\w.:-]{1,200}$/;

/**
 * The sandbox mailbox (what the embedded SMTP server received) and the sandbox SMS gateway (POST a message, see
 * the log). Sandbox only; the pages say so.
 */
@ApiExcludeController()
@Public()
@Controller('sandbox')
@UseInterceptors(SandboxHeaderInterceptor)
export class SandboxNotificationsController {
  constructor(private readonly received: SandboxNotificationsRepository) {}

  @Get('mailbox.json')
  mailboxJson(@Query('to') to?: string): Promise<SandboxMail[]> {
    return this.mails(to);
  }

  @Get('mailbox')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async mailbox(@Query('to') to?: string): Promise<string> {
    const mails = await this.mails(to);
    const rows = mails
      .map(
        (m) => `<article><h2>${escapeHtml(m.subject ?? '(không có tiêu đề)')}</h2>
<p class="meta">Gửi đến ${escapeHtml(m.to.join(', '))} lúc ${escapeHtml(m.receivedAt)}</p>
<pre>${escapeHtml(m.text)}</pre></article>`,
      )
      .join('\n');
    return sandboxPage({
      title: 'Hộp thư thử nghiệm',
      notReal: 'hộp thư thật',
      width: '60rem',
      styles: `article { border-top: 1px solid #ddd; padding: .5rem 0; } .meta { color: #555; font-size: .9rem; }
  pre { white-space: pre-wrap; font-family: inherit; background: #f7f7f7; padding: .6rem; }`,
      body: `<h1>Hộp thư thử nghiệm (${mails.length} thư)</h1>\n${rows || '<p>Chưa có thư nào.</p>'}`,
    });
  }

  @Post('sms/messages')
  async receiveSms(
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ accepted: true; duplicate: boolean }> {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const errors = [
      ...(!key || !KEY.test(key)
        ? [{ field: 'Idempotency-Key', code: 'required', message: 'Thiếu tiêu đề Idempotency-Key hợp lệ.' }]
        : []),
      ...(typeof b.to !== 'string' || !/^(0|\+84)\d{9,10}$/.test(b.to)
        ? [{ field: 'to', code: 'invalid_format', message: 'Số điện thoại không hợp lệ.' }]
        : []),
      ...(typeof b.text !== 'string' || !b.text || b.text.length > 1600
        ? [{ field: 'text', code: 'invalid_format', message: 'Nội dung tin nhắn phải có từ 1 đến 1600 ký tự.' }]
        : []),
    ];
    if (errors.length) throw DomainError.validation(errors);
    const { duplicate } = await this.received.recordSms({
      messageId: key!,
      to: b.to as string,
      text: b.text as string,
      encoding: typeof b.encoding === 'string' ? b.encoding.slice(0, 10) : null,
      // The provider's count of SMS parts; anything that is not a plausible count is not recorded.
      segments:
        Number.isInteger(b.segments) && (b.segments as number) >= 1 && (b.segments as number) <= 100
          ? (b.segments as number)
          : null,
    });
    void reply.status(duplicate ? 200 : 201);
    return { accepted: true, duplicate };
  }

  @Get('sms.json')
  smsJson(@Query('to') to?: string): Promise<SandboxSms[]> {
    return this.sms(to);
  }

  @Get('sms')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async smsPage(@Query('to') to?: string): Promise<string> {
    const messages = await this.sms(to);
    const rows = messages
      .map(
        (m) => `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to)}</td><td>${escapeHtml(m.text)}</td>
<td>${escapeHtml(m.encoding ?? '')}</td><td>${m.segments ?? ''}</td></tr>`,
      )
      .join('\n');
    return sandboxPage({
      title: 'Cổng SMS thử nghiệm',
      notReal: 'cổng SMS thật',
      width: '70rem',
      styles: `table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: .4rem; text-align: left; vertical-align: top; }`,
      body: `<h1>Tin nhắn SMS đã nhận (${messages.length})</h1>
<table><thead><tr><th>Lúc</th><th>Số điện thoại</th><th>Nội dung</th><th>Mã hóa</th><th>Số tin</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">Chưa có tin nhắn nào.</td></tr>'}</tbody></table>`,
    });
  }

  private mails(to?: string): Promise<SandboxMail[]> {
    return this.received.mails(to?.trim() || null);
  }

  private sms(to?: string): Promise<SandboxSms[]> {
    return this.received.sms(to?.trim() || null);
  }
}
