import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A citizen's unfinished application (table `citizen_draft`): one per person, deleted when the dossier is filed. */
@Entity({ name: 'citizen_draft' })
export class CitizenDraftEntity {
  @PrimaryColumn({ name: 'personal_id', type: 'char', length: 12 })
  personalId: string;

  /** The answers so far, as the API checked them (a JSON object of at most 16 KiB). */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
