import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An override of the ordinary working week on one date (table `working_calendar_day`). */
@Entity({ name: 'working_calendar_day' })
export class WorkingCalendarDayEntity {
  /** YYYY-MM-DD (PostgreSQL `date`, read as a string). */
  @PrimaryColumn({ name: 'date', type: 'date' })
  date: string;

  @Column({ name: 'kind', type: 'text', nullable: false })
  kind: 'holiday' | 'working';

  @Column({ name: 'name', type: 'text', nullable: false })
  name: string;

  /** 'shipped' with the release (2020–2030), 'admin' when an administrator set it. */
  @Column({ name: 'source', type: 'text', nullable: false })
  source: 'shipped' | 'admin';

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: false })
  updatedBy: string;
}
