import { ReportHeading } from './report-heading';
import { Cell, ColumnKind, ReportTable, kindOf } from './report-table';

const BOM = '\uFEFF';

/**
 * All tables in one CSV (UTF-8 with BOM so spreadsheet programs read the Vietnamese letters, CRLF lines): per
 * table a title line, the header line, the rows, the "Tổng cộng" line and an empty line. Numbers are plain (no
 * thousands separators); rates are percentages with two decimals, averages have two decimals.
 */
export function writeCsvReport(tables: ReportTable[], heading: ReportHeading): string {
  const lines: string[] = [csvLine([heading.title]), csvLine([heading.subtitle]), ''];
  for (const table of tables) {
    lines.push(csvLine([table.title]));
    lines.push(csvLine(table.columns.map((c) => c.header)));
    table.rows.forEach((row, r) => lines.push(csvLine(row.map((value, c) => csvValue(value, kindOf(table, r, c))))));
    if (table.totals) lines.push(csvLine(table.totals.map((value, c) => csvValue(value, table.columns[c].kind))));
    lines.push('');
  }
  return BOM + lines.join('\r\n');
}

function csvValue(value: Cell, kind: ColumnKind): Cell {
  if (typeof value !== 'number') return value;
  if (kind === 'percent') return Math.round(value * 10_000) / 100;
  if (kind === 'decimal') return Math.round(value * 100) / 100;
  return value;
}

function csvLine(cells: Cell[]): string {
  return cells.map(csvField).join(',');
}

function csvField(value: Cell): string {
  if (value === null) return '';
  // Free text (employer names, reasons) must not open as a formula in a spreadsheet (CSV injection).
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
