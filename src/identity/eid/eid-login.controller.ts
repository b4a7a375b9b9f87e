import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EidLoginService } from './eid-login.service';

/** Browser endpoints of the citizen login (redirects, cookies), outside the JSON API. */
@ApiTags('identity')
@Controller('auth')
export class EidLoginController {
  constructor(private readonly login: EidLoginService) {}

  @Get('eid/login')
  @ApiOperation({
    summary: 'Start the e-ID login (302 to the provider); `response=token` makes the callback answer a bearer token',
  })
  start(
    @Query('returnTo') returnTo: string | undefined,
    @Query('response') response: string | undefined,
    @Query('canonical') canonical: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.login.start({ returnTo, response, canonical }, reply, request);
  }

  @Get('eid/callback')
  @ApiOperation({
    summary: 'Return from the e-ID provider: session cookie + 302 to `returnTo`, or `{accessToken, expiresIn}`',
  })
  callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.login.complete(request, reply);
  }

  @Post('logout')
  @ApiOperation({ summary: 'End the web session (clears the session cookie)' })
  @HttpCode(204)
  logout(@Res({ passthrough: true }) reply: FastifyReply): void {
    this.login.logout(reply);
  }
}
