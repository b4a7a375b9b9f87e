import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/errors/domain-error';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessTokenResponseDto, PrincipalDto } from '../dto/token-response.dto';
import { StaffLoginDto } from '../dto/token-request.dto';
import { Public, StaffOnly } from '../guards/access-policy.decorator';
import { CurrentPrincipal } from '../guards/current-principal.decorator';
import { Principal } from '../principal';
import { LOGIN_RATE_LIMIT } from '../login-rate-limit';
import { StaffAuthService } from './staff-auth.service';
import { StaffUnlockDto } from '../dto/identity-responses.dto';

@ApiTags('identity')
@Controller()
export class StaffAuthController {
  constructor(private readonly staffAuth: StaffAuthService) {}

  @Post('api/v1/auth/staff/login')
  @Public()
  @HttpCode(200)
  @RouteConfig({ rateLimit: LOGIN_RATE_LIMIT })
  @ApiOperation({ summary: 'Staff login; 401 on wrong credentials or while the account is locked' })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  login(@Body() body: StaffLoginDto, @Req() request: FastifyRequest) {
    return this.staffAuth.login(body.username, body.password, request.ip);
  }

  @Post('api/v1/admin/staff/:username/unlock')
  @ApiOkResponse({ type: StaffUnlockDto })
  @HttpCode(200)
  @StaffOnly('admin')
  @ApiOperation({ summary: "Lift a username's login lock-out from every source (administrator; audited)" })
  unlock(@CurrentPrincipal() admin: Principal, @Param('username') username: string) {
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(username)) throw DomainError.notFound('Không có tài khoản cán bộ này.');
    return this.staffAuth.unlock(admin, username);
  }

  @Get('api/v1/staff/me')
  @StaffOnly()
  @ApiOkResponse({ type: PrincipalDto })
  me(@CurrentPrincipal() principal: Principal): Principal {
    // Who the token says; the request id the decorator adds is not part of the answer.
    const { requestId: _requestId, ...me } = principal;
    return me;
  }
}
