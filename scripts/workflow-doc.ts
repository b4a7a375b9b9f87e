/**
 * `npm run docs:workflow`: regenerates the generated parts of docs/workflow.md (the state diagram and the table
 * of step effects) from the workflow table. A unit test fails when the document and the table drift apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOSSIER_STATUSES } from '../src/dossiers/domain/dossier-status';
import { workflowDiagram, workflowEffectsTable } from '../src/dossiers/domain/dossier-workflow';

const path = join(__dirname, '..', 'docs', 'workflow.md');
const doc = readFileSync(path, 'utf8');
const begin = '<!-- generated:workflow -->';
const end = '<!-- /generated:workflow -->';
const generated = `${begin}\n\`\`\`mermaid\n${workflowDiagram(DOSSIER_STATUSES)}\`\`\`\n\n## What each step does\n\n${workflowEffectsTable()}\n${end}`;
const start = doc.indexOf(begin);
const stop = doc.indexOf(end);
if (start < 0 || stop < 0) throw new Error(`docs/workflow.md needs the markers ${begin} … ${end}`);
writeFileSync(path, doc.slice(0, start) + generated + doc.slice(stop + end.length));
process.stdout.write('docs/workflow.md regenerated\n');
