import ExcelJS from 'exceljs';
import { writeCsvReport } from './csv-report.writer';
import { reportFileName } from './report-file';
import { reportHeading } from './report-heading';
import { tableWithTotals } from './report-table';
import { writeXlsxReport } from './xlsx-report.writer';

const heading = reportHeading('2026-11', { from: '2026-11-01', to: '2026-11-30' }, 'toàn tỉnh', '2026-12-01T02:00:00Z');
const table = tableWithTotals(
  'Doanh nghiệp',
  'Đơn vị sử dụng lao động',
  [
    { header: 'Tên đơn vị', kind: 'text' },
    { header: 'Số hồ sơ', kind: 'count' },
    { header: 'Tổng mức hưởng (đồng)', kind: 'money' },
    { header: 'Tỷ lệ', kind: 'percent' },
  ],
  [
    ['Công ty "Sao Mai", chi nhánh 1', 3, 12_500_000, 0.5],
    ['=HYPERLINK("http://x")', 2, 1_000_001, 0.25],
  ],
);

describe('report export', () => {
  it('sums only the summable columns in the totals row', () => {
    expect(table.totals).toEqual(['Tổng cộng', 5, 13_500_001, null]);
    expect(
      tableWithTotals(
        'x',
        'x',
        [
          { header: 'a', kind: 'text' },
          { header: 'b', kind: 'count' },
        ],
        [],
      ).totals,
    ).toEqual(['Tổng cộng', 0]);
  });

  it('writes CSV with a BOM, CRLF, quoting and no formula injection', () => {
    const csv = writeCsvReport([table], heading);
    expect(csv.startsWith('\uFEFFBÁO CÁO TÌNH HÌNH GIẢI QUYẾT HƯỞNG TRỢ CẤP THẤT NGHIỆP THÁNG 11/2026\r\n')).toBe(true);
    expect(csv).toContain('\r\nTên đơn vị,Số hồ sơ,Tổng mức hưởng (đồng),Tỷ lệ\r\n');
    expect(csv).toContain('\r\n"Công ty ""Sao Mai"", chi nhánh 1",3,12500000,50\r\n');
    expect(csv).toContain(`\r\n"'=HYPERLINK(""http://x"")",2,1000001,25\r\n`);
    expect(csv).toContain('\r\nTổng cộng,5,13500001,\r\n');
    expect(heading.subtitle).toBe(
      'Kỳ báo cáo: từ 01/11/2026 đến 30/11/2026 · Phạm vi: toàn tỉnh · Lập ngày 01/12/2026',
    );
  });

  it('writes XLSX with formats and a SUM formula holding its result', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsxReport([table], heading, '2026-12-01T02:00:00Z')) as any);
    const sheet = workbook.getWorksheet('Doanh nghiệp')!;
    expect(sheet.getCell('A4').value).toBe('Tên đơn vị');
    expect(sheet.getCell('C5').numFmt).toBe('#,##0');
    expect(sheet.getCell('D5').numFmt).toBe('0.00%');
    expect(sheet.getCell('A6').value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell('A7').value).toBe('Tổng cộng');
    expect(sheet.getCell('C7').value).toEqual({ formula: 'SUM(C5:C6)', result: 13_500_001 });
    expect(sheet.getCell('D7').value).toBeNull();
  });

  it('names the file after the month and the center', () => {
    expect(reportFileName('2026-11', null, 'xlsx')).toBe('bao-cao-tro-cap-that-nghiep-2026-11.xlsx');
    expect(reportFileName('2026-11', 'DNA-BH', 'csv')).toBe('bao-cao-tro-cap-that-nghiep-2026-11-dna-bh.csv');
  });
});
