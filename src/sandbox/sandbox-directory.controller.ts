import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { SandboxDirectory } from './sandbox-directory.service';
import { SandboxHeaderInterceptor } from './sandbox-header.interceptor';
import { Public } from '../platform/http/access-policy';

/** Lets scripts find test subjects and staff accounts (docs/api.md, sandbox mode only). */
@Public()
@Controller('sandbox')
@UseInterceptors(SandboxHeaderInterceptor)
export class SandboxDirectoryController {
  constructor(private readonly directory: SandboxDirectory) {}

  @Get('residents')
  residents() {
    return this.directory.residentSummaries();
  }

  @Get('staff')
  staff() {
    return this.directory.staff();
  }
}
