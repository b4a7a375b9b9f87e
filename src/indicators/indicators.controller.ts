import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller } from '../identity';
import type { Caller } from '../identity/caller';
import { CitizenOnly, StaffOnly } from '../identity';
import { Public } from '../platform/http/access-policy';
import { ApiCsvResponse } from '../platform/http/api-responses';
import { SatisfactionDto } from './dto/satisfaction.dto';
import { KpiDocumentDto, MonthIndicatorsDto, SatisfactionViewDto } from './dto/indicators-responses.dto';
import { IndicatorsService } from './indicators.service';
import { OpenDataService } from './open-data.service';
import { SatisfactionService } from './satisfaction.service';
import { DataUseService } from './data-use.service';
import { DomainError } from '../platform/errors/domain-error';

@ApiTags('indicators')
@Controller('api/v1/indicators')
@StaffOnly('center_head', 'director', 'admin')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @ApiOperation({
    summary: 'Service indicators of a month (QĐ 766): province and centers; a center head sees own center',
  })
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM; default the current month' })
  @ApiOkResponse({ type: MonthIndicatorsDto })
  async month(@CurrentCaller() actor: Caller, @Query('month') month?: string) {
    const result = await this.indicators.month(this.indicators.checkedMonth(month));
    if (actor.role === 'center_head' && actor.centerCode)
      return { ...result, centers: result.centers.filter((c) => c.centerCode === actor.centerCode) };
    return result;
  }
}

@ApiTags('public')
@Public()
@Controller('api/v1/public/kpi')
@ApiExtraModels(KpiDocumentDto)
export class PublicKpiController {
  constructor(private readonly openData: OpenDataService) {}

  @Get()
  @RouteConfig({ rateLimit: { max: 60, timeWindow: '1 minute' } })
  @ApiOperation({
    summary: 'Open data: service indicators of a month, province and centers (JSON or CSV); no personal data',
  })
  @ApiOkResponse({
    description: 'JSON, or CSV (the columns of KpiRowDto, the province first) for format=csv or Accept: text/csv',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(KpiDocumentDto) } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM; default the current month' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'], description: 'else Accept: text/csv gives CSV' })
  async kpi(
    @Query('month') month: unknown,
    @Query('format') format: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const wanted = this.openData.format(format, accept);
    const doc = await this.openData.document(this.openData.checkedMonth(month));
    void reply.header('cache-control', 'public, max-age=300');
    void reply.header('vary', 'Accept');
    if (wanted === 'json') return doc;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="chi-so-${doc.month}.csv"`);
    return this.openData.csv(doc);
  }
}

@ApiTags('indicators')
@Controller('api/v1/dossiers')
export class SatisfactionController {
  constructor(private readonly satisfaction: SatisfactionService) {}

  @Post(':id/satisfaction')
  @HttpCode(201)
  @CitizenOnly()
  @ApiOperation({ summary: 'Rate the service 1–5 (+ comment) once the result is returned; once per dossier (409)' })
  @ApiCreatedResponse({ type: SatisfactionViewDto })
  rate(@CurrentCaller() actor: Caller, @Param('id') id: string, @Body() body: SatisfactionDto) {
    return this.satisfaction.rate(actor, id, body);
  }

  @Get(':id/satisfaction')
  @CitizenOnly()
  @ApiOperation({ summary: "The citizen's own rating of the dossier (404 when not rated)" })
  @ApiOkResponse({ type: SatisfactionViewDto })
  get(@CurrentCaller() actor: Caller, @Param('id') id: string) {
    return this.satisfaction.get(actor, id);
  }
}

@ApiTags('indicators')
@Controller('api/v1/admin/data-access')
@StaffOnly('admin')
export class DataUseController {
  constructor(
    private readonly dataUse: DataUseService,
    private readonly indicators: IndicatorsService,
  ) {}

  @Get('export')
  @ApiOperation({
    summary: 'Every registry read of a month per staff account and purpose (CSV; view=summary or reads); admin only',
  })
  @ApiQuery({ name: 'month', required: true, description: 'YYYY-MM' })
  @ApiQuery({ name: 'view', required: false, enum: ['summary', 'reads'] })
  @ApiCsvResponse('The registry reads of the month (view=summary: per account and purpose; view=reads: each read)')
  async export(
    @CurrentCaller() actor: Caller,
    @Query('month') month: unknown,
    @Query('view') view: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (typeof month !== 'string' || month === '')
      throw DomainError.validation([{ field: 'month', code: 'required', message: 'Cần chọn tháng (YYYY-MM).' }]);
    const file = await this.dataUse.export(actor, this.indicators.checkedMonth(month), this.dataUse.view(view));
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    void reply.header('cache-control', 'no-store');
    return file.body;
  }
}
