import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';

/** A TypeORM entity class. */
export type EntityClass = new (...args: never[]) => object;

const SRC = join(__dirname, '..', '..', 'src');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** Every non-spec TypeScript file under src/. */
export const sourceFiles = (): string[] => walk(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

/** The module a file of src/ belongs to (its first directory). */
export const moduleOf = (file: string): string => relative(SRC, file).split('/')[0];

/**
 * Every entity class in src/ (`*.entity.ts`), with its table and the file that declares it: for data sources built
 * outside Nest (tests, benches), where repositories built by hand reach other modules' entities (reports lists centers
 * through CenterDirectory, for instance).
 */
export function discoverEntities(): { target: EntityClass; table: string; file: string }[] {
  const found: { target: EntityClass; table: string; file: string }[] = [];
  for (const file of sourceFiles().filter((f) => f.endsWith('.entity.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(file) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (typeof value !== 'function') continue;
      const table = getMetadataArgsStorage().tables.find((t) => t.target === value);
      if (table) found.push({ target: value as EntityClass, table: table.name ?? value.name, file });
    }
  }
  return found;
}

/** The entity classes alone, for `new DataSource({ entities })`. */
export const allEntities = (): EntityClass[] => discoverEntities().map((e) => e.target);
