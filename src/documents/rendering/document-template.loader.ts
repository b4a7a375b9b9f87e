import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind } from '../document-kind';
import { parseDocumentTemplate } from '../templates/document-template.parser';
import type { DocumentTemplate } from '../templates/document-template.types';

const cache = new Map<string, DocumentTemplate>();

export function templateFileName(kind: DocumentKind): string {
  return `${kind}.template.txt`;
}

/** Reads and parses `<templatesDir>/documents/<kind>.template.txt`, once per process. */
export function loadDocumentTemplate(templatesDir: string, kind: DocumentKind): DocumentTemplate {
  const path = join(templatesDir, 'documents', templateFileName(kind));
  let template = cache.get(path);
  if (!template) {
    template = parseDocumentTemplate(templateFileName(kind), readFileSync(path, 'utf8'));
    cache.set(path, template);
  }
  return template;
}
