import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import {
  Authenticated,
  type CitizenCaller,
  type ClientCaller,
  CitizenOnly,
  ClientOnly,
  CurrentCaller,
  type StaffCaller,
  StaffOnly,
} from '../identity';
import { BenefitStaffService } from './benefit-staff.service';
import { BenefitService } from './benefit.service';
import { JobSearchNoticeDto, PortalJobSearchNoticeDto } from './dto/job-search-notice.dto';
import {
  BenefitReportRowDto,
  BenefitViewDto,
  JobSearchNoticeReceiptDto,
  MissedMonthDto,
  NoticeRowDto,
  ProposalDecisionsDto,
  ProposalRowDto,
} from './dto/benefit-responses.dto';

@ApiTags('benefit period')
@Controller('api/v1/dossiers')
export class BenefitController {
  constructor(private readonly benefits: BenefitService) {}

  @Get(':id/benefit')
  @ApiOkResponse({ type: BenefitViewDto })
  @Authenticated('citizen', 'staff')
  @ApiOperation({ summary: 'The benefit period: months, notice windows, states (404 before the result is returned)' })
  get(@CurrentCaller() actor: CitizenCaller | StaffCaller, @Param('id') id: string) {
    return this.benefits.view(actor, id);
  }

  @Post(':id/job-search-notices')
  @ApiCreatedResponse({ type: JobSearchNoticeReceiptDto })
  @CitizenOnly()
  @ApiOperation({ summary: "The citizen's monthly job-search notice (Mẫu số 24); 422 outside the window, 409 twice" })
  file(@CurrentCaller() actor: CitizenCaller, @Param('id') id: string, @Body() body: JobSearchNoticeDto) {
    return this.benefits.fileNotice(actor, id, body, 'online');
  }
}

@ApiTags('benefit period')
@Controller('api/v1/staff')
export class StaffBenefitController {
  constructor(
    private readonly benefits: BenefitService,
    private readonly staff: BenefitStaffService,
  ) {}

  @Post('dossiers/:id/job-search-notices')
  @ApiCreatedResponse({ type: JobSearchNoticeReceiptDto })
  @StaffOnly('receiver')
  @ApiOperation({ summary: 'A job-search notice entered by a receiver at the counter' })
  file(@CurrentCaller() actor: StaffCaller, @Param('id') id: string, @Body() body: JobSearchNoticeDto) {
    return this.benefits.fileNotice(actor, id, body, 'counter');
  }

  @Get('benefits/notices')
  @ApiOkResponse({ type: NoticeRowDto, isArray: true })
  @StaffOnly()
  @ApiOperation({ summary: "Queue: notices received (newest first), the caller's center" })
  notices(@CurrentCaller() actor: StaffCaller) {
    return this.staff.notices(actor);
  }

  @Get('benefits/missed')
  @ApiOkResponse({ type: MissedMonthDto, isArray: true })
  @StaffOnly()
  @ApiOperation({ summary: 'Queue: months whose window closed without a notice' })
  missed(@CurrentCaller() actor: StaffCaller) {
    return this.staff.missed(actor);
  }

  @Get('benefits/proposals')
  @ApiOkResponse({ type: ProposalRowDto, isArray: true })
  @StaffOnly()
  @ApiOperation({ summary: 'Queue: suspensions, resumptions and terminations awaiting the Director (?date= the day)' })
  proposals(@CurrentCaller() actor: StaffCaller, @Query('date') date?: string) {
    return this.staff.proposals(actor, date);
  }

  @Post('benefits/proposals/decide')
  @ApiOkResponse({ type: ProposalDecisionsDto })
  @HttpCode(200)
  @StaffOnly('director')
  @ApiOperation({ summary: "The Director decides a batch of the day's proposals (each a workflow action, signed)" })
  decide(@CurrentCaller() actor: StaffCaller, @Body() body: { ids?: unknown; date?: unknown } | null) {
    return this.staff.decideBatch(actor, body);
  }

  @Get('reports/benefits')
  @ApiOkResponse({ type: BenefitReportRowDto, isArray: true })
  @StaffOnly()
  @ApiOperation({ summary: 'Notices, suspensions, resumptions and terminations by month and center' })
  report(@CurrentCaller() actor: StaffCaller, @Query('from') from?: string, @Query('to') to?: string) {
    return this.staff.report(actor, from, to);
  }
}

@ApiTags('national portal')
@ClientOnly()
@Controller('api/v1/portal/job-search-notices')
export class PortalBenefitController {
  constructor(private readonly benefits: BenefitService) {}

  @Post()
  @ApiOkResponse({ type: JobSearchNoticeReceiptDto, description: 'A repeat of a portalNoticeCode: the first notice' })
  @ApiCreatedResponse({ type: JobSearchNoticeReceiptDto })
  @ApiOperation({
    summary: 'A job-search notice submitted on Cổng DVCQG; idempotent on portalNoticeCode (a repeat is 200)',
  })
  async file(
    @CurrentCaller() actor: ClientCaller,
    @Body() body: PortalJobSearchNoticeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { created, notice } = await this.benefits.filePortalNotice(actor, body);
    reply.status(created ? 201 : 200);
    return notice;
  }
}
