import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageRenderer } from './page-renderer.service';
import { Public } from '../platform/http/access-policy';

const HTML = 'text/html; charset=utf-8';

/**
 * The human pages. Each handler renders a page shell (Eta); data comes from the JSON API through the page's
 * script, with the citizen's session cookie or the officer's bearer token.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebPagesController {
  constructor(private readonly pages: PageRenderer) {}

  @Get()
  @Header('content-type', HTML)
  landing(): string {
    return this.pages.render('landing', { title: 'Giải quyết hưởng trợ cấp thất nghiệp', area: 'public' });
  }

  @Get('tinh-tro-cap')
  @Header('content-type', HTML)
  calculator(): string {
    return this.pages.render('calculator', {
      title: 'Tính thử trợ cấp thất nghiệp',
      area: 'public',
      script: 'calculator',
    });
  }

  @Get('verify')
  @Header('content-type', HTML)
  verifyForm(): string {
    return this.pages.render('verify', {
      title: 'Kiểm tra văn bản',
      area: 'public',
      script: 'verify',
      data: { code: '' },
    });
  }

  @Get('verify/:code')
  @Header('content-type', HTML)
  verify(@Param('code') code: string): string {
    return this.pages.render('verify', {
      title: 'Kiểm tra văn bản',
      area: 'public',
      script: 'verify',
      data: { code },
    });
  }

  @Get('da-dang-xuat')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  signedOut(): string {
    return this.pages.render('signed-out', { title: 'Bạn đã đăng xuất', area: 'public' });
  }

  @Get('ho-so')
  @Header('content-type', HTML)
  myDossiers(): string {
    return this.pages.render('my-dossiers', { title: 'Hồ sơ của tôi', area: 'citizen', script: 'my-dossiers' });
  }

  @Get('ho-so/nop')
  @Header('content-type', HTML)
  apply(): string {
    return this.pages.render('apply', {
      title: 'Nộp hồ sơ hưởng trợ cấp thất nghiệp',
      area: 'citizen',
      script: 'apply',
    });
  }

  @Get('ho-so/truy-cap-du-lieu')
  @Header('content-type', HTML)
  dataAccess(): string {
    return this.pages.render('data-access', {
      title: 'Ai đã truy cập dữ liệu của tôi',
      area: 'citizen',
      script: 'data-access',
    });
  }

  @Get('ho-so/:id')
  @Header('content-type', HTML)
  dossier(@Param('id') id: string): string {
    return this.pages.render('dossier', { title: 'Chi tiết hồ sơ', area: 'citizen', script: 'dossier', data: { id } });
  }

  @Get('can-bo/dang-nhap')
  @Header('content-type', HTML)
  staffLogin(): string {
    return this.pages.render('staff-login', { title: 'Đăng nhập cán bộ', area: 'staff', script: 'staff-login' });
  }

  @Get('can-bo')
  @Header('content-type', HTML)
  staffQueue(): string {
    return this.pages.render('staff-queue', { title: 'Hồ sơ cần xử lý', area: 'staff', script: 'staff-queue' });
  }

  @Get('can-bo/chuyen-noi-huong')
  @Header('content-type', HTML)
  staffTransfers(): string {
    return this.pages.render('staff-transfers', {
      title: 'Yêu cầu chuyển nơi hưởng',
      area: 'staff',
      script: 'staff-transfers',
    });
  }

  @Get('can-bo/ho-so/:id')
  @Header('content-type', HTML)
  staffDossier(@Param('id') id: string): string {
    return this.pages.render('staff-dossier', {
      title: 'Xử lý hồ sơ',
      area: 'staff',
      script: 'staff-dossier',
      data: { id },
    });
  }
}
