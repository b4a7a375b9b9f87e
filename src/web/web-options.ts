import { CenterOption } from './web-catalog';

export interface WebModuleOptions {
  /** Where `web/` page templates and `web/assets/` live (the repository's templates/ folder). */
  readonly templatesDir: string;
  /** Shows the "môi trường thử nghiệm" banner on every page. */
  readonly sandbox: boolean;
  /** Public employment service centers the citizen may file with. */
  readonly centers: readonly CenterOption[];
  readonly cacheTemplates: boolean;
}

export const WEB_OPTIONS = Symbol('WEB_OPTIONS');
