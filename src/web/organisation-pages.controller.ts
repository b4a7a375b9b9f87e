import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../platform/http/access-policy';
import { PageRenderer } from './page-renderer.service';

const HTML = 'text/html; charset=utf-8';

/**
 * The administrator's pages for centers and signers (docs/centers-and-signers.md). Page shells only: the data and
 * every change go through `/api/v1/admin/centers` and `/api/v1/admin/signers` with the officer's token, which
 * only an administrator's passes.
 */
@ApiExcludeController()
@Public()
@Controller('quan-tri')
export class OrganisationPagesController {
  constructor(private readonly pages: PageRenderer) {}

  @Get('trung-tam')
  @Header('content-type', HTML)
  centers(): string {
    return this.pages.render('admin-centers', {
      title: 'Quản trị trung tâm dịch vụ việc làm',
      area: 'staff',
      script: 'admin-centers',
    });
  }

  @Get('nguoi-ky')
  @Header('content-type', HTML)
  signers(): string {
    return this.pages.render('admin-signers', {
      title: 'Quản trị người ký văn bản',
      area: 'staff',
      script: 'admin-signers',
    });
  }
}
