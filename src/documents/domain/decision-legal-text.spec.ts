import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { legalBasisFor } from '../../eligibility/domain/legal-bases';
import type { DecisionApprovalData, DecisionRefusalData } from '../document-data.types';
import { renderDocument } from '../rendering/document.renderer';
import { pdfText } from '../../../test/support/debian-tools';
import { SAMPLE_DOCUMENTS, SAMPLE_ISSUER } from '../../../test/support/sample-documents.fixture';

describe('the legal text printed on decisions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decision-legal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function text(name: string, pdf: Promise<Buffer>): Promise<string> {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, await pdf);
    return pdfText(path);
  }

  it('an approval under VN-2025 cites the competence line, Luật 74/2025 and NĐ 374/2025, with the 2025 wording', async () => {
    const data = SAMPLE_DOCUMENTS['decision-approval'] as DecisionApprovalData;
    const printed = await text('vn2025', renderDocument('decision-approval', data, SAMPLE_ISSUER));
    expect(printed).toContain(SAMPLE_ISSUER.competenceBasis);
    expect(printed).toContain('Căn cứ Luật Việc làm số 74/2025/QH15 ngày 16 tháng 6 năm 2025;');
    expect(printed).toContain('Căn cứ Nghị định số 374/2025/NĐ-CP');
    expect(printed).toContain('06 tháng đã đóng gần nhất');
    expect(printed).not.toContain('38/2013');
    // Month 1 of the appendix counts from the day the result is returned: stated in words, not as dates.
    expect(printed).toContain('Trong 03 ngày làm việc kể từ ngày nhận quyết định/trả kết quả');
  });

  it('an approval and a refusal under VN-2013 cite Luật 38/2013 and NĐ 28/2015 as amended by NĐ 61/2020', async () => {
    const approval = {
      ...(SAMPLE_DOCUMENTS['decision-approval'] as DecisionApprovalData),
      legalBasis: legalBasisFor('VN-2013'),
    };
    const printed = await text('vn2013', renderDocument('decision-approval', approval, SAMPLE_ISSUER));
    expect(printed).toContain('Căn cứ Luật Việc làm số 38/2013/QH13 ngày 16 tháng 11 năm 2013;');
    expect(printed).toContain('Nghị định số 28/2015/NĐ-CP ngày 12 tháng 3 năm 2015');
    expect(printed).toContain('Nghị định số 61/2020/NĐ-CP ngày 29 tháng 5 năm 2020');
    expect(printed).toContain('06 tháng liền kề trước khi thất nghiệp');
    expect(printed).not.toContain('74/2025');
    const refusal = {
      ...(SAMPLE_DOCUMENTS['decision-refusal'] as DecisionRefusalData),
      legalBasis: legalBasisFor('VN-2013'),
    };
    const refused = await text('refusal-vn2013', renderDocument('decision-refusal', refusal, SAMPLE_ISSUER));
    expect(refused).toContain(
      'Căn cứ Luật Việc làm số 38/2013/QH13 ngày 16 tháng 11 năm 2013 và Nghị định số 28/2015/NĐ-CP',
    );
  });
});
