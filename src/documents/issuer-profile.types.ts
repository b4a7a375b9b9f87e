/** Who issues the documents; configurable per deployment and per date (the authority was renamed on 1/3/2025). */
export interface IssuerProfile {
  /** Parent authority line, e.g. "UBND TỈNH ĐỒNG NAI". */
  readonly parentAuthority: string;
  /** Issuing authority as printed in the header, e.g. "SỞ NỘI VỤ". */
  readonly authority: string;
  /** Full name used in running text, e.g. "Sở Nội vụ tỉnh Đồng Nai". */
  readonly authorityFullName: string;
  /** Abbreviation used in document numbers, e.g. "SNV" → "123/QĐ-SNV". */
  readonly symbol: string;
  /** Place name in the place-and-date line, e.g. "Đồng Nai". */
  readonly place: string;
  /** e.g. "GIÁM ĐỐC". */
  readonly signerTitle: string;
  readonly signerName: string;
  /**
   * The decision's first "Căn cứ" line: the act that gives the Director the competence to decide, e.g. "Căn cứ
   * Quyết định số …/QĐ-UBND … quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ …;".
   */
  readonly competenceBasis: string;
  /** Authority line above the signer title when signing on behalf, e.g. "KT. GIÁM ĐỐC". */
  readonly signerOnBehalfOf?: string;
  /** The public employment service center that receives dossiers and issues intake documents. */
  readonly center?: CenterProfile;
}

export interface CenterProfile {
  /** e.g. "Trung tâm Dịch vụ việc làm tỉnh Đồng Nai". */
  readonly name: string;
  /** Header line, e.g. "TRUNG TÂM DỊCH VỤ VIỆC LÀM". */
  readonly headerName: string;
  readonly symbol: string;
  readonly signerTitle: string;
  readonly signerName: string;
  readonly address?: string;
  readonly phone?: string;
}
