import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, StaffRole } from '../principal';

/** Response bodies of the identity routes, as documented in the OpenAPI document (docs/openapi.json). */

export class StaffUnlockDto {
  @ApiProperty({ type: String })
  username!: string;

  @ApiProperty({ type: Number })
  cleared!: number;
}

export class StaffTwoFactorStateDto {
  @ApiProperty({ type: Boolean, description: 'An authenticator is enrolled.' })
  enabled!: boolean;

  @ApiProperty({ type: Boolean, description: 'The policy requires two-factor sign-in for this account.' })
  required!: boolean;
}

/** A staff account as an administrator sees it (never a password or a second-factor secret). */
export class StaffAccountDto {
  @ApiProperty({ type: String, example: 'canbo.bh' })
  username!: string;

  @ApiProperty({ type: String })
  fullName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Chuyên viên' })
  title!: string | null;

  @ApiProperty({ enum: STAFF_ROLES })
  role!: StaffRole;

  @ApiProperty({ type: String, nullable: true, description: 'NULL exactly for director and admin' })
  centerCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  employeeNumber!: string | null;

  @ApiProperty({ type: Boolean })
  active!: boolean;

  @ApiProperty({ type: Boolean, description: 'A sandbox account (test data only).' })
  sandbox!: boolean;

  @ApiProperty({ type: Boolean, description: 'The password must be changed at the next login.' })
  mustChangePassword!: boolean;

  @ApiProperty({ type: () => StaffTwoFactorStateDto })
  twoFactor!: StaffTwoFactorStateDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'ISO 8601 end of the latest lock-out still running (from any source), or null.',
  })
  lockedUntil!: string | null;

  @ApiProperty({ type: String, description: 'ISO 8601.' })
  createdAt!: string;

  @ApiProperty({ type: String, description: 'ISO 8601.' })
  updatedAt!: string;
}

export class StaffAccountListDto {
  @ApiProperty({ type: () => [StaffAccountDto] })
  items!: StaffAccountDto[];
}

/** A created account or a password reset: the one-time password is shown once, never stored in clear. */
export class StaffAccountWithPasswordDto {
  @ApiProperty({ type: () => StaffAccountDto })
  account!: StaffAccountDto;

  @ApiProperty({
    type: String,
    example: 'abcd-efgh-jkmn-pqrs',
    description: 'One-time password, to be replaced at the first login.',
  })
  oneTimePassword!: string;
}
