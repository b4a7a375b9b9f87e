import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { StaffCaller } from '../identity';
import { DomainError } from '../platform/errors/domain-error';
import { isUuid } from '../platform/ids/uuid';
import { ListedDeliveryStatus } from './dto/portal-deliveries-query.dto';
import { PortalDeliveryRepository, PortalDeliveryView } from './portal-delivery.repository';
import { PortalDeliveryWorker } from './portal-delivery.worker';

/** What administrators do with the outbox: look at what is stuck, and replay dead letters. */
@Injectable()
export class PortalDeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: PortalDeliveryRepository,
    private readonly audit: AuditLogRepository,
    private readonly worker: PortalDeliveryWorker,
  ) {}

  async list(status: ListedDeliveryStatus | undefined, limit = 100): Promise<{ items: PortalDeliveryView[] }> {
    return { items: await this.deliveries.list(status ? [status] : ['pending', 'dead'], limit) };
  }

  /** Dead → pending with a fresh attempt budget; audited in the same transaction. */
  async replay(eventId: string, admin: StaffCaller, requestId: string): Promise<PortalDeliveryView> {
    if (!isUuid(eventId)) throw DomainError.notFound('Không tìm thấy sự kiện đồng bộ.');
    const replayed = await this.dataSource.transaction(async (em) => {
      const event = await this.deliveries.findForUpdate(em, eventId);
      if (!event) throw DomainError.notFound('Không tìm thấy sự kiện đồng bộ.');
      if (event.status !== 'dead') {
        throw DomainError.conflict('Chỉ gửi lại được sự kiện đã ngừng gửi (dead).', { status: event.status });
      }
      const view = await this.deliveries.replay(em, event.jobId, eventId);
      await this.audit.append(em, {
        actorType: 'staff',
        actorId: admin.username,
        action: 'portal.delivery.replay',
        entityType: 'portal_event',
        entityId: eventId,
        data: {
          dossierId: event.dossierId,
          dossierCode: event.dossierCode,
          dossierStatus: event.dossierStatus,
          attemptsBefore: event.attempts,
          lastError: event.lastError,
          requestId,
        },
      });
      return view;
    });
    this.worker.wake();
    return replayed;
  }
}
