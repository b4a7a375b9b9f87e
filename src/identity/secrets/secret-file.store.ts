import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `<dataDir>/secrets`: generated keys and sandbox credentials live here, never in the repository. */
export function secretsDirectory(dataDir: string): string {
  return join(dataDir, 'secrets');
}

/**
 * Reads a JSON secret from `<dataDir>/secrets/<name>`, creating it with `create()` on first use. The folder is
 * made with mode 0700 and the file with 0600 (exclusive create, so two processes starting together agree on one
 * value). A file readable by others is tightened back to 0600.
 */
export function readOrCreateSecret<T>(dataDir: string, name: string, create: () => T): T {
  const dir = secretsDirectory(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  try {
    writeFileSync(path, JSON.stringify(create(), null, 2) + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    throw new Error(`secret file ${path} is not valid JSON: delete it to have it generated again`);
  }
}
