import type { IssuerConfig } from '../../config/app-config';
import type { IssuerProfile } from '../issuer-profile.types';

export interface CenterInfo {
  readonly name: string;
  readonly address: string;
}

/** The printed signer block: authority line (a deputy's "KT. GIÁM ĐỐC"), title, name. */
export interface SignerBlock {
  readonly onBehalfOf: string;
  readonly title: string;
  readonly name: string;
}

/**
 * The issuer printed on a document: the department (decisions, signed by `signer`, the signer in force on the
 * decision's date; the configured one without it) and the dossier's employment service center (intake documents,
 * signed by the caseworker who acted, else by the center's own signer in force, else in the center's name).
 */
export function issuerProfile(
  config: IssuerConfig,
  center: CenterInfo,
  caseworkerName: string | null,
  signer?: SignerBlock,
  centerSigner?: SignerBlock,
): IssuerProfile {
  const onBehalfOf = signer ? signer.onBehalfOf : (config.signerOnBehalfOf ?? '');
  return {
    parentAuthority: config.parentAuthority,
    authority: config.authority,
    authorityFullName: config.authorityFullName,
    symbol: config.symbol,
    place: config.place,
    signerTitle: signer?.title ?? config.signerTitle,
    signerName: signer?.name ?? config.signerName,
    competenceBasis: config.competenceBasis,
    ...(onBehalfOf ? { signerOnBehalfOf: onBehalfOf } : {}),
    center: {
      name: center.name,
      headerName: config.centerHeader,
      symbol: config.centerSymbol,
      signerTitle: caseworkerName || !centerSigner ? 'NGƯỜI TIẾP NHẬN HỒ SƠ' : centerSigner.title,
      signerName: caseworkerName ?? centerSigner?.name ?? center.name,
      ...(center.address ? { address: center.address } : {}),
    },
  };
}
