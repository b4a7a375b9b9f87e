/** A rendered report ready to send. */
export interface ReportFile {
  fileName: string;
  contentType: string;
  /** attachment for downloads (XLSX, CSV), absent for JSON. */
  disposition?: 'attachment';
  body: Buffer | string;
}

export const REPORT_FORMATS = ['xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** e.g. `bao-cao-tro-cap-that-nghiep-2026-11.xlsx`, `bao-cao-tro-cap-that-nghiep-2026-11-dna-bh.csv`. */
export function reportFileName(month: string, centerCode: string | null, format: ReportFormat): string {
  const center = centerCode ? `-${centerCode.toLowerCase()}` : '';
  return `bao-cao-tro-cap-that-nghiep-${month}${center}.${format}`;
}
