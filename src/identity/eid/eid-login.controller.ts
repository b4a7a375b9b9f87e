import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EidLoginService } from './eid-login.service';
import { Public } from '../../platform/http/access-policy';
import { ApiEmptyResponse, ApiRedirectResponse } from '../../platform/http/api-responses';
import { AccessTokenResponseDto } from '../dto/token-response.dto';

/** The page a browser lands on after logging out (see src/web). */
export const SIGNED_OUT_PAGE = '/da-dang-xuat';

/** True when an Accept header ranks text/html above JSON (a browser navigating, not an API client). */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const quality = (type: string) => {
    let best = 0;
    for (const part of accept.split(',')) {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      const matches = range === type || range === `${type.split('/')[0]}/*`;
      if (!matches) continue;
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      best = Math.max(best, q ? Number(q[1]) : 1);
    }
    return best;
  };
  const html = quality('text/html');
  return html > 0 && html > Math.max(quality('application/json'), quality('application/problem+json'));
}

/** Browser endpoints of the citizen login (redirects, cookies), outside the JSON API. */
@ApiTags('identity')
@Public()
@Controller('auth')
export class EidLoginController {
  constructor(private readonly login: EidLoginService) {}

  @Get('eid/login')
  @ApiRedirectResponse(302, 'To the e-ID provider')
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
  @ApiRedirectResponse(302, 'Logged in: the session cookie is set, on to `returnTo`')
  @ApiOkResponse({ type: AccessTokenResponseDto, description: 'Logged in with `response=token`: a bearer token' })
  @ApiOperation({
    summary: 'Return from the e-ID provider: session cookie + 302 to `returnTo`, or `{accessToken, expiresIn}`',
  })
  callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.login.complete(request, reply);
  }

  @Post('logout')
  @ApiEmptyResponse('Signed out')
  @ApiRedirectResponse(303, 'Signed out (a browser): to the page that says so')
  @ApiOperation({
    summary:
      'End the session on the server (session cookie or bearer token; every token of it then gets 401) and clear the ' +
      'cookie: 204, or for a browser (Accept prefers text/html) 303 to the page that says so',
  })
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.login.logout(request, reply);
    if (prefersHtml(request.headers.accept)) await reply.redirect(SIGNED_OUT_PAGE, 303);
    else await reply.status(204).send();
  }
}
