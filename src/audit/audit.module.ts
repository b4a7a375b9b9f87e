import { Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Runtime } from '../platform/embedded/runtime';
import { RUNTIME } from '../platform/platform.module';
import { OBJECT_STORE, ObjectStore } from '../platform/storage/object-store.port';
import { CheckpointSigner } from './audit-checkpoint';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { AuditLogRepository } from './audit-log.repository';
import { AuditController } from './audit.controller';
import { AUDIT_ENTITIES } from './audit.entities';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  controllers: [AuditController],
  providers: [
    AuditLogRepository,
    {
      provide: AuditCheckpoints,
      inject: [AuditLogRepository, RUNTIME, OBJECT_STORE],
      useFactory: (audit: AuditLogRepository, runtime: Runtime, store: ObjectStore) =>
        new AuditCheckpoints(audit, new CheckpointSigner(runtime.config.dataDir), store),
    },
  ],
  exports: [AuditLogRepository],
})
export class AuditModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop?: () => void;

  constructor(
    private readonly checkpoints: AuditCheckpoints,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = this.checkpoints.startEvery(this.runtime.config.auditCheckpointSeconds);
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
