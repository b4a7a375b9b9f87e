import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSandboxResidentsMarkdown } from './sandbox-residents-doc';

const DOC = join(__dirname, '..', '..', 'docs', 'sandbox-residents.md');

describe('docs/sandbox-residents.md', () => {
  it('matches the sandbox data (UPDATE_SANDBOX_DOCS=1 regenerates it)', () => {
    const rendered = renderSandboxResidentsMarkdown();
    if (process.env.UPDATE_SANDBOX_DOCS === '1') writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  it.each(['2026-12-31', '2027-02-22', '2028-02-29'])('renders the same when the clock says %s', (today) => {
    expect(renderSandboxResidentsMarkdown(today)).toBe(renderSandboxResidentsMarkdown());
  });
});
