import { AuditChainHeadEntity } from './audit-chain-head.entity';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditLogEntity } from './audit-log.entity';

/** The audit module's tables: register them on any data source an AuditLogRepository runs on. */
export const AUDIT_ENTITIES = [AuditLogEntity, AuditChainHeadEntity, AuditCheckpointEntity];
