import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApiClientRepository } from './clients/api-client.repository';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { PUBLISHED_SECRET_COST, hashSecret, verifySecret } from './secrets/password-hasher';
import { StaffAccountRepository } from './staff/staff-account.repository';

/**
 * At start: registers the API clients of `PORTAL_CLIENTS` (and `portal-sandbox` in sandbox mode), and seeds the
 * sandbox staff when the sandbox registries are in use. Idempotent. Outside sandbox mode it deactivates any sandbox
 * account or client left in the database, because their credentials are public.
 */
@Injectable()
export class IdentitySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('identity');

  constructor(
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly staff: StaffAccountRepository,
    private readonly clients: ApiClientRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seedStaff();
    await this.seedClients();
  }

  private async seedStaff(): Promise<void> {
    const accounts = this.options.sandboxStaff;
    if (!accounts.length) {
      await this.staff.deactivateSandboxAccounts();
      return;
    }
    const existing = await this.staff.existingUsernames(accounts.map((s) => s.username));
    await Promise.all(
      accounts.map(async (s) => {
        const seed = {
          username: s.username,
          fullName: s.fullName,
          role: s.role,
          centerCode: s.centerCode,
          sandbox: true,
        };
        if (existing.has(s.username)) await this.staff.refreshSeeded(seed);
        else await this.staff.insert({ ...seed, passwordHash: await hashSecret(s.password, PUBLISHED_SECRET_COST) });
      }),
    );
    this.logger.log(`SANDBOX staff accounts ready (${accounts.length})`);
  }

  private async seedClients(): Promise<void> {
    const office = this.options.socialInsuranceClients ?? [];
    for (const client of this.options.portalClients) await this.register(client, 'env', 'Cổng Dịch vụ công quốc gia');
    for (const client of office) await this.register(client, 'env', 'Bảo hiểm xã hội tỉnh', 'social_insurance');
    const peers = this.options.peerClients ?? [];
    for (const client of peers) await this.register(client, 'env', 'Hệ thống tỉnh khác', 'peer_province');
    await this.clients.deactivateOthers(
      'env',
      [...this.options.portalClients, ...office, ...peers].map((c) => c.clientId),
    );
    const sandbox = this.options.sandboxPortalClient;
    if (sandbox) await this.register(sandbox, 'sandbox', 'Cổng Dịch vụ công quốc gia (SANDBOX)');
    const sandboxOffice = this.options.sandboxSocialInsuranceClient;
    if (sandboxOffice)
      await this.register(sandboxOffice, 'sandbox', 'Bảo hiểm xã hội tỉnh (SANDBOX)', 'social_insurance');
    await this.clients.deactivateOthers(
      'sandbox',
      [sandbox, sandboxOffice].filter((c) => !!c).map((c) => c.clientId),
    );
  }

  private async register(
    client: { clientId: string; clientSecret: string },
    source: 'env' | 'sandbox',
    name: string,
    scope: 'portal' | 'social_insurance' | 'peer_province' = 'portal',
  ): Promise<void> {
    const stored = await this.clients.find(client.clientId);
    const unchanged =
      stored &&
      stored.active &&
      stored.source === source &&
      stored.scope === scope &&
      (await verifySecret(client.clientSecret, stored.secretHash));
    if (unchanged) return;
    await this.clients.upsert({
      clientId: client.clientId,
      secretHash: await hashSecret(client.clientSecret, source === 'sandbox' ? PUBLISHED_SECRET_COST : undefined),
      name,
      scope,
      source,
    });
  }
}
