export interface WebModuleOptions {
  /** Where `web/` page templates and `web/assets/` live (the repository's templates/ folder). */
  readonly templatesDir: string;
  /** Shows the "môi trường thử nghiệm" banner on every page. */
  readonly sandbox: boolean;
  readonly cacheTemplates: boolean;
  /** Keep compressed copies of the text assets (config `HTTP_COMPRESSION`). */
  readonly compression: boolean;
  /** The footer's contact on pages that know no center (config `helpLine`); a dossier page shows its center. */
  readonly helpLine?: { department: string; name: string; phone: string; hours: string };
  /** The staff login page offers the province's identity provider (`STAFF_OIDC_*` set). */
  readonly staffOidc?: boolean;
}

export const WEB_OPTIONS = Symbol('WEB_OPTIONS');
