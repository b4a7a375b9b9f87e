import { join } from 'node:path';
import { projectRoot } from '../../platform/project-root';

/** `templates/` at the project root (found from src/ and from the compiled dist/ alike). */
export const DEFAULT_TEMPLATES_DIR = join(projectRoot(), 'templates');
