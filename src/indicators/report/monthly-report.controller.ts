import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffOnly } from '../../identity';
import { ApiPdfResponse, ApiXlsxResponse } from '../../platform/http/api-responses';
import { MonthlyReportEntryDto } from '../dto/indicators-responses.dto';
import { MonthlyReportService } from './monthly-report.service';

@ApiTags('indicators')
@Controller('api/v1/indicator-reports')
@StaffOnly('director', 'admin')
export class MonthlyReportController {
  constructor(private readonly reports: MonthlyReportService) {}

  @Get()
  @ApiOperation({ summary: 'The monthly report drafts kept (newest first), for the Director to review and sign' })
  @ApiOkResponse({ type: MonthlyReportEntryDto, isArray: true })
  list() {
    return this.reports.list();
  }

  @Post(':month')
  @HttpCode(200)
  @ApiOperation({ summary: 'Prepare the draft of a finished month now (returns the existing draft if there is one)' })
  @ApiOkResponse({ type: MonthlyReportEntryDto })
  prepare(@Param('month') month: string) {
    return this.reports.prepare(month);
  }

  @Get(':month/pdf')
  @ApiOperation({ summary: 'The draft report in the Nghị định 30 form (PDF, unsigned)' })
  @ApiPdfResponse('The draft report (PDF, unsigned)')
  pdf(@Param('month') month: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(month, 'pdf', reply);
  }

  @Get(':month/xlsx')
  @ApiOperation({ summary: 'The figures of the draft report (XLSX)' })
  @ApiXlsxResponse('The figures of the draft report')
  xlsx(@Param('month') month: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(month, 'xlsx', reply);
  }

  private async send(month: string, kind: 'pdf' | 'xlsx', reply: FastifyReply): Promise<Buffer> {
    const file = await this.reports.file(month, kind);
    void reply.header('content-type', file.contentType);
    void reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    void reply.header('cache-control', 'no-store');
    return file.body;
  }
}
