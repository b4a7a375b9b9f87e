import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether a year's days off were announced by the Government or are projected (table `working_calendar_year`). */
@Entity({ name: 'working_calendar_year' })
export class WorkingCalendarYearEntity {
  @PrimaryColumn({ name: 'year', type: 'integer' })
  year: number;

  @Column({ name: 'status', type: 'text', nullable: false })
  status: 'announced' | 'projected';

  /** Number of the announcing document. */
  @Column({ name: 'document_number', type: 'text', nullable: true })
  documentNumber: string | null;

  /** Its date, YYYY-MM-DD (PostgreSQL `date`, read as a string). */
  @Column({ name: 'document_date', type: 'date', nullable: true })
  documentDate: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: false })
  updatedBy: string;
}
