import { loadConfig } from '../../config/app-config';
import { issuerProfile } from './issuer-profile.factory';

/** Who the printed signer block names (Nghị định 30/2020/NĐ-CP, Điều 13 and Phụ lục I; docs/centers-and-signers.md). */
describe('issuer profile: the signer block of a document', () => {
  const config = loadConfig({}).issuer;
  const center = { name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa', address: 'Số 1, đường Phạm Văn Thuận' };
  const deputy = { onBehalfOf: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Thị Kiều Oanh' };
  const centerHead = { onBehalfOf: '', title: 'GIÁM ĐỐC', name: 'Lê Văn Tâm' };

  it.each([
    [
      'the signer in force (a deputy signs KT.)',
      deputy,
      { signerOnBehalfOf: 'KT. GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC', signerName: 'Nguyễn Thị Kiều Oanh' },
    ],
    [
      'the configured signer without one',
      undefined,
      { signerTitle: config.signerTitle, signerName: config.signerName },
    ],
  ])('a decision names %s', (_label, signer, expected) => {
    const profile = issuerProfile(config, center, 'Cán bộ tiếp nhận', signer);
    expect(profile).toMatchObject(expected);
    if (!signer) expect(profile.signerOnBehalfOf).toBe(config.signerOnBehalfOf);
  });

  it.each([
    [
      'the caseworker who acted, even with a center signer',
      'Nguyễn Thị Thanh Tâm',
      centerHead,
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Nguyễn Thị Thanh Tâm',
    ],
    ["the center's signer in force when no caseworker is known", null, centerHead, 'GIÁM ĐỐC', 'Lê Văn Tâm'],
    ['the center itself without either', null, undefined, 'NGƯỜI TIẾP NHẬN HỒ SƠ', center.name],
  ])("a center's slip names %s", (_label, caseworker, centerSigner, title, name) => {
    const profile = issuerProfile(config, center, caseworker, undefined, centerSigner);
    expect(profile.center).toMatchObject({ signerTitle: title, signerName: name });
  });
});
