import { parseDocumentTemplate } from './document-template.parser';
import { evaluateRuns } from './template-text.evaluator';
import { TemplateError } from './template-error';

const site = { templateName: 't', lineNumber: 1 };

describe('document template format', () => {
  it('parses meta, blocks, options and tables whose cells use filters', () => {
    const template = parseDocumentTemplate(
      't',
      [
        '# comment',
        '@meta',
        'code: QĐ',
        '@paragraph if=decision.reservedMonthsAfter',
        'Bảo lưu {{decision.reservedMonthsAfter}} tháng.',
        '@table decision.schedule widths=1,3',
        '| Tháng | Thời gian |',
        '|---|---|',
        '| {{row.month}} | {{row.from | date}} |',
      ].join('\n'),
    );
    expect(template.meta).toEqual({ code: 'QĐ', issuedBy: 'authority' });
    expect(template.blocks[0]).toMatchObject({ type: 'paragraph', options: { if: 'decision.reservedMonthsAfter' } });
    expect(template.blocks[1]).toMatchObject({
      type: 'table',
      source: 'decision.schedule',
      header: ['Tháng', 'Thời gian'],
      widths: [1, 3],
    });
    const table = template.blocks[1];
    if (table.type !== 'table') throw new Error('expected a table');
    expect(table.cells.map((cell) => cell.text)).toEqual(['{{row.month}}', '{{row.from | date}}']);
  });

  it.each([
    ['@meta\ncode: QĐ\n@unknown\nx', /t:3: unknown block "@unknown"/],
    ['@paragraph\nx', /missing @meta/],
    ['@meta\ncode: QĐ\nissued-by: someone', /issued-by/],
    ['@meta\ncode: QĐ\n@table rows\n| a | b |\n| {{row.a}} |', /column counts/],
  ])('reports template mistakes with the line', (source, message) => {
    expect(() => parseDocumentTemplate('t', source)).toThrow(message);
  });

  it('fills fields with filters inside styled runs, and data cannot inject markup', () => {
    const runs = evaluateRuns(
      'Mức hưởng: **{{amount | money}}** ({{amount | words}}) {{name}}',
      { amount: 5520000, name: '**x**' },
      site,
    );
    expect(runs).toEqual([
      { text: 'Mức hưởng: ', bold: false, italic: false },
      { text: '5.520.000 đồng', bold: true, italic: false },
      { text: ' (Năm triệu năm trăm hai mươi nghìn đồng) **x**', bold: false, italic: false },
    ]);
  });

  it('names unknown fields and filters', () => {
    expect(() => evaluateRuns('{{holder.fulName}}', { holder: { fullName: 'A' } }, site)).toThrow(TemplateError);
    expect(() => evaluateRuns('{{holder.fulName}}', { holder: {} }, site)).toThrow(/unknown field "holder.fulName"/);
    expect(() => evaluateRuns('{{a | money2}}', { a: 1 }, site)).toThrow(/unknown filter "money2"/);
  });
});
