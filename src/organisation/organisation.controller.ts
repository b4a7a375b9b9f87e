import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, StaffOnly } from '../identity';
import { RouteLimits } from '../platform/http/route-limits';
import { CentersAdminService } from './centers-admin.service';
import { CenterDetailsDto, CloseCenterDto, NewCenterDto, SignatureImageDto, SignerDto } from './dto/organisation.dto';
import {
  AdministeredCenterDto,
  AdministeredCenterListDto,
  CenterClosedDto,
  SignerPeriodDto,
  SignerPeriodListDto,
} from './dto/organisation-responses.dto';
import { SignersService } from './signers.service';

@ApiTags('admin')
@StaffOnly('admin')
@Controller('api/v1/admin/centers')
export class CentersAdminController {
  constructor(private readonly centers: CentersAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Every center, open ones first, with the communes each serves' })
  @ApiOkResponse({ type: AdministeredCenterListDto })
  list() {
    return this.centers.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add a center; audited' })
  @ApiCreatedResponse({ type: AdministeredCenterDto })
  create(@CurrentPrincipal() admin: Principal, @Body() body: NewCenterDto) {
    return this.centers.create(admin, body);
  }

  @Put(':code')
  @ApiOperation({ summary: "Edit a center's name, address, phone, hours and communes; audited" })
  @ApiOkResponse({ type: AdministeredCenterDto })
  update(@CurrentPrincipal() admin: Principal, @Param('code') code: string, @Body() body: CenterDetailsDto) {
    return this.centers.update(admin, code, body);
  }

  @Post(':code/close')
  @ApiOperation({
    summary:
      'Close a center, moving its unfinished dossiers and running benefits to another one; one transaction, audited',
  })
  @ApiCreatedResponse({ type: CenterClosedDto })
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
  @ApiOkResponse({ type: SignerPeriodListDto })
  list(@Query('scope') scope?: string) {
    return this.signers.list(typeof scope === 'string' ? scope : undefined);
  }

  @Post()
  @ApiOperation({ summary: 'Add a dated signer period; overlapping periods of one scope are refused (422); audited' })
  @ApiCreatedResponse({ type: SignerPeriodDto })
  create(@CurrentPrincipal() admin: Principal, @Body() body: SignerDto) {
    return this.signers.create(admin, body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a signer period (once begun: only its end and certificate reference); audited' })
  @ApiOkResponse({ type: SignerPeriodDto })
  update(@CurrentPrincipal() admin: Principal, @Param('id') id: string, @Body() body: SignerDto) {
    return this.signers.update(admin, id, body);
  }

  @Put(':id/signature-image')
  @RouteLimits({ bodyLimit: 512 * 1024 })
  @ApiOperation({
    summary: "Store the signer's signature image (transparent PNG, base64) in the object store; audited",
  })
  @ApiOkResponse({ type: SignerPeriodDto })
  signatureImage(@CurrentPrincipal() admin: Principal, @Param('id') id: string, @Body() body: SignatureImageDto) {
    return this.signers.setSignatureImage(admin, id, body);
  }
}
