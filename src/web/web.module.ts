import { DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';
import { projectRoot } from '../platform/project-root';
import { PageRenderer } from './page-renderer.service';
import { WebAssetStore } from './web-asset-store';
import { WebAssetsController } from './web-assets.controller';
import { WEB_OPTIONS, WebModuleOptions } from './web-options';
import { WebPagesController } from './web-pages.controller';
import { AdminPagesController } from './admin-pages.controller';
import { WebErrorPages } from './web-error-pages';
import { OrganisationPagesController } from './organisation-pages.controller';

/** `templates/` at the repository root (the same relative path from src/web and dist/src/web). */
const DEFAULT_TEMPLATES_DIR = join(projectRoot(), 'templates');

/**
 * Citizen, staff and public pages: Eta shells + small vanilla-JS page scripts calling the JSON API. Service centers
 * come from `GET /api/v1/centers` in the browser (the dossier module's directory), never from a list kept here.
 */
@Module({})
export class WebModule {
  static forRoot(options: {
    sandbox: boolean;
    templatesDir?: string;
    helpLine?: WebModuleOptions['helpLine'];
    staffOidc?: boolean;
    compression?: boolean;
  }): DynamicModule {
    const resolved: WebModuleOptions = {
      templatesDir: options.templatesDir ?? DEFAULT_TEMPLATES_DIR,
      sandbox: options.sandbox,
      cacheTemplates: true,
      compression: options.compression ?? true,
      helpLine: options.helpLine,
      staffOidc: options.staffOidc ?? false,
    };
    return {
      module: WebModule,
      // Global so that a feature module's pages (src/indicators) render in the same shell.
      global: true,
      controllers: [WebAssetsController, WebPagesController, OrganisationPagesController, AdminPagesController],
      providers: [{ provide: WEB_OPTIONS, useValue: resolved }, WebAssetStore, PageRenderer, WebErrorPages],
      exports: [PageRenderer],
    };
  }
}
