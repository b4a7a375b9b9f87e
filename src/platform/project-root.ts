import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding package.json and templates/, found from this file upward, so that paths hold both from the
 * TypeScript sources (src/…) and from the compiled build (dist/src/…, or /app/dist/src/… in the image).
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no project root (package.json + templates/) above ${from}`);
    dir = parent;
  }
  return dir;
}
