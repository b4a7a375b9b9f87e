#!/usr/bin/env node
// Compiles src/ and migrations/ to dist/ with SWC (no type-check; `npm test` type-checks), keeping the layout of
// `nest build` (dist/src/main.js). Only files newer than their output are compiled again. Used by `npm start`.
const { readdirSync, statSync, mkdirSync, writeFileSync, readFileSync, existsSync } = require('node:fs');
const { join, relative, dirname } = require('node:path');
const { transformFileSync } = require('@swc/core');

const root = join(__dirname, '..');
const out = join(root, 'dist');
const options = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

function build() {
  let compiled = 0;
  for (const folder of ['src', 'migrations']) {
    for (const file of sources(join(root, folder))) {
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      if (existsSync(target) && statSync(target).mtimeMs >= statSync(file).mtimeMs) continue;
      const { code, map } = transformFileSync(file, { ...options, swcrc: false, sourceMaps: true, filename: file, outputPath: target });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) writeFileSync(`${target}.map`, map);
      compiled++;
    }
  }
  return compiled;
}

module.exports = { build };
if (require.main === module) console.log(`compiled ${build()} files to dist/`);
