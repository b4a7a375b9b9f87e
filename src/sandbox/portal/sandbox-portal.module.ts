import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SandboxHeaderInterceptor } from '../sandbox-header.interceptor';
import { SandboxPortalController } from './sandbox-portal.controller';
import { SandboxPortalEventEntity } from './sandbox-portal-event.entity';
import { SandboxPortalEventsRepository } from './sandbox-portal-events.repository';
import { SandboxPortalFaults } from './sandbox-portal-faults.service';

/** The embedded national-portal receiver; load only when `PORTAL_SYNC_URL` is unset (runtime.sandbox.portal). */
@Module({
  imports: [TypeOrmModule.forFeature([SandboxPortalEventEntity])],
  controllers: [SandboxPortalController],
  providers: [SandboxPortalEventsRepository, SandboxPortalFaults, SandboxHeaderInterceptor],
})
export class SandboxPortalModule {}
