/** Kind of a column: decides the number format in XLSX and whether the totals row sums it. */
export type ColumnKind = 'text' | 'count' | 'money' | 'months' | 'percent' | 'decimal';

export interface ReportColumn {
  header: string;
  kind: ColumnKind;
  width?: number;
}

export type Cell = string | number | null;

/** One section of the monthly report: a sheet in XLSX, a block in CSV, an object in JSON. */
export interface ReportTable {
  /** Sheet name (≤ 31 characters, no []:*?/\). */
  sheet: string;
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** "Tổng cộng" row: sums of the count/money/months columns; absent for tables of indicators. */
  totals: Cell[] | null;
  /** Per-cell kinds where a column mixes units (the indicators table), parallel to `rows`. */
  cellKinds?: (ColumnKind | null)[][];
}

/** The kind of one cell: its own when given, else its column's. */
export function kindOf(table: ReportTable, row: number, column: number): ColumnKind {
  return table.cellKinds?.[row]?.[column] ?? table.columns[column].kind;
}

export const TOTALS_LABEL = 'Tổng cộng';

/** Columns that add up in a totals row. */
export function isSummable(kind: ColumnKind): boolean {
  return kind === 'count' || kind === 'money' || kind === 'months';
}

/** A table whose totals row sums its summable columns; the first column reads "Tổng cộng". */
export function tableWithTotals(sheet: string, title: string, columns: ReportColumn[], rows: Cell[][]): ReportTable {
  const totals: Cell[] = columns.map((column, i) => {
    if (i === 0) return TOTALS_LABEL;
    if (!isSummable(column.kind)) return null;
    return rows.reduce<number>((sum, row) => sum + (typeof row[i] === 'number' ? (row[i] as number) : 0), 0);
  });
  return { sheet, title, columns, rows, totals };
}
