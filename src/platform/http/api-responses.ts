import { applyDecorators } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiResponse } from '@nestjs/swagger';

/**
 * OpenAPI response declarations shared by the controllers. Every operation documents its success answer: a
 * response DTO class (`@ApiOkResponse({ type })`, `@ApiCreatedResponse({ type })`), a file, no content, or a
 * redirect; test/e2e/openapi.e2e.spec.ts refuses an operation without one and keeps docs/openapi.json current.
 */

/** 200 with a PDF (signed document, preview). */
export function ApiPdfResponse(description = 'The PDF'): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    description,
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  });
}

/** 200 with a stored file, in the content type it was uploaded with. */
export function ApiFileResponse(description = 'The file, as uploaded'): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    description,
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  });
}

/** 204 without a body. */
export function ApiEmptyResponse(description = 'Done; no content'): MethodDecorator & ClassDecorator {
  return ApiNoContentResponse({ description });
}

/** A redirect (the browser flows of the e-ID login and logout). */
export function ApiRedirectResponse(status: 302 | 303, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiResponse({ status, description }));
}

/** 200 with a CSV file (UTF-8, header row first). */
export function ApiCsvResponse(description = 'The CSV file'): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    description,
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
  });
}

/** 200 with an XLSX workbook. */
export function ApiXlsxResponse(description = 'The XLSX workbook'): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    description,
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  });
}
