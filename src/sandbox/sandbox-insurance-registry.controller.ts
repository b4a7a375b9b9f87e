import { Controller, Get, Param, Res, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SandboxDirectory } from './sandbox-directory.service';
import { SandboxFaultInterceptor, SandboxFaultTargetOf } from './sandbox-fault.interceptor';
import { SandboxHeaderInterceptor } from './sandbox-header.interceptor';
import { recordOrNotFound } from './sandbox-registry-response';
import { Public } from '../platform/http/access-policy';

/** Stand-in for the social-insurance registry gateway: same contract as `HttpSocialInsuranceRegistryAdapter`. */
@Public()
@Controller('sandbox/insurance/v1/insured')
@UseInterceptors(SandboxHeaderInterceptor, SandboxFaultInterceptor)
@SandboxFaultTargetOf('insurance')
export class SandboxInsuranceRegistryController {
  constructor(private readonly directory: SandboxDirectory) {}

  @Get(':personalId')
  insured(@Param('personalId') personalId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return recordOrNotFound(reply, this.directory.insured(personalId), 'No insured person with this personal ID.');
  }
}
