import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SingleLineText } from '../../platform/http/text';
import { STAFF_ROLES, StaffRole } from '../principal';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const PHONE = /^[0-9+][0-9 .-]{5,19}$/;
const EMPLOYEE_NUMBER = /^[A-Za-z0-9._-]{1,40}$/;
const CENTER = /^[A-Za-z0-9._-]{1,40}$/;

/** Why an administrator made a change: required, recorded in the audit log. */
export class ReasonDto {
  @ApiProperty({ example: 'Cán bộ chuyển công tác theo Quyết định số 12/QĐ-SNV' })
  @IsString()
  @SingleLineText()
  @MinLength(5, { message: 'Vui lòng ghi lý do (ít nhất 5 ký tự).' })
  @MaxLength(500)
  reason: string;
}

export class UpdateStaffAccountDto extends ReasonDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @IsNotEmpty({ message: 'Vui lòng nhập họ và tên.' })
  @MaxLength(200)
  fullName?: string;

  @ApiProperty({ required: false, nullable: true, example: 'Chuyên viên' })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @MaxLength(200)
  title?: string | null;

  @ApiProperty({ required: false, enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES as StaffRole[], { message: 'Vai trò không hợp lệ.' })
  role?: StaffRole;

  @ApiProperty({ required: false, nullable: true, description: 'NULL exactly for director and admin' })
  @IsOptional()
  @IsString()
  @Matches(CENTER, { message: 'Mã đơn vị không hợp lệ.' })
  centerCode?: string | null;

  @ApiProperty({ required: false, nullable: true, example: '0912345678' })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @Matches(PHONE, { message: 'Số điện thoại không hợp lệ.' })
  phone?: string | null;

  @ApiProperty({ required: false, nullable: true, example: 'nguyen.van.a@snv.dongnai.gov.vn' })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @MaxLength(254)
  @IsEmail({}, { message: 'Địa chỉ thư điện tử không hợp lệ.' })
  email?: string | null;

  @ApiProperty({ required: false, nullable: true, description: 'Employee number at the province (identity provider)' })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @Matches(EMPLOYEE_NUMBER, { message: 'Mã cán bộ chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới (tối đa 40).' })
  employeeNumber?: string | null;
}

export class CreateStaffAccountDto extends UpdateStaffAccountDto {
  @ApiProperty({ example: 'tiepnhan.lk' })
  @IsString()
  @SingleLineText()
  @Matches(USERNAME, {
    message: 'Tên đăng nhập gồm 2–64 chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
  })
  username: string;

  @ApiProperty()
  @IsString()
  @SingleLineText()
  @IsNotEmpty({ message: 'Vui lòng nhập họ và tên.' })
  @MaxLength(200)
  declare fullName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES as StaffRole[], { message: 'Vai trò không hợp lệ.' })
  declare role: StaffRole;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  newPassword: string;
}

export class UnlockDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @MaxLength(500)
  reason?: string;
}
