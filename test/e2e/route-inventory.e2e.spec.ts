import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_POLICY, AccessPolicy } from '../../src/platform/http/access-policy';
import { startTestApp, TestApp } from '../support/test-app';

const INVENTORY = join(__dirname, '..', '..', 'docs', 'routes.md');

/** Every route of the application with its access policy, read from the running app's controllers. */
function routeInventory(t: TestApp): { route: string; policy: string | null }[] {
  const rows: { route: string; policy: string | null }[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const paths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const policy: AccessPolicy | undefined =
          Reflect.getMetadata(ACCESS_POLICY, handler) ?? Reflect.getMetadata(ACCESS_POLICY, controller);
        for (const path of paths) {
          const full = `/${[base, path]
            .map((p) => p.replace(/^\/+|\/+$/g, ''))
            .filter(Boolean)
            .join('/')}`;
          rows.push({ route: `${RequestMethod[method]} ${full}`, policy: policy ? policyText(policy) : null });
        }
      }
    }
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}

function policyText(policy: AccessPolicy): string {
  if (policy.public) return 'public';
  const kinds = policy.kinds.join(' | ');
  const roles = policy.roles.length ? ` (${policy.roles.join(', ')})` : '';
  const scopes = policy.scopes?.length ? ` [scope ${policy.scopes.join(', ')}]` : '';
  return `${kinds}${roles}${scopes}`;
}

/**
 * Default deny: the guard refuses a route without a policy, and this test refuses to let one in. It also keeps
 * docs/routes.md, the reviewed list of every route and who may call it, in step with the code
 * (`UPDATE_ROUTE_INVENTORY=1 npx jest test/e2e/route-inventory` rewrites it).
 */
describe('route inventory (default-deny access policy)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives every route of the application an explicit policy, and lists them in docs/routes.md', () => {
    const rows = routeInventory(t);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.policy === null).map((r) => r.route)).toEqual([]);
    const table = [
      '# Routes and who may call them',
      '',
      'Generated from the running application by `test/e2e/route-inventory.e2e.spec.ts` (sandbox mode, so the sandbox',
      'routes are listed too). Every route declares its policy; the global guard denies any route that does not.',
      '',
      '| route | policy |',
      '|---|---|',
      ...rows.map((r) => `| \`${r.route}\` | ${r.policy} |`),
      '',
    ].join('\n');
    if (process.env.UPDATE_ROUTE_INVENTORY) writeFileSync(INVENTORY, table);
    expect(readFileSync(INVENTORY, 'utf8')).toBe(table);
  });

  it('answers 403 on a route that declares no policy (the guard denies by default)', async () => {
    const { AccessGuard } = await import('../../src/identity/guards/access.guard');
    // A route with no policy is refused before any token is looked at: the guard's other parts are not needed.
    const guard = new AccessGuard(new Reflector(), null as never, null as never, null as never);
    const undeclared = { name: 'undeclared' };
    class Undeclared {}
    const context = {
      getType: () => 'http',
      getHandler: () => undeclared,
      getClass: () => Undeclared,
      switchToHttp: () => ({ getRequest: () => ({ headers: {} }), getResponse: () => ({}) }),
    };
    await expect(guard.canActivate(context as never)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
