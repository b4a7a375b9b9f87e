import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RouteLimits } from '../platform/http/route-limits';
import { AssessmentRequestDto } from './dto/assessment-request.dto';
import { EligibilityService } from './eligibility.service';
import { Public } from '../platform/http/access-policy';
import { AssessmentDto } from './dto/eligibility-responses.dto';

@ApiTags('eligibility')
@Public()
@Controller('api/v1/eligibility')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Post('assessments')
  @ApiOkResponse({ type: AssessmentDto })
  @HttpCode(200)
  // 1 200 contribution months, even pretty-printed, stay well under 256 KB.
  @RouteLimits({ rateLimit: { max: 60, timeWindow: '1 minute' }, bodyLimit: 256 * 1024 })
  @ApiOperation({ summary: 'Stateless benefit calculator (public, rate limited)' })
  assess(@Body() body: AssessmentRequestDto) {
    return this.eligibility.assess(body);
  }
}
