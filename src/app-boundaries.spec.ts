import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Lints each source text as if it lived at its path, with only the given rules, and gives the rules that fired per
 * source. ESLint loads its flat config with a dynamic import, which jest's VM does not allow: lint in a child process.
 */
function lintInChild(sources: [filePath: string, text: string][], rules: string[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const eslint = new ESLint({
      ruleFilter: ({ ruleId }) => ${JSON.stringify(rules)}.includes(ruleId),
      overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    });
    (async () => {
      const out = [];
      for (const [filePath, text] of ${JSON.stringify(sources)}) {
        const [r] = await eslint.lintText(text, { filePath });
        out.push(r.messages.map((m) => m.ruleId));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: join(__dirname, '..') }).toString());
}

/**
 * The import boundaries of eslint.config.mjs: modules depend one way, and nothing outside src/sandbox and the
 * application module loads sandbox code. Lints small sources as if they lived at the given paths.
 */
describe('module boundaries (lint rule)', () => {
  /** Imports the rule must refuse, and imports it must let through. */
  const refused: [string, string][] = [
    ['src/dossiers/dossier-x.ts', '../documents/documents.module'],
    ['src/dossiers/domain/x.ts', '../../documents/domain/issued-kind'],
    ['src/portal/x.ts', '../dossiers/dossier.repository'],
    ['src/portal/x.ts', '../documents'],
    ['src/platform/http/x.ts', '../../dossiers/domain/dossier-status'],
    ['src/identity/x.ts', '../sandbox/sandbox-staff'],
    ['src/registries/x.ts', '../sandbox/sandbox-directory.service'],
    ['src/documents/x.ts', '../sandbox/eid/sandbox-eid-settings'],
    ['src/dossiers/x.ts', '../social-insurance/social-insurance-outbox'],
    ['src/notifications/x.ts', '../social-insurance/payments.service'],
    ['src/social-insurance/x.ts', '../sandbox/social-insurance/sandbox-office'],
    ['src/organisation/x.ts', '../documents/rendering/signature-images'],
    ['src/documents/issuance/x.ts', '../../../test/support/sample-documents.fixture'],
    ['src/identity/x.ts', '../../test/support/tokens'],
  ];
  const allowed: [string, string][] = [
    ['src/documents/x.ts', '../dossiers/dossier-reader'],
    ['src/dossiers/x.ts', '../portal/portal-outbox.repository'],
    ['src/app.module.ts', './sandbox/sandbox-staff'],
    ['src/sandbox/x.ts', './sandbox-staff'],
    ['src/social-insurance/x.ts', '../notifications/notification.service'],
    ['src/documents/x.ts', '../organisation/signer-directory'],
    ['src/documents/signing/x.spec.ts', '../../../test/support/debian-tools'],
  ];
  const cases = [...refused, ...allowed];
  let results: string[][];
  beforeAll(() => {
    results = lintInChild(
      cases.map(([file, from]) => [file, `import { x } from '${from}';\nexport const y = x;\n`]),
      ['no-restricted-imports'],
    );
  });
  const violations = (file: string, from: string) => results[cases.findIndex(([f, m]) => f === file && m === from)];

  it.each(refused)('refuses %s importing %s', (file, from) => {
    expect(violations(file, from)).toEqual(['no-restricted-imports']);
  });

  it.each(allowed)('allows %s importing %s', (file, from) => {
    expect(violations(file, from)).toEqual([]);
  });
});

/**
 * Typed persistence (docs/persistence.md): outside src/platform/database, SQL runs through the typed helper or an
 * entity repository, never a bare `.query(`; application code has no `any`.
 */
describe('typed persistence (lint rules)', () => {
  const QUERY = `export const rows = (db: { query(s: string): Promise<unknown> }) => db.query('SELECT 1');\n`;
  const ANY = `export const loose: any = 1;\n`;
  const cases: [string, string, string[]][] = [
    ['src/dossiers/x.repository.ts', QUERY, ['no-restricted-syntax']],
    ['src/reports/x.service.ts', QUERY, ['no-restricted-syntax']],
    ['src/platform/database/x.ts', QUERY, []],
    ['src/dossiers/x.spec.ts', QUERY, []],
    ['src/benefits/domain/x.ts', ANY, ['@typescript-eslint/no-explicit-any']],
    ['src/web/x.controller.ts', ANY, ['@typescript-eslint/no-explicit-any']],
    ['src/web/x.spec.ts', ANY, []],
  ];
  let results: string[][];
  beforeAll(() => {
    results = lintInChild(
      cases.map(([file, text]) => [file, text]),
      ['no-restricted-syntax', '@typescript-eslint/no-explicit-any'],
    );
  });

  it.each(cases.map(([file, text, expected], i) => [file, text.includes('any') ? 'any' : '.query(', expected, i]))(
    'lints %s using %s: %j',
    (_file, _what, expected, i) => {
      expect(results[i as number]).toEqual(expected);
    },
  );
});
