import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiRedirectResponse } from '../../platform/http/api-responses';
import { Public } from '../../platform/http/access-policy';
import { StaffOidcService } from './staff-oidc.service';

/** Browser endpoints of the staff sign-in through the province's identity provider (404 when not configured). */
@ApiTags('identity')
@Public()
@Controller('auth/staff/oidc')
export class StaffOidcController {
  constructor(private readonly staffOidc: StaffOidcService) {}

  @Get('login')
  @ApiOperation({ summary: "Start the staff sign-in at the province's identity provider (302)" })
  @ApiRedirectResponse(302, "To the province's identity provider")
  start(@Query('returnTo') returnTo: string | undefined, @Res() reply: FastifyReply) {
    return this.staffOidc.start(typeof returnTo === 'string' ? returnTo : undefined, reply);
  }

  @Get('callback')
  @ApiOperation({ summary: 'Return from the identity provider: 303 to the staff login page carrying the token' })
  @ApiRedirectResponse(303, 'Signed in: to the staff login page, the token in the fragment')
  callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.staffOidc.complete(request, reply);
  }
}
