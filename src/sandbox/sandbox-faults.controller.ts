import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  ParseEnumPipe,
  Put,
  UseInterceptors,
  ValidationPipe,
} from '@nestjs/common';
import { SandboxFaultDto } from './sandbox-fault.dto';
import { SandboxFaultInjector, SandboxFaultTarget } from './sandbox-fault-injector.service';
import { SandboxHeaderInterceptor } from './sandbox-header.interceptor';
import { Public } from '../platform/http/access-policy';

const TARGETS = { population: 'population', insurance: 'insurance' } as const;

/** Arms or clears registry faults (sandbox only), for fault-tolerance tests against a running server. */
@Public()
@Controller('sandbox/faults')
@UseInterceptors(SandboxHeaderInterceptor)
export class SandboxFaultsController {
  constructor(private readonly faults: SandboxFaultInjector) {}

  @Put(':target')
  @HttpCode(204)
  arm(
    @Param('target', new ParseEnumPipe(TARGETS)) target: SandboxFaultTarget,
    @Body(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true })) fault: SandboxFaultDto,
  ): void {
    this.faults.arm(target, fault);
  }

  @Delete()
  @HttpCode(204)
  clear(): void {
    this.faults.clear();
  }
}
