import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CitizenOnly } from '../identity/guards/access-policy.decorator';
import { CurrentPrincipal } from '../identity/guards/current-principal.decorator';
import { CitizenPrincipal } from '../identity/principal';
import { CitizenProfile, DataAccessList } from './citizen-profile.types';
import { ProfileService } from './profile.service';

@ApiTags('citizen')
@Controller('api/v1/me')
@CitizenOnly()
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get('profile')
  @ApiOperation({ summary: 'Identity from the population registry and the contribution summary (purpose: prefill)' })
  profile(@CurrentPrincipal() citizen: CitizenPrincipal, @Req() request: FastifyRequest): Promise<CitizenProfile> {
    return this.profiles.profile(citizen.personalId, request.id);
  }

  @Get('data-access')
  @ApiOperation({ summary: "Who read the citizen's registry data, when, from which source and why (newest first)" })
  dataAccess(@CurrentPrincipal() citizen: CitizenPrincipal): Promise<DataAccessList> {
    return this.profiles.dataAccess(citizen.personalId);
  }
}
