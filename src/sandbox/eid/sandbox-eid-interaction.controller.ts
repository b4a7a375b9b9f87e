import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SandboxEidInteractionService } from './sandbox-eid-interaction.service';
import { SandboxEidLoginFormDto } from './sandbox-eid-login-form.dto';
import { Public } from '../../platform/http/access-policy';

/** Login pages of the sandbox e-ID provider (HTML forms). */
@ApiExcludeController()
@Public()
@Controller('sandbox/eid/interaction')
export class SandboxEidInteractionController {
  constructor(private readonly interactions: SandboxEidInteractionService) {}

  @Get(':uid')
  show(@Param('uid') uid: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.interactions.show(uid, request, reply);
  }

  @Post(':uid/login')
  login(
    @Param('uid') uid: string,
    @Body() form: SandboxEidLoginFormDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.interactions.login(uid, form, request, reply);
  }

  @Post(':uid/abort')
  abort(@Param('uid') uid: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.interactions.abort(uid, request, reply);
  }
}
