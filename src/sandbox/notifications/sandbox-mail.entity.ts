import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One message the sandbox SMTP server accepted (table `sandbox_mail`), shown at /sandbox/mailbox. */
@Entity({ name: 'sandbox_mail' })
export class SandboxMailEntity {
  /** bigserial: node-postgres gives a string. */
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id: string;

  @Column({ name: 'mail_from', type: 'text', nullable: true })
  mailFrom: string | null;

  @Column({ name: 'rcpt_to', type: 'text', array: true, nullable: false })
  rcptTo: string[];

  @Column({ name: 'subject', type: 'text', nullable: true })
  subject: string | null;

  @Column({ name: 'text_body', type: 'text', nullable: true })
  textBody: string | null;

  @Column({ name: 'raw_size', type: 'integer', nullable: false })
  rawSize: number;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  receivedAt: Date;
}
