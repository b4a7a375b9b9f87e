import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_KINDS } from '../document-kind';
import type { DecisionApprovalData } from '../document-data.types';
import { pdfText, runTool } from '../../../test/support/debian-tools';
import { SAMPLE_DOCUMENTS, SAMPLE_ISSUER } from '../../../test/support/sample-documents.fixture';
import { renderDocument } from './document.renderer';

describe('renderDocument', () => {
  let dir: string;
  const decision = SAMPLE_DOCUMENTS['decision-approval'];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'documents-render-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function renderToFile(name: string, pdf: Promise<Buffer>): Promise<string> {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, await pdf);
    return path;
  }

  it('prints the holder, figures, period and decision number of an approval decision', async () => {
    const text = await pdfText(
      await renderToFile('decision', renderDocument('decision-approval', decision, SAMPLE_ISSUER)),
    );
    for (const expected of [
      'UBND TỈNH ĐỒNG NAI',
      'SỞ NỘI VỤ',
      'Số: 123/QĐ-SNV',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Đồng Nai, ngày 26 tháng 11 năm 2026',
      'QUYẾT ĐỊNH',
      'Về việc hưởng trợ cấp thất nghiệp',
      'Nguyễn Thị Ánh Tuyết',
      '075190012345',
      'sinh ngày 15/03/1990',
      '5.520.000 đồng',
      'Năm triệu năm trăm hai mươi nghìn đồng',
      '9.200.000 đồng',
      'Số tháng được hưởng trợ cấp thất nghiệp: 3 tháng',
      'từ ngày 16/11/2026 đến ngày 15/02/2027',
      'được bảo lưu sau khi hưởng: 4 tháng',
      'Bảo hiểm xã hội tỉnh Đồng Nai',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      'Đặng Hữu Phước',
      'PHỤ LỤC',
      'Lịch thông báo tìm kiếm việc làm hằng tháng',
      'Từ 16/12/2026 đến 15/01/2027',
      'Từ 18/01/2027 đến 20/01/2027',
      `Tra cứu tính xác thực tại: ${decision.verifyUrl}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints a holder name given in decomposed Unicode as NFC, and chooses "Ông" for a male holder', async () => {
    const data: DecisionApprovalData = {
      ...decision,
      holder: {
        ...decision.holder,
        fullName: 'Đặng Hữu Phước'.normalize('NFD'),
        sex: 'male',
        personalId: '079085001234',
      },
    };
    const text = await pdfText(
      await renderToFile('decision-nfd', renderDocument('decision-approval', data, SAMPLE_ISSUER)),
    );
    expect(text).toContain('Ông Đặng Hữu Phước');
    expect(text).toContain('079085001234');
  });

  it('omits the reserved-months line when nothing is reserved', async () => {
    const data: DecisionApprovalData = { ...decision, decision: { ...decision.decision, reservedMonthsAfter: 0 } };
    const text = await pdfText(
      await renderToFile('decision-no-reserve', renderDocument('decision-approval', data, SAMPLE_ISSUER)),
    );
    expect(text).not.toContain('bảo lưu');
    expect(text).toContain('5.520.000 đồng');
  });

  it.each([
    [
      'decision-refusal',
      ['Số: 124/TB-SNV', 'không được hưởng trợ cấp thất nghiệp', ...SAMPLE_DOCUMENTS['decision-refusal'].reasons],
    ],
    [
      'receipt',
      [
        'Số: 2041/TNHS-TTDVVL',
        'TRUNG TÂM DỊCH VỤ VIỆC LÀM',
        'Ngày hẹn trả kết quả: 30/11/2026',
        '09 giờ 15 phút, ngày 02/11/2026',
      ],
    ],
    [
      'supplement-request',
      [
        'Số: 318/YCBS-TTDVVL',
        'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        ...SAMPLE_DOCUMENTS['supplement-request'].missingItems,
        'trước ngày 10/12/2026',
      ],
    ],
    [
      'intake-refusal',
      ['Số: 57/TCTN-TTDVVL', 'PHIẾU TỪ CHỐI TIẾP NHẬN HỒ SƠ', ...SAMPLE_DOCUMENTS['intake-refusal'].reasons],
    ],
  ] as const)('prints the specific content of %s', async (kind, expected) => {
    const text = await pdfText(
      await renderToFile(kind, renderDocument(kind, SAMPLE_DOCUMENTS[kind] as never, SAMPLE_ISSUER)),
    );
    expect(text).toContain('Nguyễn Thị Ánh Tuyết');
    expect(text).toContain('075190012345');
    for (const item of expected) expect(text).toContain(item);
  });

  it.each(DOCUMENT_KINDS)('embeds only the Times-metric Liberation Serif (Nghị định 30/2020) in %s', async (kind) => {
    const path = await renderToFile(
      `fonts-${kind}`,
      renderDocument(kind, SAMPLE_DOCUMENTS[kind] as never, SAMPLE_ISSUER),
    );
    const result = await runTool('pdffonts', [path]);
    expect(result.code).toBe(0);
    const rows = result.stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?\s/);
      // columns: name type encoding emb sub uni object ID
      expect(row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    }
    expect(result.stdout).not.toMatch(/Helvetica|Times|Courier/);
  });

  it.each(DOCUMENT_KINDS)('puts a QR code with exactly the verification URL on page 1 of %s', async (kind) => {
    const path = await renderToFile(`qr-${kind}`, renderDocument(kind, SAMPLE_DOCUMENTS[kind] as never, SAMPLE_ISSUER));
    const prefix = join(dir, `page-${kind}`);
    const render = await runTool('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', path, prefix]);
    expect(render.code).toBe(0);
    const scan = await runTool('zbarimg', ['-q', '--raw', `${prefix}.png`]);
    expect(scan.stdout.trim()).toBe(SAMPLE_DOCUMENTS[kind].verifyUrl);
  });

  it('produces identical bytes for identical input', async () => {
    const [first, second] = await Promise.all([
      renderDocument('decision-approval', decision, SAMPLE_ISSUER),
      renderDocument('decision-approval', decision, SAMPLE_ISSUER),
    ]);
    expect(first.equals(second)).toBe(true);
    const info = await runTool('pdfinfo', [await renderToFile('deterministic', Promise.resolve(first))]);
    expect(info.stdout).toMatch(/CreationDate:\s+Thu Nov 26 03:00:00 2026 UTC/);
    expect(info.stdout).toMatch(/Title:\s+Quyết định về việc hưởng trợ cấp thất nghiệp/);
  });

  it('never leaves the signer alone on a page: the last article goes with "Nơi nhận" and the signer; the appendix is alone on the last page (Nghị định 30/2020)', async () => {
    const path = await renderToFile('decision-pages', renderDocument('decision-approval', decision, SAMPLE_ISSUER));
    const pages = Number(/Pages:\s+(\d+)/.exec((await runTool('pdfinfo', [path])).stdout)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const page = async (number: number): Promise<string> => {
      const result = await runTool('pdftotext', [
        '-enc',
        'UTF-8',
        '-f',
        String(number),
        '-l',
        String(number),
        path,
        '-',
      ]);
      return result.stdout.normalize('NFC').replace(/\s+/g, ' ');
    };
    const texts = await Promise.all(Array.from({ length: pages }, (_, i) => page(i + 1)));
    const signerPage = texts.findIndex((t) => t.includes(SAMPLE_ISSUER.signerName));
    expect(signerPage).toBeGreaterThanOrEqual(0);
    for (const expected of ['Điều 3.', 'Nơi nhận:', '- Như Điều 3;', 'GIÁM ĐỐC'])
      expect(texts[signerPage]).toContain(expected);
    expect(texts.slice(0, pages - 1).join(' ')).not.toContain('PHỤ LỤC');
    const appendix = texts[pages - 1];
    expect(appendix).toContain('PHỤ LỤC');
    expect(appendix).toContain('Từ 16/01/2027 đến 15/02/2027');
    expect(appendix).not.toContain('Nơi nhận:');
    expect(appendix).not.toContain(SAMPLE_ISSUER.signerName);
  });

  it('never leaves the signer alone on a page when the data is longer', async () => {
    const data: DecisionApprovalData = {
      ...decision,
      lastEmployer: 'Công ty Trách nhiệm hữu hạn Một thành viên Sản xuất và Thương mại Điện tử Biên Hòa',
      holder: {
        ...decision.holder,
        address: 'Tổ 7, khu phố Bình Dương 2, số 128/14 đường Nguyễn Ái Quốc, phường Trấn Biên, tỉnh Đồng Nai',
      },
    };
    const path = await renderToFile('decision-long', renderDocument('decision-approval', data, SAMPLE_ISSUER));
    const text = (await runTool('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout.normalize('NFC');
    // The page (form feed) that carries the signer also carries text of the decision before "Nơi nhận".
    const signerPage = text.split('\f').find((p) => p.includes(SAMPLE_ISSUER.signerName))!;
    expect(signerPage).toContain('Nơi nhận:');
    expect(signerPage.slice(0, signerPage.indexOf('Nơi nhận:'))).toMatch(/Điều 3\./);
  });

  it('gives the same bytes whatever was rendered before in the process (shared font caches)', async () => {
    const first = await renderDocument('decision-approval', decision, SAMPLE_ISSUER);
    for (const kind of DOCUMENT_KINDS) await renderDocument(kind, SAMPLE_DOCUMENTS[kind] as never, SAMPLE_ISSUER);
    const other: DecisionApprovalData = {
      ...decision,
      holder: { ...decision.holder, fullName: 'Trịnh Quỳnh Hương Ỷ Ỡ' },
    };
    await renderDocument('decision-approval', other, SAMPLE_ISSUER);
    expect((await renderDocument('decision-approval', decision, SAMPLE_ISSUER)).equals(first)).toBe(true);
  });

  it('rejects a notice schedule that does not match the benefit periods', async () => {
    const data: DecisionApprovalData = {
      ...decision,
      decision: { ...decision.decision, noticeDates: decision.decision.noticeDates.slice(1) },
    };
    await expect(renderDocument('decision-approval', data, SAMPLE_ISSUER)).rejects.toThrow(
      /one entry per benefit period/,
    );
  });
});
