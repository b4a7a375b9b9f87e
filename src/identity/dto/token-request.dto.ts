import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
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
