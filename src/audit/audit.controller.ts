import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../identity';
import { AuditLogRepository } from './audit-log.repository';

@ApiTags('admin')
@Controller('api/v1/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogRepository) {}

  @Get('verify')
  @StaffOnly('admin')
  @ApiOperation({ summary: 'Verify the audit hash chain; names the first broken row' })
  verify() {
    return this.audit.verify();
  }
}
