import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessmentRequestDto } from './dto/assessment-request.dto';
import { EligibilityService } from './eligibility.service';

@ApiTags('eligibility')
@Controller('api/v1/eligibility')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Post('assessments')
  @HttpCode(200)
  @RouteConfig({ rateLimit: { max: 60, timeWindow: '1 minute' } })
  @ApiOperation({ summary: 'Stateless benefit calculator (public, rate limited)' })
  assess(@Body() body: AssessmentRequestDto) {
    return this.eligibility.assess(body);
  }
}
