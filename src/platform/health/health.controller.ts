import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { Runtime } from '../embedded/runtime';
import { RUNTIME } from '../platform.module';
import { HealthService } from './health.service';
import { metricsAccess } from './metrics-access';
import { metricsRegistry } from '../http/metrics';
import { Public } from '../http/access-policy';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.health.readiness(reply);
  }

  @Get('metrics')
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
