import { resolve } from 'node:path';

/** `templates/` at the repository root (the same relative path from src/ and from dist/). */
export const DEFAULT_TEMPLATES_DIR = resolve(__dirname, '..', '..', '..', 'templates');
