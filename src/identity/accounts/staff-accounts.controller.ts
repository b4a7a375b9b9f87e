import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../platform/errors/domain-error';
import {
  StaffAccountDto,
  StaffAccountListDto,
  StaffAccountWithPasswordDto,
  StaffUnlockDto,
} from '../dto/identity-responses.dto';
import { StaffOnly } from '../guards/access-policy.decorator';
import { CurrentPrincipal } from '../guards/current-principal.decorator';
import { Principal, STAFF_ROLES, StaffRole } from '../principal';
import { CreateStaffAccountDto, ReasonDto, UnlockDto, UpdateStaffAccountDto } from './staff-account.dto';
import { StaffAccountsService, StaffAccountView } from './staff-accounts.service';

/** Staff accounts, administered (administrators only; every change audited with its reason). */
@ApiTags('administration')
@Controller('api/v1/admin/staff')
@StaffOnly('admin')
export class StaffAccountsController {
  constructor(private readonly accounts: StaffAccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts; filters q (username or name), role, active' })
  @ApiOkResponse({ type: StaffAccountListDto })
  async list(
    @Query('q') q?: string,
    @Query('role') role?: string,
    @Query('active') active?: string,
  ): Promise<{ items: StaffAccountView[] }> {
    const errors = [];
    if (q !== undefined && (typeof q !== 'string' || q.length > 100))
      errors.push({ field: 'q', code: 'invalid', message: 'Từ khóa tìm kiếm tối đa 100 ký tự.' });
    if (role !== undefined && !STAFF_ROLES.includes(role as StaffRole))
      errors.push({ field: 'role', code: 'invalid', message: 'Vai trò không hợp lệ.' });
    if (active !== undefined && active !== 'true' && active !== 'false')
      errors.push({ field: 'active', code: 'invalid', message: 'Giá trị phải là true hoặc false.' });
    if (errors.length) throw DomainError.validation(errors);
    const items = await this.accounts.list({
      q: q?.normalize('NFC').trim() || undefined,
      role,
      active: active === undefined ? undefined : active === 'true',
    });
    return { items };
  }

  @Post()
  @ApiOperation({ summary: 'Create an account; answers the one-time password the user must change at first login' })
  @ApiCreatedResponse({ type: StaffAccountWithPasswordDto })
  create(@CurrentPrincipal() admin: Principal, @Body() body: CreateStaffAccountDto) {
    return this.accounts.create(admin, body);
  }

  @Get(':username')
  @ApiOkResponse({ type: StaffAccountDto })
  get(@Param('username') username: string): Promise<StaffAccountView> {
    return this.accounts.get(checked(username));
  }

  @Patch(':username')
  @ApiOperation({ summary: 'Edit name, title, role, center, phone, e-mail, employee number (reason required)' })
  @ApiOkResponse({ type: StaffAccountDto })
  update(
    @CurrentPrincipal() admin: Principal,
    @Param('username') username: string,
    @Body() body: UpdateStaffAccountDto,
  ) {
    return this.accounts.update(admin, checked(username), body);
  }

  @Post(':username/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate: every session of the account ends at once' })
  @ApiOkResponse({ type: StaffAccountDto })
  deactivate(@CurrentPrincipal() admin: Principal, @Param('username') username: string, @Body() body: ReasonDto) {
    return this.accounts.deactivate(admin, checked(username), body.reason);
  }

  @Post(':username/reactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAccountDto })
  reactivate(@CurrentPrincipal() admin: Principal, @Param('username') username: string, @Body() body: ReasonDto) {
    return this.accounts.reactivate(admin, checked(username), body.reason);
  }

  @Post(':username/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'New one-time password (must be changed at the next login); sessions end' })
  @ApiOkResponse({ type: StaffAccountWithPasswordDto })
  resetPassword(@CurrentPrincipal() admin: Principal, @Param('username') username: string, @Body() body: ReasonDto) {
    return this.accounts.resetPassword(admin, checked(username), body.reason);
  }

  @Post(':username/reset-two-factor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Drop the authenticator and recovery codes (lost phone); the user enrols again' })
  @ApiOkResponse({ type: StaffAccountDto })
  resetTwoFactor(@CurrentPrincipal() admin: Principal, @Param('username') username: string, @Body() body: ReasonDto) {
    return this.accounts.resetTwoFactor(admin, checked(username), body.reason);
  }

  @Post(':username/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: "Lift a username's login lock-out from every source (audited)" })
  @ApiOkResponse({ type: StaffUnlockDto })
  unlock(@CurrentPrincipal() admin: Principal, @Param('username') username: string, @Body() body?: UnlockDto) {
    return this.accounts.unlock(admin, checked(username), body?.reason);
  }
}

function checked(username: string): string {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(username)) throw DomainError.notFound('Không có tài khoản cán bộ này.');
  return username.toLowerCase();
}
