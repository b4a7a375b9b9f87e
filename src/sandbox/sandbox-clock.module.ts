import { Module } from '@nestjs/common';
import { SandboxHeaderInterceptor } from './sandbox-header.interceptor';
import { SandboxClockController, SandboxClockService } from './sandbox-clock.controller';

/**
 * The movable clock of sandbox mode (`PUT /sandbox/clock`): loaded with the whole application only, since it moves
 * the application's CLOCK and triggers its scheduled jobs.
 */
@Module({
  controllers: [SandboxClockController],
  providers: [SandboxClockService, SandboxHeaderInterceptor],
})
export class SandboxClockModule {}
