import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A citizen's satisfaction rating of a returned dossier, one per dossier (table `satisfaction_rating`); append-only. */
@Entity({ name: 'satisfaction_rating' })
export class SatisfactionRatingEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @Column({ name: 'center_code', type: 'text', nullable: false })
  centerCode: string;

  /** 1 (very dissatisfied) to 5 (very satisfied). */
  @Column({ name: 'rating', type: 'smallint', nullable: false })
  rating: number;

  /** At most 1000 characters; never shown with the dossier or the person in reports. */
  @Column({ name: 'comment', type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: false })
  ratedAt: Date;

  /** The Vietnam calendar day of `rated_at` (YYYY-MM-DD): the month the rating counts in. */
  @Column({ name: 'rated_on', type: 'date', nullable: false })
  ratedOn: string;
}
