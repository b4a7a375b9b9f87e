import type { IssuerConfig } from '../../config/app-config';
import type { IssuerProfile } from '../issuer-profile.types';

export interface CenterInfo {
  readonly name: string;
  readonly address: string;
}

/**
 * The issuer printed on a document: the department (decisions, signed by its Director as configured) and the
 * dossier's employment service center (intake documents, signed by the caseworker who acted, when known).
 */
export function issuerProfile(config: IssuerConfig, center: CenterInfo, caseworkerName: string | null): IssuerProfile {
  return {
    parentAuthority: config.parentAuthority,
    authority: config.authority,
    authorityFullName: config.authorityFullName,
    symbol: config.symbol,
    place: config.place,
    signerTitle: config.signerTitle,
    signerName: config.signerName,
    competenceBasis: config.competenceBasis,
    ...(config.signerOnBehalfOf ? { signerOnBehalfOf: config.signerOnBehalfOf } : {}),
    center: {
      name: center.name,
      headerName: config.centerHeader,
      symbol: config.centerSymbol,
      signerTitle: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      signerName: caseworkerName ?? center.name,
      ...(center.address ? { address: center.address } : {}),
    },
  };
}
