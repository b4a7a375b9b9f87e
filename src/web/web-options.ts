export interface WebModuleOptions {
  /** Where `web/` page templates and `web/assets/` live (the repository's templates/ folder). */
  readonly templatesDir: string;
  /** Shows the "môi trường thử nghiệm" banner on every page. */
  readonly sandbox: boolean;
  readonly cacheTemplates: boolean;
}

export const WEB_OPTIONS = Symbol('WEB_OPTIONS');
