import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SandboxClockEntity } from './sandbox-clock.entity';
import { SandboxClockRepository } from './sandbox-clock.repository';
import { SandboxHeaderInterceptor } from './sandbox-header.interceptor';
import { SandboxClockController, SandboxClockService } from './sandbox-clock.controller';

/**
 * The movable clock of sandbox mode (`PUT /sandbox/clock`): loaded with the whole application only, since it moves
 * the application's CLOCK and triggers its scheduled jobs.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SandboxClockEntity])],
  controllers: [SandboxClockController],
  providers: [SandboxClockService, SandboxClockRepository, SandboxHeaderInterceptor],
})
export class SandboxClockModule {}
