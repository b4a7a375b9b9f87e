import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';

/** The citizen's own registry data (GET /api/v1/me/profile) and its access log (GET /api/v1/me/data-access). */
@Module({ imports: [EligibilityModule], controllers: [ProfileController], providers: [ProfileService] })
export class ProfileModule {}
