import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BenefitsModule } from '../benefits/benefits.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { CentersAdminService } from './centers-admin.service';
import { CentersAdminController, SignersAdminController } from './organisation.controller';
import { SignerDirectory } from './signer-directory';
import { SignerRepository } from './signer.repository';
import { SignerAuthorityEntity } from './signer-authority.entity';
import { SignersService } from './signers.service';

/**
 * How the province is organised, administered in the service (docs/centers-and-signers.md): its employment service
 * centers and who signs for the department and each center, by date. Documents read signers through SignerDirectory.
 */
@Module({
  imports: [DossiersModule, BenefitsModule, TypeOrmModule.forFeature([SignerAuthorityEntity])],
  controllers: [CentersAdminController, SignersAdminController],
  providers: [SignerRepository, SignersService, CentersAdminService, SignerDirectory],
  exports: [SignerDirectory],
})
export class OrganisationModule {}
