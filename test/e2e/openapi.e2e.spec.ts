import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  OpenAPIObject,
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { OpenApiDocument } from '../../src/operations/openapi.module';
import { productionEnv } from '../support/production-env';
import { startTestApp, TestApp } from '../support/test-app';

const SNAPSHOT = join(__dirname, '..', '..', 'docs', 'openapi.json');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(document: OpenAPIObject): { name: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ name: `${m.toUpperCase()} ${path}`, operation: item[m]! })),
  );
}

/**
 * The success answer an operation documents, or null when it documents none: a 2xx with a body schema, a 204
 * (no body by definition), or a redirect (the browser flows of the e-ID login).
 */
function documentedSuccess(operation: OperationObject): string | null {
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const content = (response as ResponseObject).content;
    if (/^2\d\d$/.test(status) && content && Object.values(content).every((c) => c.schema)) return status;
    if (status === '204' || /^30[123]$/.test(status)) return status;
  }
  return null;
}

/**
 * The published contract: the OpenAPI document of the service as production runs it (SANDBOX=off, so without the
 * sandbox's routes). Every operation documents its success answer with a schema built from a response DTO class,
 * and docs/openapi.json is the reviewed copy, so a change of the contract shows in the diff
 * (`UPDATE_OPENAPI=1 npx jest test/e2e/openapi --maxWorkers=1` rewrites it).
 */
describe('OpenAPI document (the published contract)', () => {
  let t: TestApp;
  let production: Awaited<ReturnType<typeof productionEnv>>;
  let document: OpenAPIObject;
  beforeAll(async () => {
    production = await productionEnv();
    t = await startTestApp({ ...production.env, DOCUMENT_WORKER: 'off' });
    document = t.app.get(OpenApiDocument).get();
  });
  afterAll(async () => {
    await t?.close();
    await production?.stop();
  });

  it('documents a success response with a schema for every operation', () => {
    const all = operations(document);
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter(({ operation }) => documentedSuccess(operation) === null).map(({ name }) => name)).toEqual([]);
  });

  it('does not publish the sandbox', () => {
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/sandbox'))).toEqual([]);
  });

  it('every schema an operation refers to exists', () => {
    const text = JSON.stringify(document);
    const refs = [...new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]))];
    expect(refs.filter((name) => !document.components?.schemas?.[name])).toEqual([]);
  });

  it('is the reviewed docs/openapi.json', () => {
    const text = `${JSON.stringify(document, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI) writeFileSync(SNAPSHOT, text);
    expect(readFileSync(SNAPSHOT, 'utf8')).toBe(text);
  });
});
