import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file uploaded before filing (table `citizen_draft_attachment`); moved onto the dossier when it is filed. */
@Entity({ name: 'citizen_draft_attachment' })
export class CitizenDraftAttachmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'personal_id', type: 'char', length: 12 })
  personalId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  /** bigint: node-postgres gives it as a string. */
  @Column({ type: 'bigint' })
  size: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'object_key', type: 'text' })
  objectKey: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
