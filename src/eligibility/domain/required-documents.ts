import { ContractType } from './assessment';
import { Regime } from './regime';

/**
 * Attachment kinds a complete dossier needs (a subset of the attachment kinds of src/dossiers, same codes).
 * `application_form` is not listed: a dossier filed online or on Cổng DVCQG is itself the application (the
 * electronic form "Đề nghị hưởng trợ cấp thất nghiệp"), and at the counter the receiver files the form for the
 * citizen.
 */
export type RequiredAttachmentKind = 'termination_proof' | 'social_insurance_book';

/**
 * What a complete dossier must carry as attachments for `contractType` under `regime` (docs/eligibility.md,
 * "Dossier items"):
 * - VN-2025 (Luật Việc làm 74/2025; NĐ 374/2025): the proof that the contract ended. The social-insurance book is
 *   no longer an attachment: the contribution history is read from the national social-insurance database (the
 *   electronic book shown in VssID, Luật Bảo hiểm xã hội 2024), which the dossier records with its source.
 * - VN-2013 (NĐ 28/2015 Điều 16, amended by NĐ 61/2020): the proof that the contract ended and the social-insurance
 *   book (sổ bảo hiểm xã hội).
 * The proof depends on the contract type (`terminationProofOptions`) but is always the kind `termination_proof`.
 */
export function requiredDocuments(_contractType: ContractType, regime: Regime): RequiredAttachmentKind[] {
  switch (regime) {
    case 'VN-2025':
      return ['termination_proof'];
    case 'VN-2013':
      return ['termination_proof', 'social_insurance_book'];
  }
}

/**
 * The documents that prove the end of a contract of `contractType` (any one of them; a copy or the electronic
 * original), in Vietnamese for the filing form and the supplementation request.
 */
export function terminationProofOptions(contractType: ContractType): string[] {
  const common = [
    'Quyết định thôi việc, sa thải hoặc kỷ luật buộc thôi việc',
    'Thông báo hoặc thỏa thuận chấm dứt hợp đồng',
    'Xác nhận của đơn vị về việc chấm dứt hợp đồng (thời điểm và lý do)',
  ];
  switch (contractType) {
    case 'indefinite':
      return [...common, 'Xác nhận của cơ quan có thẩm quyền khi đơn vị đã giải thể, phá sản hoặc không còn hoạt động'];
    case 'fixed_term':
    case 'short_term':
    case 'seasonal':
      return ['Hợp đồng lao động đã hết hạn hoặc đã hoàn thành công việc', ...common];
    case 'working_contract':
      return [
        'Quyết định chấm dứt hợp đồng làm việc',
        'Hợp đồng làm việc đã hết hạn',
        'Thỏa thuận chấm dứt hợp đồng làm việc',
      ];
  }
}
