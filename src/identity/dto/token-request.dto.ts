import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SingleLineText } from '../../platform/http/text';

export class StaffLoginDto {
  @ApiProperty({ example: 'tiepnhan.bh' })
  @IsString()
  @SingleLineText()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Sandbox@2026.tiepnhan.bh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;

  @ApiProperty({ required: false, description: 'When the account must change its password: the new one' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  newPassword?: string;

  @ApiProperty({
    required: false,
    description: 'Two-factor: the 6-digit code of the authenticator, or a recovery code',
  })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @MaxLength(32)
  otp?: string;

  @ApiProperty({ required: false, description: 'Two-factor enrolment: the token of the enrolment being confirmed' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  enrolmentToken?: string;
}

export class ClientTokenRequestDto {
  @ApiProperty({ example: 'portal-sandbox' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  clientId: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  clientSecret: string;
}
