import { ContractType, TerminationReason } from '../../eligibility/domain/assessment';
import { Zone } from '../../eligibility/domain/legal-rules';

/** What the citizen declares: only what no registry knows (docs/api.md "Application body"). */
export interface Application {
  terminationDate: string;
  terminationReason: TerminationReason;
  contractType: ContractType;
  lastEmployer: { name: string; taxCode?: string; address: string };
  zone?: Zone;
  centerCode: string;
  payment: { method: 'bank' | 'cash'; bankCode?: string; accountNumber?: string; accountHolder?: string };
  phone: string;
  email?: string;
  declarationAccepted: true;
}
