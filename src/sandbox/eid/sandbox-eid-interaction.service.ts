import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Interaction } from 'oidc-provider';
import { SandboxDirectory } from '../sandbox-directory.service';
import { renderSandboxEidError, renderSandboxEidLogin } from './sandbox-eid-pages';
import { SandboxEidProvider } from './sandbox-eid-provider.service';

/** The sandbox provider's login step: pick a sandbox resident (or type a personal ID), no password. */
@Injectable()
export class SandboxEidInteractionService {
  constructor(
    private readonly eid: SandboxEidProvider,
    private readonly directory: SandboxDirectory,
  ) {}

  async show(uid: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const details = await this.details(uid, request, reply);
    if (!details) return;
    if (details.prompt.name !== 'login') return this.grantConsent(details, request, reply);
    this.html(reply, 200, this.loginPage(uid));
  }

  async login(
    uid: string,
    form: { personalId?: string; selectedPersonalId?: string },
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const details = await this.details(uid, request, reply);
    if (!details) return;
    const typed = (form.personalId ?? '').replace(/\s+/g, '');
    const personalId = typed || (form.selectedPersonalId ?? '');
    if (!personalId) return this.html(reply, 400, this.loginPage(uid, 'Vui lòng nhập hoặc chọn số định danh cá nhân.'));
    if (!/^\d{12}$/.test(personalId)) {
      return this.html(reply, 400, this.loginPage(uid, 'Số định danh cá nhân phải gồm đúng 12 chữ số.', typed));
    }
    if (!this.directory.citizen(personalId)) {
      return this.html(reply, 400, this.loginPage(uid, 'Không có cư dân thử nghiệm nào có số định danh này.', typed));
    }
    const returnTo = await this.eid.instance.interactionResult(request.raw, reply.raw, {
      login: { accountId: personalId, amr: ['sandbox'] },
    });
    void reply.redirect(returnTo, 303);
  }

  async abort(uid: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const details = await this.details(uid, request, reply);
    if (!details) return;
    const returnTo = await this.eid.instance.interactionResult(
      request.raw,
      reply.raw,
      {
        error: 'access_denied',
        error_description: 'Người dùng đã hủy đăng nhập.',
      },
      { mergeWithLastSubmission: false },
    );
    void reply.redirect(returnTo, 303);
  }

  private async grantConsent(details: Interaction, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { Grant } = this.eid.instance;
    const clientId = typeof details.params.client_id === 'string' ? details.params.client_id : undefined;
    const grant =
      (details.grantId ? await Grant.find(details.grantId) : undefined) ??
      new Grant({ accountId: details.session?.accountId, clientId });
    grant.addOIDCScope('openid profile');
    const grantId = await grant.save();
    const returnTo = await this.eid.instance.interactionResult(request.raw, reply.raw, { consent: { grantId } });
    void reply.redirect(returnTo, 303);
  }

  /** The pending interaction, or an error page when its cookie is missing or expired. */
  private async details(uid: string, request: FastifyRequest, reply: FastifyReply): Promise<Interaction | undefined> {
    try {
      const details = await this.eid.instance.interactionDetails(request.raw, reply.raw);
      if (details.uid === uid) return details;
    } catch {
      // fall through
    }
    this.html(reply, 400, renderSandboxEidError('invalid_request', 'interaction not found or expired'));
    return undefined;
  }

  private loginPage(uid: string, error?: string, personalId?: string): string {
    return renderSandboxEidLogin({
      uid,
      clientName: 'Giải quyết hưởng trợ cấp thất nghiệp',
      residents: this.directory.residentSummaries(),
      error,
      personalId,
    });
  }

  private html(reply: FastifyReply, status: number, body: string): void {
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-sandbox', 'true')
      .send(body);
  }
}
