import { ApiProperty } from '@nestjs/swagger';

/** Response bodies of the platform routes, as documented in the OpenAPI document (docs/openapi.json). */

export class LivenessDto {
  @ApiProperty({ type: String })
  status!: string;
}

export class ReadinessChecksDto {
  @ApiProperty({ enum: ['up', 'down'] })
  database!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  objectStore!: 'up' | 'down';
}

export class ReadinessDto {
  @ApiProperty({ type: String })
  status!: string;

  @ApiProperty({ type: () => ReadinessChecksDto })
  checks!: ReadinessChecksDto;

  @ApiProperty({ isArray: true, type: String })
  embeddedDefaults!: string[];
}
