import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class SandboxPortalFaultDto {
  @ApiPropertyOptional({ description: 'Answer 503 to everything until set back to false' })
  @IsOptional()
  @IsBoolean()
  down?: boolean;

  @ApiPropertyOptional({ description: 'Answer 503 to the next n events' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  failNext?: number;
}
