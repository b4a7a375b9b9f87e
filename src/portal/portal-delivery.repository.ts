import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobStatus, JobStore, JobView, QueueStats } from '../platform/jobs/job.store';
import { PORTAL_QUEUE } from './portal-outbox.repository';

export type PortalDeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One outgoing portal event as the administrators see it. */
export interface PortalDeliveryView {
  eventId: string;
  dossierId: string;
  dossierCode: string;
  status: PortalDeliveryStatus;
  /** The dossier status this event reports. */
  dossierStatus: string;
  /** Held until the decision it reports is signed. */
  awaitsDecision: boolean;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface PortalOutboxStats {
  pending: number;
  dead: number;
  oldestPendingAgeSeconds: number;
}

const STATUS: Record<JobStatus, PortalDeliveryStatus> = {
  pending: 'pending',
  held: 'pending',
  done: 'delivered',
  dead: 'dead',
};

function view(job: JobView): PortalDeliveryView {
  const payload = job.payload as { dossierCode?: string; status?: string };
  return {
    eventId: job.dedupeKey ?? '',
    dossierId: job.key ?? '',
    dossierCode: payload.dossierCode ?? '',
    status: STATUS[job.status],
    dossierStatus: payload.status ?? '',
    awaitsDecision: job.status === 'held',
    attempts: job.attempts,
    nextAttemptAt: job.runAt,
    lastError: job.lastError,
    createdAt: job.createdAt,
    deliveredAt: job.doneAt,
  };
}

/** The portal's queue in the job facility, seen as deliveries (administrators' list and replay, gauges). */
@Injectable()
export class PortalDeliveryRepository {
  constructor(private readonly jobs: JobStore) {}

  async list(statuses: PortalDeliveryStatus[], limit: number): Promise<PortalDeliveryView[]> {
    const jobStatuses = (Object.keys(STATUS) as JobStatus[]).filter((s) => statuses.includes(STATUS[s]));
    return (await this.jobs.list({ queue: PORTAL_QUEUE, statuses: jobStatuses, limit })).map(view);
  }

  async findForUpdate(
    em: EntityManager,
    eventId: string,
  ): Promise<(PortalDeliveryView & { jobId: string }) | undefined> {
    const job = await this.jobs.find(PORTAL_QUEUE, eventId, em);
    return job ? { ...view(job), jobId: job.id } : undefined;
  }

  /** Dead → pending with a fresh attempt budget, due now. The last error stays for the record. */
  async replay(em: EntityManager, jobId: string, eventId: string): Promise<PortalDeliveryView> {
    await this.jobs.replay(em, jobId);
    return view((await this.jobs.find(PORTAL_QUEUE, eventId, em))!);
  }

  async stats(): Promise<PortalOutboxStats> {
    const s: QueueStats = await this.jobs.stats(PORTAL_QUEUE);
    return { pending: s.pending + s.held, dead: s.dead, oldestPendingAgeSeconds: s.oldestWaitingAgeSeconds };
  }
}
