import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, StaffOnly, StaffCaller } from '../identity';
import { PortalDeliveriesQueryDto } from './dto/portal-deliveries-query.dto';
import { PortalDeliveriesService } from './portal-deliveries.service';
import { PortalDeliveryView } from './portal-delivery.repository';
import { PortalDeliveryPageDto, PortalDeliveryViewDto } from './dto/portal-responses.dto';

@ApiTags('admin')
@Controller('api/v1/admin/portal/deliveries')
@StaffOnly('admin')
export class PortalDeliveriesAdminController {
  constructor(private readonly deliveries: PortalDeliveriesService) {}

  @Get()
  @ApiOkResponse({ type: PortalDeliveryPageDto })
  @ApiOperation({ summary: 'Undelivered national-portal events (pending, dead letters), oldest first' })
  list(@Query() query: PortalDeliveriesQueryDto): Promise<{ items: PortalDeliveryView[] }> {
    return this.deliveries.list(query.status, query.limit);
  }

  @Post(':eventId/replay')
  @ApiOkResponse({ type: PortalDeliveryViewDto })
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a dead event again (dead → pending, attempts reset); audited' })
  replay(
    @Param('eventId') eventId: string,
    @CurrentCaller() admin: StaffCaller,
    @Req() request: FastifyRequest,
  ): Promise<PortalDeliveryView> {
    return this.deliveries.replay(eventId, admin, request.id);
  }
}
