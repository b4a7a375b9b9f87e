import { Controller, Get, Inject, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SandboxHeaderInterceptor } from '../sandbox-header.interceptor';
import { SANDBOX_PORTAL_CLIENT } from './sandbox-portal-client';
import { Public } from '../../platform/http/access-policy';

/** Sandbox only: the portal client's credentials, so scripts can call the portal API. */
@ApiTags('sandbox')
@Public()
@Controller('sandbox/clients')
@UseInterceptors(SandboxHeaderInterceptor)
export class SandboxClientsController {
  constructor(@Inject(SANDBOX_PORTAL_CLIENT) private readonly client: { clientId: string; clientSecret: string }) {}

  @Get()
  @ApiOperation({ summary: 'Sandbox only: API clients and their secrets' })
  list(): { clientId: string; clientSecret: string }[] {
    return [{ clientId: this.client.clientId, clientSecret: this.client.clientSecret }];
  }
}
