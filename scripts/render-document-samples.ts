/**
 * Renders and signs every document kind from the sample data and writes page images under docs/documents/
 * (`<kind>-<page>.png`), for review against Nghị định 30/2020. Needs poppler's pdftoppm.
 *
 * Run: node -r @swc-node/register scripts/render-document-samples.ts [outDir]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueSignedDocument } from '../src/documents/issue-signed-document';
import { ensureDevelopmentSigners } from '../src/documents/signing/development-credentials';
import { DOCUMENT_KINDS } from '../src/documents/document-kind';
import type { DocumentKind } from '../src/documents/document-kind';
import { SAMPLE_DOCUMENTS, SAMPLE_ISSUER } from '../test/support/sample-documents.fixture';
import { projectRoot } from '../src/platform/project-root';

const NUMBERS: Partial<Record<DocumentKind, string>> = { 'decision-approval': '7', 'decision-refusal': '8' };

async function main(): Promise<void> {
  const out = process.argv[2] ?? join(projectRoot(), 'docs', 'documents');
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'document-samples-'));
  try {
    const signers = await ensureDevelopmentSigners(work);
    for (const kind of DOCUMENT_KINDS) {
      // Numbers as issued: a decision register below 10 (leading zero), center slips by dossier code.
      const sample = SAMPLE_DOCUMENTS[kind];
      const documentNumber = NUMBERS[kind] ?? sample.dossierCode;
      const { pdf } = await issueSignedDocument(kind, { ...sample, documentNumber } as never, SAMPLE_ISSUER, signers);
      const pdfPath = join(work, `${kind}.pdf`);
      writeFileSync(pdfPath, pdf);
      for (const old of readdirSync(out).filter((name) => name.startsWith(`${kind}-`) && name.endsWith('.png')))
        rmSync(join(out, old));
      execFileSync('pdftoppm', ['-png', '-r', '96', pdfPath, join(work, kind)]);
      for (const page of readdirSync(work).filter((name) => name.startsWith(`${kind}-`) && name.endsWith('.png'))) {
        const number = Number(/-(\d+)\.png$/.exec(page)?.[1]);
        renameSync(join(work, page), join(out, `${kind}-${number}.png`));
      }
      process.stdout.write(`${kind}: ${pdf.length} bytes\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
