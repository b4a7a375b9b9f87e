import type * as ExcelJS from 'exceljs';
import { KPI_COLUMNS, KpiRow } from '../domain/open-data';

/** exceljs is loaded when a report is prepared (once a month), not at start-up. */
function loadExcel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}

const HEADERS: Readonly<Record<keyof KpiRow, string>> = {
  month: 'Tháng',
  scope: 'Phạm vi',
  centerCode: 'Mã đơn vị',
  centerName: 'Đơn vị',
  filedTotal: 'Hồ sơ tiếp nhận',
  filedOnline: 'Nộp trực tuyến (hệ thống)',
  filedPortal: 'Nộp qua Cổng DVCQG',
  filedCounter: 'Nộp trực tiếp',
  onlineShare: 'Tỷ lệ trực tuyến',
  decided: 'Hồ sơ có quyết định',
  decidedOnTime: 'Đúng hạn',
  onTimeShare: 'Tỷ lệ đúng hạn',
  electronicResults: 'Có kết quả điện tử',
  electronicResultShare: 'Tỷ lệ kết quả điện tử',
  averageWorkingDaysToDecision: 'Ngày làm việc bình quân',
  p90WorkingDaysToDecision: 'Ngày làm việc (p90)',
  noticesDue: 'Tháng phải thông báo',
  noticesOnTime: 'Thông báo đúng hạn',
  noticesOnTimeShare: 'Tỷ lệ thông báo đúng hạn',
  paymentsDue: 'Tháng đến hạn chi trả',
  paymentsOnTime: 'Chi trả đúng hạn',
  paymentsOnTimeShare: 'Tỷ lệ chi trả đúng hạn',
  satisfactionRatings: 'Lượt đánh giá',
  satisfactionAverage: 'Điểm hài lòng bình quân',
};

/** One sheet "Chỉ số": a title, then the open-data rows (province first) with Vietnamese headers; shares as %. */
export async function renderMonthlyReportXlsx(title: string, rows: readonly KpiRow[]): Promise<Buffer> {
  const Excel = loadExcel();
  const book = new Excel.Workbook();
  book.creator = 'tro-cap-that-nghiep';
  const sheet = book.addWorksheet('Chỉ số');
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  const header = sheet.getRow(3);
  KPI_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = HEADERS[c];
    header.getCell(i + 1).font = { bold: true };
    sheet.getColumn(i + 1).width = c === 'centerName' ? 36 : 14;
    if (/Share$/.test(c)) sheet.getColumn(i + 1).numFmt = '0.00%';
  });
  rows.forEach((r, i) => {
    const row = sheet.getRow(4 + i);
    KPI_COLUMNS.forEach((c, j) => {
      const v = c === 'scope' ? (r.scope === 'province' ? 'Toàn tỉnh' : 'Trung tâm') : r[c];
      row.getCell(j + 1).value = v ?? null;
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
