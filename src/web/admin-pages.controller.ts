import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../platform/http/access-policy';
import { PageRenderer } from './page-renderer.service';

const HTML = 'text/html; charset=utf-8';

/** Role choices of the account forms, in the order an administrator thinks of them. */
const ROLES = [
  { code: 'receiver', label: 'Cán bộ tiếp nhận' },
  { code: 'reviewer', label: 'Cán bộ thẩm định' },
  { code: 'center_head', label: 'Giám đốc trung tâm' },
  { code: 'director', label: 'Giám đốc Sở' },
  { code: 'admin', label: 'Quản trị viên' },
];

/**
 * The administrator's pages (`/quan-tri/...`): page shells like the staff pages; the data and every change go
 * through the administration API with the officer's bearer token, which the API checks (administrators only).
 */
@ApiExcludeController()
@Public()
@Controller('quan-tri')
export class AdminPagesController {
  constructor(private readonly pages: PageRenderer) {}

  @Get('tai-khoan')
  @Header('content-type', HTML)
  accounts(): string {
    return this.pages.render(
      'admin-accounts',
      { title: 'Tài khoản cán bộ', area: 'staff', script: 'admin-accounts' },
      { roles: ROLES },
    );
  }

  @Get('tai-khoan/moi')
  @Header('content-type', HTML)
  newAccount(): string {
    return this.pages.render(
      'admin-account-new',
      { title: 'Tạo tài khoản cán bộ', area: 'staff', script: 'admin-account-new' },
      { roles: ROLES },
    );
  }

  @Get('tai-khoan/:username')
  @Header('content-type', HTML)
  account(@Param('username') username: string): string {
    return this.pages.render(
      'admin-account',
      {
        title: 'Tài khoản cán bộ',
        area: 'staff',
        script: 'admin-account',
        data: { username: username.slice(0, 64) },
      },
      { roles: ROLES },
    );
  }
}
