import { ApiProperty } from '@nestjs/swagger';

/** Response bodies of the identity routes, as documented in the OpenAPI document (docs/openapi.json). */

export class StaffUnlockDto {
  @ApiProperty({ type: String })
  username!: string;

  @ApiProperty({ type: Number })
  cleared!: number;
}
