import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, ValidateIf } from 'class-validator';
import { CitizenOnly, CitizenCaller, CurrentCaller } from '../identity';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';
import {
  NotificationPreferencesViewDto,
  NotificationPreferencesSavedDto,
  NotificationViewDto,
} from './notification-responses.dto';

export class NotificationPreferencesDto {
  @ApiProperty({ description: 'Receive e-mails (when the dossier has an address)' })
  @IsBoolean({ message: 'Giá trị nhận thư điện tử phải là true hoặc false.' })
  email: boolean;

  @ApiProperty({ description: 'Receive SMS' })
  @IsBoolean({ message: 'Giá trị nhận tin nhắn SMS phải là true hoặc false.' })
  sms: boolean;

  @ApiPropertyOptional({
    description: 'SMS without diacritics (one segment holds 160 characters instead of 70); null: the default',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsBoolean({ message: 'Giá trị nhắn tin không dấu phải là true, false hoặc null.' })
  smsUnaccented?: boolean | null;
}

@ApiTags('citizen')
@Controller('api/v1/me')
@CitizenOnly()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly service: NotificationService,
  ) {}

  @Get('notifications')
  @ApiOkResponse({ type: NotificationViewDto, isArray: true })
  @ApiOperation({ summary: 'What the service sent this citizen (newest first), with the delivery status' })
  async list(@CurrentCaller() citizen: CitizenCaller) {
    const rows = await this.notifications.forPerson(citizen.personalId, 200);
    return rows.map((n) => ({
      id: n.id,
      channel: n.channel,
      template: n.template,
      status: n.status,
      sentAt: n.sentAt,
      createdAt: n.createdAt,
      dossierId: n.dossierId,
      recipient: n.recipient,
      ...(n.subject ? { subject: n.subject } : {}),
      text: n.body,
      ...(n.channel === 'sms' ? { encoding: n.encoding, segments: n.segments } : {}),
      attempts: n.attempts,
    }));
  }

  @Get('notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesViewDto })
  @ApiOperation({ summary: "The citizen's channels (default: e-mail when the dossier has one, SMS always)" })
  async preferences(@CurrentCaller() citizen: CitizenCaller) {
    const { stored: _stored, ...p } = await this.service.preferencesOf(citizen.personalId);
    return p;
  }

  @Put('notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesSavedDto })
  @ApiOperation({ summary: 'Choose the channels; `smsUnaccented` sends SMS without diacritics' })
  async save(@CurrentCaller() citizen: CitizenCaller, @Body() body: NotificationPreferencesDto) {
    const p = { email: body.email, sms: body.sms, smsUnaccented: body.smsUnaccented ?? null };
    await this.notifications.savePreferences(citizen.personalId, p);
    return p;
  }
}
