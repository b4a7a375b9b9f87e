import { Controller, Get, Inject, Optional, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SandboxHeaderInterceptor } from '../sandbox-header.interceptor';
import { SANDBOX_PORTAL_CLIENT } from './sandbox-portal-client';
import { SANDBOX_SOCIAL_INSURANCE_CLIENT } from './sandbox-social-insurance-client';
import { Public } from '../../platform/http/access-policy';

/**
 * Sandbox only: the API clients' credentials, so scripts can call the portal API and report payments as the
 * social insurance office. The portal client comes first (scripts take the first one).
 */
@ApiTags('sandbox')
@Public()
@Controller('sandbox/clients')
@UseInterceptors(SandboxHeaderInterceptor)
export class SandboxClientsController {
  constructor(
    @Inject(SANDBOX_PORTAL_CLIENT) private readonly client: { clientId: string; clientSecret: string },
    @Optional()
    @Inject(SANDBOX_SOCIAL_INSURANCE_CLIENT)
    private readonly office?: { clientId: string; clientSecret: string },
  ) {}

  @Get()
  @ApiOperation({ summary: 'Sandbox only: API clients and their secrets' })
  list(): { clientId: string; clientSecret: string }[] {
    // Exactly the token request's body, so a script can send an entry as it is.
    return [
      { clientId: this.client.clientId, clientSecret: this.client.clientSecret },
      ...(this.office ? [{ clientId: this.office.clientId, clientSecret: this.office.clientSecret }] : []),
    ];
  }
}
