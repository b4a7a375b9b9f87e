import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PaymentDto } from '../dossiers/dto/application.dto';
import {
  Authenticated,
  CitizenOnly,
  CitizenCaller,
  ClientOnly,
  ClientCaller,
  CurrentCaller,
  Caller,
} from '../identity';
import { PaymentReportDto } from './dto/payment-report.dto';
import { PaymentsService } from './payments.service';
import { PaymentAccountDto } from '../dossiers/dto/dossier-responses.dto';
import { PaymentAccountCorrectionDto, PaymentViewDto } from './dto/social-insurance-responses.dto';

@ApiTags('payments')
@Controller('api/v1/dossiers/:id')
export class DossierPaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get('payments')
  @ApiOkResponse({ type: PaymentViewDto, isArray: true })
  @Authenticated('citizen', 'staff')
  @ApiOperation({ summary: 'Each benefit month: pending, paid (amount, date) or failed (why), as the office reported' })
  list(@CurrentCaller() principal: Caller, @Param('id') id: string) {
    return this.payments.list(principal, id);
  }

  @Get('payment-account')
  @ApiOkResponse({ type: PaymentAccountDto })
  @Authenticated('citizen', 'staff')
  @ApiOperation({ summary: 'The account the office pays to now (the latest correction, else the application)' })
  account(@CurrentCaller() principal: Caller, @Param('id') id: string) {
    return this.payments.account(principal, id);
  }

  @Post('payment-account')
  @ApiOkResponse({ type: PaymentAccountCorrectionDto })
  @HttpCode(200)
  @CitizenOnly()
  @ApiOperation({
    summary: 'Correct the payment account (audited, sent to the office); failed months are asked of the office again',
  })
  correct(@CurrentCaller() citizen: CitizenCaller, @Param('id') id: string, @Body() body: PaymentDto) {
    return this.payments.correctAccount(citizen, id, body);
  }
}

@ApiTags('social insurance office')
@Controller('api/v1/social-insurance/payments')
@ClientOnly('social_insurance')
export class SocialInsurancePaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @ApiCreatedResponse({ type: PaymentViewDto })
  @ApiOperation({
    summary:
      'The office reports one benefit month paid or failed (client credentials, scope social_insurance); ' +
      'idempotent on reportId (a repeat is 200, another body with the same reportId 409)',
  })
  async report(
    @CurrentCaller() client: ClientCaller,
    @Body() body: PaymentReportDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.payments.report(client.clientId, body, request.id);
    reply.status(result.status);
    return result.body;
  }
}
