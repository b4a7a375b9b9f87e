import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Caller, StaffOnly } from '../identity';
import { MonthlyQueryDto } from './dto/monthly-query.dto';
import { SummaryQueryDto } from './dto/summary-query.dto';
import { sendReportFile } from './report-reply';
import { ReportsService } from './reports.service';
import { ReportSummaryDto } from './dto/report-responses.dto';

@ApiTags('reports')
@Controller('api/v1/reports')
@StaffOnly('center_head', 'director', 'admin')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @ApiOkResponse({ type: ReportSummaryDto })
  @ApiOperation({
    summary: 'Figures of a date range (≤ 366 days): own center for a center head, province or one center otherwise',
  })
  summary(@Query() query: SummaryQueryDto, @CurrentCaller() principal: Caller) {
    return this.reports.summary(query, principal);
  }

  @Get('monthly')
  @ApiOkResponse({
    description: 'The report file (XLSX, CSV) or the figures (JSON)',

    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },

      'text/csv': { schema: { type: 'string' } },

      'application/json': {
        schema: {
          type: 'object',
          additionalProperties: true,
          description:
            '`{ month, <heading>, summary, tables }`: the summary (as GET /summary) and the tables of the file',
        },
      },
    },
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/json')
  @ApiOperation({ summary: 'The monthly report as XLSX (default), CSV or JSON' })
  async monthly(
    @Query() query: MonthlyQueryDto,
    @CurrentCaller() principal: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendReportFile(reply, await this.reports.monthly(query, principal));
  }
}
