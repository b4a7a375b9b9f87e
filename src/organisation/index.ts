export { OrganisationModule } from './organisation.module';
export { SignerDirectory } from './signer-directory';
export type { ResolvedSigner } from './signer-directory';
