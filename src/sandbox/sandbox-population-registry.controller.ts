import { Controller, Get, Param, Res, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SandboxDirectory } from './sandbox-directory.service';
import { SandboxFaultInterceptor, SandboxFaultTargetOf } from './sandbox-fault.interceptor';
import { SandboxHeaderInterceptor } from './sandbox-header.interceptor';
import { recordOrNotFound } from './sandbox-registry-response';
import { Public } from '../platform/http/access-policy';

/** Stand-in for the population registry gateway: same contract as `HttpPopulationRegistryAdapter` expects. */
@Public()
@Controller('sandbox/population/v1/citizens')
@UseInterceptors(SandboxHeaderInterceptor, SandboxFaultInterceptor)
@SandboxFaultTargetOf('population')
export class SandboxPopulationRegistryController {
  constructor(private readonly directory: SandboxDirectory) {}

  @Get(':personalId')
  citizen(@Param('personalId') personalId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return recordOrNotFound(reply, this.directory.citizen(personalId), 'No citizen with this personal ID.');
  }
}
