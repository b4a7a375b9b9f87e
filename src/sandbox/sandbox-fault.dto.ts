import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SandboxFaultKind } from './sandbox-fault-injector.service';

export class SandboxFaultDto {
  @IsIn(['error', 'slow', 'malformed', 'wrong-shape', 'wrong-person'])
  kind!: SandboxFaultKind;

  @IsOptional()
  @IsInt()
  @Min(1)
  times?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120_000)
  delayMs?: number;

  @IsOptional()
  @IsInt()
  @Min(400)
  @Max(599)
  status?: number;
}
