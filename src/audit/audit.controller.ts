import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../identity';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { ChainVerdictDto } from './audit-responses.dto';

@ApiTags('admin')
@Controller('api/v1/admin/audit')
export class AuditController {
  constructor(private readonly checkpoints: AuditCheckpoints) {}

  @Get('verify')
  @ApiOkResponse({ type: ChainVerdictDto })
  @StaffOnly('admin')
  @ApiOperation({ summary: 'Verify the audit hash chain and its signed checkpoints; names the first broken row' })
  verify() {
    return this.checkpoints.verify();
  }
}
