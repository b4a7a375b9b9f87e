import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../../identity';
import { DomainError } from '../../platform/errors/domain-error';
import { IntegrationHealthDto } from '../dto/indicators-responses.dto';
import { IntegrationHealthService } from './integration-health.service';

@ApiTags('indicators')
@Controller('api/v1/admin/integrations')
@StaffOnly('admin')
export class IntegrationHealthController {
  constructor(private readonly health: IntegrationHealthService) {}

  @Get('health')
  @ApiOperation({
    summary: 'Per national system: calls, success rate, p95 latency per day, last error, queue depth, dead letters',
  })
  @ApiQuery({ name: 'days', required: false, description: '1–31, default 14' })
  @ApiOkResponse({ type: IntegrationHealthDto })
  get(@Query('days') days?: unknown) {
    const n = days === undefined ? 14 : Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 31)
      throw DomainError.validation([
        { field: 'days', code: 'out_of_range', message: 'Số ngày (days) phải là số nguyên từ 1 đến 31.' },
      ]);
    return this.health.health(n);
  }
}
