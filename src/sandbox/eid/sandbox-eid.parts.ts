import { Provider, Type } from '@nestjs/common';
import { SandboxEidInteractionController } from './sandbox-eid-interaction.controller';
import { SandboxEidInteractionService } from './sandbox-eid-interaction.service';
import { SandboxEidProvider } from './sandbox-eid-provider.service';

/** Controllers and providers of the sandbox e-ID provider, added to SandboxModule when `EID_ISSUER` is unset. */
export const SANDBOX_EID_CONTROLLERS: Type[] = [SandboxEidInteractionController];
export const SANDBOX_EID_PROVIDERS: Provider[] = [SandboxEidProvider, SandboxEidInteractionService];
