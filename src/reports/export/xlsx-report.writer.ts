import type * as ExcelJS from 'exceljs';
import { ReportHeading } from './report-heading';
import { ColumnKind, ReportTable, isSummable, kindOf } from './report-table';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  money: '#,##0',
  months: '#,##0',
  percent: '0.00%',
  decimal: '#,##0.00',
};

const HEADER_ROW = 4;

/** exceljs is loaded on the first export: it adds ~27 MiB to a process that mostly serves other requests. */
function loadExcel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * One sheet per table: title (row 1), period and scope (row 2), headers (row 4), data, then "Tổng cộng" whose
 * cells are SUM formulas over the data rows, stored together with their computed result.
 */
export async function writeXlsxReport(
  tables: ReportTable[],
  heading: ReportHeading,
  generatedAt: string,
): Promise<Buffer> {
  const workbook = new (loadExcel().Workbook)();
  workbook.creator = 'Hệ thống giải quyết hưởng trợ cấp thất nghiệp';
  workbook.created = new Date(generatedAt);
  workbook.title = heading.title;

  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
    table.columns.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width ?? 16));

    sheet.getCell(1, 1).value = table.title;
    sheet.getCell(1, 1).font = { bold: true, size: 13 };
    sheet.getCell(2, 1).value = heading.subtitle;
    sheet.getCell(2, 1).font = { italic: true };
    if (table.columns.length > 1) {
      sheet.mergeCells(1, 1, 1, table.columns.length);
      sheet.mergeCells(2, 1, 2, table.columns.length);
    }

    const header = sheet.getRow(HEADER_ROW);
    table.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = column.header;
      cell.font = { bold: true };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      cell.border = BORDER;
    });

    table.rows.forEach((values, r) => {
      const row = sheet.getRow(HEADER_ROW + 1 + r);
      values.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        cell.value = value;
        cell.border = BORDER;
        const format = NUMBER_FORMATS[kindOf(table, r, c)];
        if (format && typeof value === 'number') cell.numFmt = format;
      });
    });

    if (table.totals) {
      const first = HEADER_ROW + 1;
      const last = HEADER_ROW + table.rows.length;
      const row = sheet.getRow(last + 1);
      table.totals.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        const column = table.columns[c];
        if (c > 0 && isSummable(column.kind)) {
          const letter = sheet.getColumn(c + 1).letter;
          cell.value = table.rows.length
            ? { formula: `SUM(${letter}${first}:${letter}${last})`, result: value as number }
            : 0;
          cell.numFmt = NUMBER_FORMATS[column.kind]!;
        } else {
          cell.value = value;
        }
        cell.font = { bold: true };
        cell.border = BORDER;
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
