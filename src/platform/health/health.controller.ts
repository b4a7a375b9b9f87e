import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { Runtime } from '../embedded/runtime';
import { RUNTIME } from '../platform.module';
import { HealthService } from './health.service';
import { metricsAccess } from './metrics-access';
import { metricsRegistry } from '../http/metrics';
import { Public } from '../http/access-policy';
import { LivenessDto, ReadinessDto } from './health-responses.dto';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Get('health/live')
  @ApiOkResponse({ type: LivenessDto })
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @ApiOkResponse({ type: ReadinessDto })
  ready(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.health.readiness(reply);
  }

  @Get('metrics')
  @ApiOkResponse({ description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } })
  @Header('content-type', 'text/plain; version=0.0.4')
  @Header('cache-control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Prometheus metrics; `Authorization: Bearer <METRICS_TOKEN>` when that is set' })
  metrics(@Req() request: FastifyRequest) {
    const access = metricsAccess(this.runtime.config, request.headers.authorization);
    if (access === 'hidden') throw DomainError.notFound('Không tìm thấy trang.');
    if (access === 'unauthorized') {
      throw DomainError.unauthenticated('Cần mã truy cập số liệu giám sát (METRICS_TOKEN).');
    }
    return metricsRegistry.metrics();
  }
}
