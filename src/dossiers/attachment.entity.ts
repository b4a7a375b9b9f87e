import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file attached to a dossier (table `attachment`); the bytes live in the object store under `object_key`. */
@Entity({ name: 'attachment' })
export class AttachmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'object_key', type: 'text' })
  objectKey: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;

  /** `<actor type>:<subject>`. */
  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy: string;
}
