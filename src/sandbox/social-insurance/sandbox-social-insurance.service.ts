import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { LegalContextService } from '../../eligibility/legal-context.service';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import type { PaymentReportDto } from '../../social-insurance/dto/payment-report.dto';
import type { SocialInsuranceEvent } from '../../social-insurance/social-insurance-event';
import { SANDBOX_SOCIAL_INSURANCE_CLIENT } from '../clients/sandbox-social-insurance-client';
import { duePayments, OfficeAttempt, ReceivedEvent } from './sandbox-office';
import { SandboxOfficeEvent, SandboxOfficePayment, SandboxOfficeRepository } from './sandbox-office.repository';

export const SANDBOX_OFFICE_OPTIONS = Symbol('SANDBOX_OFFICE_OPTIONS');
/** Optional overrides of the office's options, provided by a global module (tests). */
export const SANDBOX_OFFICE_OVERRIDES = Symbol('SANDBOX_OFFICE_OVERRIDES');

export interface SandboxOfficeOptions {
  /** How often the office looks for months to pay (the acceptance checks move the clock and wait ≤ 10 s). */
  payIntervalMs: number;
  /** Off: only `payDue()` pays (tests). */
  autoPay: boolean;
}

/**
 * The sandbox provincial social insurance office: records the events it is sent (deduplicated by
 * Idempotency-Key), and on the first working day of each benefit month (by the service's CLOCK) pays the month
 * and reports it back through the real `POST /api/v1/social-insurance/payments`, with its own client credentials.
 */
@Injectable()
export class SandboxSocialInsuranceOffice implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('sandbox-social-insurance');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private token?: { value: string; expiresAt: number };

  constructor(
    private readonly office: SandboxOfficeRepository,
    private readonly legal: LegalContextService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(SANDBOX_SOCIAL_INSURANCE_CLIENT) private readonly client: { clientId: string; clientSecret: string },
    @Inject(SANDBOX_OFFICE_OPTIONS) private readonly options: SandboxOfficeOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.autoPay) return;
    const tick = () => {
      this.running = this.payDue()
        .catch((e: Error) => this.logger.warn(`payment run failed: ${e.message}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.payIntervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, this.options.payIntervalMs).unref();
  }

  /** Before the database and the HTTP server close: no new run, and the run in hand finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.running;
  }

  record(eventId: string, payload: SocialInsuranceEvent): Promise<{ duplicate: boolean }> {
    return this.office.recordEvent(eventId, payload);
  }

  events(dossierCode?: string): Promise<SandboxOfficeEvent[]> {
    return this.office.events(dossierCode ?? null);
  }

  payments(dossierCode?: string): Promise<SandboxOfficePayment[]> {
    return this.office.listPayments(dossierCode ?? null);
  }

  /** Pays what is due today and reports every payment not yet reported; returns how many reports went out. */
  async payDue(): Promise<number> {
    const { calendar } = await this.legal.current();
    const today = this.clock.today();
    const events = await this.events();
    const byDossier = new Map<string, SandboxOfficeEvent[]>();
    for (const e of events) byDossier.set(e.dossierCode, [...(byDossier.get(e.dossierCode) ?? []), e]);
    const attempts = await this.payments();
    for (const [code, list] of byDossier) {
      const mine: OfficeAttempt[] = attempts
        .filter((a) => a.dossierCode === code)
        .map((a) => ({ month: a.month, attempt: a.attempt, status: a.status }));
      const received: ReceivedEvent[] = list.map((e) => ({ type: e.type, payload: e.payload }));
      for (const due of duePayments(received, mine, today, (d) => calendar.nextWorkingDayOnOrAfter(d))) {
        const reportId = `BHXH-${code}-T${due.month}-L${due.attempt}`;
        const body: PaymentReportDto = {
          reportId,
          dossierCode: code,
          personalId: list[0].personalId,
          month: due.month,
          amount: due.amount,
          status: due.status,
          ...(due.paidAt ? { paidAt: due.paidAt } : {}),
          ...(due.failureReason ? { failureReason: due.failureReason } : {}),
        };
        await this.office.addPayment({ attempt: due.attempt, body });
      }
    }
    let reported = 0;
    for (const p of (await this.payments()).filter((x) => !x.reported)) {
      const status = await this.report(p.body);
      if (status >= 200 && status < 300) reported++;
      // 2xx: recorded; 409: the service already holds a final result for the month; 404: not (yet) known there.
      if ((status >= 200 && status < 300) || status === 409) await this.office.markReported(p.reportId);
    }
    return reported;
  }

  private async report(body: unknown, retried = false): Promise<number> {
    const base = this.runtime.selfUrl.replace(/\/+$/, '');
    const response = await fetch(`${base}/api/v1/social-insurance/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.accessToken()}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    await response.text();
    // The token ran out (or the sandbox clock moved past it): log in again once.
    if (response.status === 401 && !retried) {
      this.token = undefined;
      return this.report(body, true);
    }
    return response.status;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 30_000) return this.token.value;
    const base = this.runtime.selfUrl.replace(/\/+$/, '');
    const response = await fetch(`${base}/api/v1/auth/clients/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.client),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`sandbox office could not log in: HTTP ${response.status}`);
    const { accessToken, expiresIn } = (await response.json()) as { accessToken: string; expiresIn: number };
    this.token = { value: accessToken, expiresAt: Date.now() + expiresIn * 1000 };
    return accessToken;
  }
}
