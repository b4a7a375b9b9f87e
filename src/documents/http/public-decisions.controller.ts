import { Controller, Get, Param } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DecisionVerification, DocumentAccessService } from '../services/document-access.service';

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class PublicDecisionsController {
  constructor(private readonly access: DocumentAccessService) {}

  @Get(':verificationCode')
  @RouteConfig({ rateLimit: { max: 30, timeWindow: '1 minute' } })
  @ApiOperation({
    summary: 'Verify a signed document by the code under its QR code (public, rate limited); 404 when unknown',
  })
  verify(@Param('verificationCode') code: string): Promise<DecisionVerification> {
    return this.access.verify(code);
  }
}
