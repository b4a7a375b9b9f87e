import { Inject, Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import { join } from 'node:path';
import { WebAssetStore } from './web-asset-store';
import { WEB_OPTIONS, WebModuleOptions } from './web-options';
import {
  ATTACHMENT_KINDS,
  CONTRACT_TYPES,
  DOSSIER_STATUSES,
  FILING_ATTACHMENT_KINDS,
  TERMINATION_REASONS,
  ZONES,
} from './web-catalog';

export type PageArea = 'citizen' | 'staff' | 'public';

export interface PageMeta {
  /** `<title>` and the page's h1 unless the template writes its own. */
  readonly title: string;
  readonly area: PageArea;
  /** ES module under <asset base>/js/pages/, without extension. */
  readonly script?: string;
  /** Data attributes for the page script (never inline scripts: CSP `script-src 'self'`). */
  readonly data?: Record<string, string>;
}

/** Renders the Eta page shells under templates/web/ with the shared catalog of codes and labels. */
@Injectable()
export class PageRenderer {
  private readonly eta: Eta;

  constructor(
    @Inject(WEB_OPTIONS) private readonly options: WebModuleOptions,
    private readonly assets: WebAssetStore,
  ) {
    this.eta = new Eta({ views: join(options.templatesDir, 'web'), cache: options.cacheTemplates, autoEscape: true });
  }

  render(page: string, meta: PageMeta, locals: Record<string, unknown> = {}): string {
    return this.eta.render(`pages/${page}`, {
      ...locals,
      meta,
      // The fingerprinted asset base (`/assets/v-<hash>`): links that may be cached for good.
      assets: this.assets.base,
      sandbox: this.options.sandbox,
      staffOidc: this.options.staffOidc ?? false,
      helpLine: this.options.helpLine,
      catalog: {
        terminationReasons: TERMINATION_REASONS,
        contractTypes: CONTRACT_TYPES,
        zones: ZONES,
        statuses: DOSSIER_STATUSES,
        attachmentKinds: ATTACHMENT_KINDS,
        filingAttachmentKinds: FILING_ATTACHMENT_KINDS,
      },
    });
  }
}
