import { Global, Module } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository';
import { AuditController } from './audit.controller';

@Global()
@Module({ controllers: [AuditController], providers: [AuditLogRepository], exports: [AuditLogRepository] })
export class AuditModule {}
