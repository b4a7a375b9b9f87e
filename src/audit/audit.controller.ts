import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../identity';
import { AuditCheckpoints } from './audit-checkpoints.service';

@ApiTags('admin')
@Controller('api/v1/admin/audit')
export class AuditController {
  constructor(private readonly checkpoints: AuditCheckpoints) {}

  @Get('verify')
  @StaffOnly('admin')
  @ApiOperation({ summary: 'Verify the audit hash chain and its signed checkpoints; names the first broken row' })
  verify() {
    return this.checkpoints.verify();
  }
}
