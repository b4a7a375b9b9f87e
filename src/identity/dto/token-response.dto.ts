import { ApiProperty } from '@nestjs/swagger';

export class AccessTokenResponseDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ description: 'Lifetime in seconds', example: 3600 })
  expiresIn: number;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';
}

export class PrincipalDto {
  @ApiProperty({ enum: ['citizen', 'staff', 'client'] })
  kind: string;

  @ApiProperty({ description: 'Personal ID (citizen), username (staff) or client id (client)' })
  subject: string;

  @ApiProperty({ required: false })
  personalId?: string;

  @ApiProperty({ required: false })
  username?: string;

  @ApiProperty({ required: false })
  fullName?: string;

  @ApiProperty({ required: false, enum: ['receiver', 'reviewer', 'center_head', 'director', 'admin'] })
  role?: string;

  @ApiProperty({ required: false, nullable: true, type: String })
  centerCode?: string | null;

  @ApiProperty({ required: false })
  clientId?: string;
}
