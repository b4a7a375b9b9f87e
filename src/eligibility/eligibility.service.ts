import { Injectable } from '@nestjs/common';
import { Assessment, AssessmentInput } from './domain/assessment';
import { assess } from './domain/benefit-calculator';
import { assertValidAssessmentInput } from './domain/assessment-input-validation';
import { LegalContextService } from './legal-context.service';

/** One engine for the public calculator, the citizen's preview and the staff review. */
@Injectable()
export class EligibilityService {
  constructor(private readonly legal: LegalContextService) {}

  async assess(input: AssessmentInput): Promise<Assessment> {
    assertValidAssessmentInput(input);
    const { rules, calendar } = await this.legal.current();
    return assess(input, rules, calendar);
  }
}
