import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JobSearchActivity, NoticeChannel } from './benefit.repository';

/** A monthly job-search notice (Mẫu số 24), one per benefit month (table `job_search_notice`). */
@Entity({ name: 'job_search_notice' })
export class JobSearchNoticeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: false })
  dossierId: string;

  @Column({ type: 'integer', nullable: false })
  month: number;

  @Column({ type: 'text', nullable: false })
  channel: NoticeChannel;

  @Column({ name: 'filed_at', type: 'timestamptz', nullable: false })
  filedAt: Date;

  /** `YYYY-MM-DD`: the Việt Nam calendar day of `filed_at`. */
  @Column({ name: 'filed_on', type: 'date', nullable: false })
  filedOn: string;

  @Column({ name: 'center_code', type: 'text', nullable: false })
  centerCode: string;

  @Column({ type: 'jsonb', nullable: false })
  activities: JobSearchActivity[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'portal_notice_code', type: 'text', nullable: true })
  portalNoticeCode: string | null;

  @Column({ name: 'receipt_number', type: 'text', nullable: false })
  receiptNumber: string;

  @Column({ name: 'filed_by', type: 'text', nullable: false })
  filedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  createdAt: Date;
}
