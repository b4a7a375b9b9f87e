import { Controller, Get, Header, Injectable, Module } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags, OpenAPIObject } from '@nestjs/swagger';
import { StaffOnly } from '../identity';

/** The OpenAPI document of this service, built once on first use (createApp provides how). */
@Injectable()
export class OpenApiDocument {
  private build?: () => OpenAPIObject;
  private document?: OpenAPIObject;

  provide(build: () => OpenAPIObject): void {
    this.build = build;
  }

  get(): OpenAPIObject {
    if (!this.build) throw new Error('OpenApiDocument used before createApp provided it');
    return (this.document ??= this.build());
  }
}

/** The OpenAPI 3 document (its parts as the OpenAPI specification defines them). */
export class OpenApiDocumentDto {
  @ApiProperty({ example: '3.0.0' })
  openapi!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  info!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true })
  paths!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true })
  components!: Record<string, unknown>;
}

/**
 * The integration contract for administrators whatever the mode. `/docs` and `/docs-json` are public only with
 * `SANDBOX=on`: outside the sandbox the API's full surface is not published to anyone who asks.
 */
@ApiTags('admin')
@Controller('api/v1/admin')
export class OpenApiController {
  constructor(private readonly document: OpenApiDocument) {}

  @Get('openapi.json')
  @StaffOnly('admin')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The OpenAPI 3 document (public at /docs-json only in sandbox mode)' })
  @ApiOkResponse({ type: OpenApiDocumentDto })
  openApi(): OpenAPIObject {
    return this.document.get();
  }
}

@Module({ controllers: [OpenApiController], providers: [OpenApiDocument] })
export class OpenApiModule {}
