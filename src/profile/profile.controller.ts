import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RouteLimits } from '../platform/http/route-limits';
import { CitizenOnly } from '../identity/guards/access-policy.decorator';
import { CurrentCaller } from '../identity/guards/current-principal.decorator';
import { CitizenCaller } from '../identity/caller';
import { CitizenProfile, DataAccessList } from './citizen-profile.types';
import { ProfileService } from './profile.service';
import { CitizenProfileDto, DataAccessListDto, EligibilityEstimateDto } from './profile-responses.dto';

export class EligibilityPreviewDto {
  @ApiPropertyOptional({ example: '2026-10-30' }) @IsOptional() @IsString() terminationDate?: string;
  @ApiPropertyOptional({ example: 'contract_expired' }) @IsOptional() @IsString() terminationReason?: string;
  @ApiPropertyOptional({ example: 'fixed_term' }) @IsOptional() @IsString() contractType?: string;
}

@ApiTags('citizen')
@Controller('api/v1/me')
@CitizenOnly()
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get('profile')
  @ApiOkResponse({ type: CitizenProfileDto })
  @RouteLimits({ registryReads: true })
  @ApiOperation({ summary: 'Identity from the population registry and the contribution summary (purpose: prefill)' })
  profile(@CurrentCaller() citizen: CitizenCaller, @Req() request: FastifyRequest): Promise<CitizenProfile> {
    return this.profiles.profile(citizen.personalId, request.id);
  }

  @Get('eligibility')
  @ApiOkResponse({ type: EligibilityEstimateDto })
  @RouteLimits({ registryReads: true })
  @ApiOperation({ summary: 'Benefit estimate from the registry record if filed today (purpose: eligibility_preview)' })
  eligibility(
    @CurrentCaller() citizen: CitizenCaller,
    @Query() query: EligibilityPreviewDto,
    @Req() request: FastifyRequest,
  ) {
    return this.profiles.eligibility(citizen.personalId, query, request.id);
  }

  @Get('data-access')
  @ApiOkResponse({ type: DataAccessListDto })
  @ApiOperation({ summary: "Who read the citizen's registry data, when, from which source and why (newest first)" })
  dataAccess(@CurrentCaller() citizen: CitizenCaller): Promise<DataAccessList> {
    return this.profiles.dataAccess(citizen.personalId);
  }
}
