import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsDefined,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsPersonalId } from '../../personal-id/is-personal-id.decorator';
import { CONTRACT_TYPES, TERMINATION_REASONS } from '../../eligibility/domain/assessment';
import { ZONES } from '../../eligibility/domain/legal-rules';
import { SingleLineText } from '../../platform/http/text';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class EmployerDto {
  @ApiProperty({ example: 'Công ty TNHH Điện tử Biên Hòa' })
  @IsString()
  @SingleLineText()
  @MinLength(2, { message: 'Tên đơn vị phải có ít nhất 2 ký tự.' })
  @MaxLength(200, { message: 'Tên đơn vị không quá 200 ký tự.' })
  name: string;

  @ApiPropertyOptional({ example: '3600123456' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{10}(-\d{3})?$/, { message: 'Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, dấu gạch và 3 chữ số).' })
  taxCode?: string;

  @ApiProperty({ example: 'KCN Biên Hòa 2, phường Long Bình, tỉnh Đồng Nai' })
  @IsString()
  @SingleLineText()
  @MinLength(5, { message: 'Địa chỉ đơn vị phải có ít nhất 5 ký tự.' })
  @MaxLength(300, { message: 'Địa chỉ đơn vị không quá 300 ký tự.' })
  address: string;
}

export class PaymentDto {
  @ApiProperty({ enum: ['bank', 'cash'] })
  @IsIn(['bank', 'cash'], { message: 'Hình thức nhận tiền phải là chuyển khoản (bank) hoặc tiền mặt (cash).' })
  method: 'bank' | 'cash';

  @ApiPropertyOptional({ example: 'VCB' })
  @ValidateIf((p: PaymentDto) => p.method === 'bank' || p.bankCode !== undefined)
  @IsString({ message: 'Cần chọn ngân hàng.' })
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'Mã ngân hàng không hợp lệ.' })
  bankCode?: string;

  @ApiPropertyOptional({ example: '0123456789' })
  @ValidateIf((p: PaymentDto) => p.method === 'bank' || p.accountNumber !== undefined)
  @IsString({ message: 'Cần nhập số tài khoản.' })
  @Matches(/^\d{6,20}$/, { message: 'Số tài khoản gồm 6 đến 20 chữ số.' })
  accountNumber?: string;

  @ApiPropertyOptional({ example: 'NGUYEN THI ANH TUYET' })
  @ValidateIf((p: PaymentDto) => p.method === 'bank' || p.accountHolder !== undefined)
  @IsString({ message: 'Cần nhập tên chủ tài khoản.' })
  @SingleLineText()
  @MinLength(2, { message: 'Cần nhập tên chủ tài khoản.' })
  @MaxLength(100, { message: 'Tên chủ tài khoản không quá 100 ký tự.' })
  accountHolder?: string;
}

/** The application body of docs/api.md. Identity fields are never accepted: they come from the registry. */
export class ApplicationDto {
  @ApiProperty({ example: '2026-10-30' })
  @IsString({ message: 'Cần nhập ngày chấm dứt hợp đồng (YYYY-MM-DD).' })
  @Matches(ISO_DATE, { message: 'Ngày chấm dứt hợp đồng phải có dạng YYYY-MM-DD.' })
  terminationDate: string;

  @ApiProperty({ enum: TERMINATION_REASONS })
  @IsIn(TERMINATION_REASONS, { message: 'Lý do chấm dứt hợp đồng không hợp lệ.' })
  terminationReason: (typeof TERMINATION_REASONS)[number];

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES, { message: 'Loại hợp đồng không hợp lệ.' })
  contractType: (typeof CONTRACT_TYPES)[number];

  @ApiProperty({ type: EmployerDto })
  @IsDefined({ message: 'Cần nhập thông tin đơn vị sử dụng lao động cuối cùng.' })
  @IsObject({ message: 'Thông tin đơn vị phải là một đối tượng.' })
  @ValidateNested()
  @Type(() => EmployerDto)
  lastEmployer: EmployerDto;

  @ApiPropertyOptional({ enum: ZONES, description: 'Derived from the last employer when the registry knows it' })
  @IsOptional()
  @IsIn(ZONES, { message: 'Vùng phải là I, II, III hoặc IV.' })
  zone?: (typeof ZONES)[number];

  @ApiProperty({ example: 'DNA-BH' })
  @IsString({ message: 'Cần chọn nơi nộp hồ sơ.' })
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'Mã trung tâm không hợp lệ.' })
  centerCode: string;

  @ApiProperty({ type: PaymentDto })
  @IsDefined({ message: 'Cần chọn hình thức nhận trợ cấp.' })
  @IsObject({ message: 'Thông tin nhận tiền phải là một đối tượng.' })
  @ValidateNested()
  @Type(() => PaymentDto)
  payment: PaymentDto;

  @ApiProperty({ example: '0912345678' })
  @IsString({ message: 'Cần nhập số điện thoại.' })
  @Matches(/^(0|\+84)\d{9,10}$/, { message: 'Số điện thoại không hợp lệ (ví dụ 0912345678).' })
  phone: string;

  @ApiPropertyOptional({ example: 'tuyet@example.vn' })
  @IsOptional()
  @IsEmail({}, { message: 'Địa chỉ thư điện tử không hợp lệ.' })
  @MaxLength(200)
  email?: string;

  @ApiProperty({ example: true })
  @Equals(true, { message: 'Cần xác nhận lời cam đoan trước khi nộp hồ sơ.' })
  declarationAccepted: true;
}

/** Counter filing by a receiver for a walk-in citizen. */
export class CounterFilingDto {
  @ApiProperty({ example: '075303001234' })
  @IsPersonalId()
  personalId: string;

  @ApiProperty({ type: ApplicationDto })
  @IsDefined({ message: 'Cần nhập nội dung đơn.' })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicationDto)
  application: ApplicationDto;
}

/** Inbound dossier from the national portal. */
export class PortalFilingDto extends CounterFilingDto {
  @ApiProperty({ example: 'G22.99-261126-0001' })
  @IsString({ message: 'Cần mã hồ sơ trên Cổng DVCQG.' })
  @Matches(/^[A-Za-z0-9.\-_/]{3,64}$/, { message: 'Mã hồ sơ Cổng DVCQG không hợp lệ.' })
  portalDossierCode: string;

  @ApiProperty({ example: '2026-11-26T08:30:00+07:00' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'Thời điểm nộp phải theo RFC 3339.',
  })
  submittedAt: string;
}
