import { DynamicModule, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { SANDBOX_CENTERS } from '../sandbox/sandbox-staff';
import { PageRenderer } from './page-renderer.service';
import { CenterOption } from './web-catalog';
import { WebAssetsController } from './web-assets.controller';
import { WEB_OPTIONS, WebModuleOptions } from './web-options';
import { WebPagesController } from './web-pages.controller';

/** `templates/` at the repository root (the same relative path from src/web and dist/src/web). */
const DEFAULT_TEMPLATES_DIR = resolve(__dirname, '..', '..', 'templates');

/** Citizen, staff and public pages: Eta shells + small vanilla-JS page scripts calling the JSON API. */
@Module({})
export class WebModule {
  static forRoot(options: {
    sandbox: boolean;
    centers?: readonly CenterOption[];
    templatesDir?: string;
  }): DynamicModule {
    const resolved: WebModuleOptions = {
      templatesDir: options.templatesDir ?? DEFAULT_TEMPLATES_DIR,
      sandbox: options.sandbox,
      // Until a centers directory is published by the dossier module, the sandbox's centers are the catalog.
      centers: options.centers ?? SANDBOX_CENTERS.map((c) => ({ code: c.code, name: c.name, address: c.address })),
      cacheTemplates: true,
    };
    return {
      module: WebModule,
      controllers: [WebAssetsController, WebPagesController],
      providers: [{ provide: WEB_OPTIONS, useValue: resolved }, PageRenderer],
    };
  }
}
