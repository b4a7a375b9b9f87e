import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, StaffOnly } from '../identity';
import { RouteLimits } from '../platform/http/route-limits';
import { CentersAdminService } from './centers-admin.service';
import { CenterDetailsDto, CloseCenterDto, NewCenterDto, SignatureImageDto, SignerDto } from './dto/organisation.dto';
import { SignersService } from './signers.service';

@ApiTags('admin')
@StaffOnly('admin')
@Controller('api/v1/admin/centers')
export class CentersAdminController {
  constructor(private readonly centers: CentersAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Every center, open ones first, with the communes each serves' })
  list() {
    return this.centers.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add a center; audited' })
  create(@CurrentPrincipal() admin: Principal, @Body() body: NewCenterDto) {
    return this.centers.create(admin, body);
  }

  @Put(':code')
  @ApiOperation({ summary: "Edit a center's name, address, phone, hours and communes; audited" })
  update(@CurrentPrincipal() admin: Principal, @Param('code') code: string, @Body() body: CenterDetailsDto) {
    return this.centers.update(admin, code, body);
  }

  @Post(':code/close')
  @ApiOperation({
    summary:
      'Close a center, moving its unfinished dossiers and running benefits to another one; one transaction, audited',
  })
  close(@CurrentPrincipal() admin: Principal, @Param('code') code: string, @Body() body: CloseCenterDto) {
    return this.centers.close(admin, code, body);
  }
}

@ApiTags('admin')
@StaffOnly('admin')
@Controller('api/v1/admin/signers')
export class SignersAdminController {
  constructor(private readonly signers: SignersService) {}

  @Get()
  @ApiOperation({ summary: 'Signer periods (department and centers), with the lines each prints' })
  list(@Query('scope') scope?: string) {
    return this.signers.list(typeof scope === 'string' ? scope : undefined);
  }

  @Post()
  @ApiOperation({ summary: 'Add a dated signer period; overlapping periods of one scope are refused (422); audited' })
  create(@CurrentPrincipal() admin: Principal, @Body() body: SignerDto) {
    return this.signers.create(admin, body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a signer period (once begun: only its end and certificate reference); audited' })
  update(@CurrentPrincipal() admin: Principal, @Param('id') id: string, @Body() body: SignerDto) {
    return this.signers.update(admin, id, body);
  }

  @Put(':id/signature-image')
  @RouteLimits({ bodyLimit: 512 * 1024 })
  @ApiOperation({
    summary: "Store the signer's signature image (transparent PNG, base64) in the object store; audited",
  })
  signatureImage(@CurrentPrincipal() admin: Principal, @Param('id') id: string, @Body() body: SignatureImageDto) {
    return this.signers.setSignatureImage(admin, id, body);
  }
}
