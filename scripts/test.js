#!/usr/bin/env node
// `npm test`: the whole suite in one command — system tools, type-check, lint, then every jest tier
// (unit, integration on real PostgreSQL with the real migrations, end-to-end over HTTP, browser, faults).
// Extra arguments go to jest, e.g. `npm test -- src/eligibility`.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function step(title, command, args) {
  const started = Date.now();
  process.stdout.write(`\n=== ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`=== ${title}: FAILED after ${seconds}s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`=== ${title}: ok (${seconds}s)\n`);
}

const jestArgs = process.argv.slice(2);
step('system tools', 'bash', [join(root, 'scripts', 'ensure-system-deps.sh')]);
step('type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('lint', bin('eslint'), ['.']);
step('format', bin('prettier'), ['--check', 'src/**/*.ts', 'test/**/*.ts']);

// Phase 1 runs the `npm start` test alone: it measures start-up time, which parallel workers would distort.
// Phase 2 runs everything else with the configured workers. Extra arguments go to phase 2 only.
const phases = jestArgs.length
  ? [{ title: 'tests', args: jestArgs }]
  : [
      { title: 'start-up tests', args: ['test/e2e/start.e2e.spec.ts'] },
      { title: 'tests', args: ['--testPathIgnorePatterns', 'test/e2e/start.e2e.spec.ts'] },
    ];
const totals = { passed: 0, failed: 0, skipped: 0 };
let status = 0;
for (const phase of phases) {
  const report = join(mkdtempSync(join(tmpdir(), 'tctn-jest-')), 'report.json');
  const started = Date.now();
  process.stdout.write(`\n=== ${phase.title}\n`);
  const jest = spawnSync(bin('jest'), ['--json', `--outputFile=${report}`, ...phase.args], { cwd: root, stdio: 'inherit' });
  let summary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
  try {
    summary = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    // jest crashed before writing its report; its exit code decides.
  }
  process.stdout.write(`=== ${phase.title} finished in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  totals.passed += summary.numPassedTests;
  totals.failed += summary.numFailedTests + (jest.status !== 0 && summary.numFailedTests === 0 ? 1 : 0);
  totals.skipped += summary.numPendingTests;
  if (jest.status !== 0) status = jest.status ?? 1;
}
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(status);
