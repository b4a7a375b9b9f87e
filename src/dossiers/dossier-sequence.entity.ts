import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last dossier number given per center and day (table `dossier_sequence`), for the dossier code. */
@Entity({ name: 'dossier_sequence' })
export class DossierSequenceEntity {
  @PrimaryColumn({ name: 'center_code', type: 'text' })
  centerCode: string;

  /** `YYYY-MM-DD` (Vietnam time). */
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue: number;
}
