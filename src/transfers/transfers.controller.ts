import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentCaller } from '../identity';
import type { Caller } from '../identity/caller';
import { Authenticated, CitizenOnly, ClientOnly, Public, StaffOnly } from '../identity';
import { RouteLimits } from '../platform/http/route-limits';
import {
  TransferJwkSetDto,
  TransferPackageReceiptDto,
  TransferPendingDto,
  TransferProvinceDto,
  TransferRequestViewDto,
} from './dto/transfer-responses.dto';
import { TransferPackageDto, TransferRefusalDto, TransferRequestDto } from './dto/transfer.dto';
import { TransferService } from './transfer.service';

@ApiTags('benefit transfer')
@Controller('api/v1')
export class TransfersController {
  constructor(private readonly transfers: TransferService) {}

  @Get('transfers/provinces')
  @Authenticated('citizen', 'staff')
  @ApiOperation({ summary: 'Provinces a benefit can be moved to (empty: transfers not configured here)' })
  @ApiOkResponse({ type: [TransferProvinceDto] })
  provinces() {
    return this.transfers.destinations();
  }

  @Post('dossiers/:id/transfer')
  @CitizenOnly()
  @ApiOperation({
    summary: 'The citizen asks to move the benefit to another province {toProvince, reason, newAddress}',
  })
  @ApiCreatedResponse({ type: TransferRequestViewDto })
  request(@CurrentCaller() actor: Caller, @Param('id') id: string, @Body() body: TransferRequestDto) {
    return this.transfers.request(actor, id, body);
  }

  @Get('dossiers/:id/transfer')
  @Authenticated('citizen', 'staff')
  @ApiOperation({ summary: "The dossier's latest transfer request and where it stands (404 when none)" })
  @ApiOkResponse({ type: TransferRequestViewDto })
  current(@CurrentCaller() actor: Caller, @Param('id') id: string) {
    return this.transfers.current(actor, id);
  }

  @Get('staff/transfers')
  @StaffOnly()
  @ApiOperation({ summary: "Transfer requests awaiting a decision (the caller's center; the Director: province)" })
  @ApiOkResponse({ type: [TransferPendingDto] })
  pending(@CurrentCaller() actor: Caller) {
    return this.transfers.pending(actor);
  }

  @Post('staff/transfers/:id/approve')
  @HttpCode(200)
  @StaffOnly('center_head', 'director')
  @ApiOperation({ summary: 'The paying center approves: the signed package is sent to the receiving province' })
  @ApiOkResponse({ type: TransferRequestViewDto })
  approve(@CurrentCaller() actor: Caller, @Param('id') id: string) {
    return this.transfers.approve(actor, id);
  }

  @Post('staff/transfers/:id/refuse')
  @HttpCode(200)
  @StaffOnly('center_head', 'director')
  @ApiOperation({ summary: 'The paying center refuses {reason}: back to the citizen; the benefit stays' })
  @ApiOkResponse({ type: TransferRequestViewDto })
  refuse(@CurrentCaller() actor: Caller, @Param('id') id: string, @Body() body: TransferRefusalDto) {
    return this.transfers.refuse(actor, id, body.reason);
  }

  @Get('transfers/keys')
  @Public()
  @ApiOperation({ summary: "This province's public key(s) for transfer packages (JWK Set)" })
  @ApiOkResponse({ type: TransferJwkSetDto })
  keys() {
    return this.transfers.keys();
  }

  @Post('transfers/packages')
  @ClientOnly('peer_province')
  @RouteLimits({ bodyLimit: 20 * 1024 * 1024 })
  @ApiOperation({
    summary: 'A signed transfer package from another province; idempotent on its package id (a repeat is 200)',
  })
  @ApiCreatedResponse({ type: TransferPackageReceiptDto, description: 'Accepted: the dossier is opened here' })
  @ApiOkResponse({ type: TransferPackageReceiptDto, description: 'A repeat of a package already accepted' })
  async receive(
    @CurrentCaller() actor: Caller,
    @Body() body: TransferPackageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.transfers.receive(actor, body.package);
    reply.status(result.created ? 201 : 200);
    return { status: 'accepted', packageId: result.packageId, dossierCode: result.dossierCode };
  }
}
