import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientTokenRequestDto } from '../dto/token-request.dto';
import { AccessTokenResponseDto } from '../dto/token-response.dto';
import { LOGIN_RATE_LIMIT } from '../login-rate-limit';
import { ClientCredentialsService } from './client-credentials.service';
import { Public } from '../../platform/http/access-policy';

@ApiTags('identity')
@Public()
@Controller('api/v1/auth/clients')
export class ClientCredentialsController {
  constructor(private readonly credentials: ClientCredentialsService) {}

  @Post('token')
  @HttpCode(200)
  @RouteConfig({ rateLimit: LOGIN_RATE_LIMIT })
  @ApiOperation({ summary: 'Client credentials (national portal gateway) → bearer token' })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  token(@Body() body: ClientTokenRequestDto) {
    return this.credentials.issueToken(body.clientId, body.clientSecret);
  }
}
