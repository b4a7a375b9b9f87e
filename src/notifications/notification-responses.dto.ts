import { ApiProperty } from '@nestjs/swagger';

/** Response bodies of the notifications routes, as documented in the OpenAPI document (docs/openapi.json). */

export class NotificationViewDto {
  @ApiProperty({ type: Number })
  attempts!: number;

  @ApiProperty({ required: false, nullable: true, enum: ['ucs2', 'gsm7'] })
  encoding?: 'ucs2' | 'gsm7' | null;

  @ApiProperty({ required: false, nullable: true, type: Number })
  segments?: number | null;

  @ApiProperty({ type: String })
  text!: string;

  @ApiProperty({ required: false, type: String })
  subject?: string;

  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ enum: ['email', 'sms'] })
  channel!: 'email' | 'sms';

  @ApiProperty({ type: String })
  template!: string;

  @ApiProperty({ enum: ['failed', 'queued', 'retrying', 'sent'] })
  status!: 'failed' | 'queued' | 'retrying' | 'sent';

  @ApiProperty({ nullable: true, type: String })
  sentAt!: string | null;

  @ApiProperty({ type: String })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  dossierId!: string | null;

  @ApiProperty({ type: String })
  recipient!: string;
}

export class NotificationPreferencesViewDto {
  @ApiProperty({ type: Boolean })
  email!: boolean;

  @ApiProperty({ type: Boolean })
  sms!: boolean;

  @ApiProperty({ nullable: true, type: Boolean, description: "null: the deployment's default (`SMS_UNACCENTED`)." })
  smsUnaccented!: boolean | null;
}

export class NotificationPreferencesSavedDto {
  @ApiProperty({ type: Boolean })
  email!: boolean;

  @ApiProperty({ type: Boolean })
  sms!: boolean;

  @ApiProperty({ nullable: true, type: Boolean })
  smsUnaccented!: boolean | null;
}
