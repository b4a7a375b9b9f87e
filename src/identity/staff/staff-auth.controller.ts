import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessTokenResponseDto, PrincipalDto } from '../dto/token-response.dto';
import { StaffLoginDto } from '../dto/token-request.dto';
import { StaffOnly } from '../guards/access-policy.decorator';
import { CurrentPrincipal } from '../guards/current-principal.decorator';
import { Principal } from '../principal';
import { LOGIN_RATE_LIMIT } from '../login-rate-limit';
import { StaffAuthService } from './staff-auth.service';

@ApiTags('identity')
@Controller()
export class StaffAuthController {
  constructor(private readonly staffAuth: StaffAuthService) {}

  @Post('api/v1/auth/staff/login')
  @HttpCode(200)
  @RouteConfig({ rateLimit: LOGIN_RATE_LIMIT })
  @ApiOperation({ summary: 'Staff login; 401 on wrong credentials or while the account is locked' })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  login(@Body() body: StaffLoginDto) {
    return this.staffAuth.login(body.username, body.password);
  }

  @Get('api/v1/staff/me')
  @StaffOnly()
  @ApiOkResponse({ type: PrincipalDto })
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
