import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { JobStore } from '../platform/jobs/job.store';
import { SOCIAL_INSURANCE_QUEUE, SocialInsuranceEvent } from './social-insurance-event';

/**
 * Events for the office, written in the transaction of the change they report (transactional outbox, as jobs of
 * `social-insurance.send`): keyed by personal ID so one person's events reach the office in the order they
 * happened, deduplicated by event id. An event `held` waits (and keeps that person's later events waiting) until
 * it is released with what it lacked (the approval, until its decision is issued).
 */
@Injectable()
export class SocialInsuranceOutbox {
  constructor(private readonly jobs: JobStore) {}

  async enqueue(
    em: EntityManager,
    event: Omit<SocialInsuranceEvent, 'eventId'>,
    options: { hold?: string } = {},
  ): Promise<string> {
    const eventId = randomUUID();
    await this.jobs.enqueue(em, SOCIAL_INSURANCE_QUEUE, { eventId, ...event } satisfies SocialInsuranceEvent, {
      key: event.personalId,
      dedupeKey: eventId,
      hold: options.hold,
    });
    return eventId;
  }
}
