import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const LISTED_DELIVERY_STATUSES = ['pending', 'dead'] as const;
export type ListedDeliveryStatus = (typeof LISTED_DELIVERY_STATUSES)[number];

export class PortalDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: LISTED_DELIVERY_STATUSES, description: 'Omitted: both (every undelivered event)' })
  @IsOptional()
  @IsIn(LISTED_DELIVERY_STATUSES)
  status?: ListedDeliveryStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
