import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind } from '../document-kind';
import { parseDocumentTemplate } from '../templates/document-template.parser';
import type { DocumentTemplate } from '../templates/document-template.types';

interface CachedTemplate {
  readonly version: string;
  readonly template: DocumentTemplate;
}

const cache = new Map<string, CachedTemplate>();

export function templateFileName(kind: DocumentKind): string {
  return `${kind}.template.txt`;
}

/**
 * Reads and parses `<templatesDir>/documents/<kind>.template.txt`, cached by path, modification time and
 * size: one `stat` per render, and an edited template is picked up without a restart.
 */
export function loadDocumentTemplate(templatesDir: string, kind: DocumentKind): DocumentTemplate {
  const path = join(templatesDir, 'documents', templateFileName(kind));
  const stat = statSync(path, { bigint: true });
  const version = `${stat.mtimeNs}:${stat.size}`;
  const cached = cache.get(path);
  if (cached?.version === version) return cached.template;
  const template = parseDocumentTemplate(templateFileName(kind), readFileSync(path, 'utf8'));
  cache.set(path, { version, template });
  return template;
}
