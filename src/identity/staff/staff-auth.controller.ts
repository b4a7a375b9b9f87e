import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ChangePasswordDto } from '../accounts/staff-account.dto';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessTokenResponseDto, PrincipalDto } from '../dto/token-response.dto';
import { StaffLoginDto } from '../dto/token-request.dto';
import { Public, StaffOnly } from '../guards/access-policy.decorator';
import { CurrentPrincipal } from '../guards/current-principal.decorator';
import { Principal } from '../principal';
import { LOGIN_RATE_LIMIT } from '../login-rate-limit';
import { StaffAuthService } from './staff-auth.service';

@ApiTags('identity')
@Controller()
export class StaffAuthController {
  constructor(private readonly staffAuth: StaffAuthService) {}

  @Post('api/v1/auth/staff/login')
  @Public()
  @HttpCode(200)
  @RouteConfig({ rateLimit: LOGIN_RATE_LIMIT })
  @ApiOperation({
    summary:
      'Staff login; 401 on wrong credentials, while locked, or with `reason` naming a step still owed (new password, two-factor)',
  })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  login(@Body() body: StaffLoginDto, @Req() request: FastifyRequest) {
    return this.staffAuth.login(body.username, body.password, request.ip, {
      newPassword: body.newPassword,
      otp: body.otp,
      enrolmentToken: body.enrolmentToken,
    });
  }

  @Post('api/v1/staff/me/password')
  @HttpCode(204)
  @StaffOnly()
  @ApiOperation({ summary: 'Change my password (current one required); my other sessions end' })
  async changePassword(@CurrentPrincipal() staff: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.staffAuth.changePassword(staff.username!, body.currentPassword, body.newPassword);
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
