import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The sandbox login form: a typed personal ID wins over the resident picked from the list. */
export class SandboxEidLoginFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  personalId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  selectedPersonalId?: string;
}
