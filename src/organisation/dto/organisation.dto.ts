import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { SingleLineText } from '../../platform/http/text';
import { SIGNER_CAPACITIES, SignerCapacity } from '../domain/signers';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COMMUNE = /^[0-9]{5}$/;

/** A center's details as an administrator edits them (the code is fixed at creation). */
export class CenterDetailsDto {
  @ApiProperty({ example: 'Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa' })
  @IsString()
  @SingleLineText()
  @MinLength(5, { message: 'Cần ghi tên trung tâm.' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Đồng Nai' })
  @IsString()
  @SingleLineText()
  @MinLength(2, { message: 'Cần ghi tỉnh, thành phố.' })
  @MaxLength(100)
  provinceName: string;

  @ApiProperty({ example: 'Số 1, đường Phạm Văn Thuận, Phường Trấn Biên, Tỉnh Đồng Nai' })
  @IsString()
  @SingleLineText()
  @MinLength(5, { message: 'Cần ghi địa chỉ để người lao động biết nơi đến.' })
  @MaxLength(300)
  address: string;

  @ApiProperty({ example: '0251 3800 101' })
  @IsString()
  @Matches(/^[0-9 .+()-]{6,20}$/, { message: 'Số điện thoại gồm 6–20 chữ số (có thể có dấu cách, dấu chấm).' })
  phone: string;

  @ApiProperty({ example: 'Thứ Hai đến Thứ Sáu, 7 giờ 30 – 11 giờ 30 và 13 giờ 00 – 17 giờ 00' })
  @IsString()
  @SingleLineText()
  @MinLength(5, { message: 'Cần ghi giờ làm việc.' })
  @MaxLength(200)
  hours: string;

  @ApiProperty({ type: [String], example: ['75001', '75002'], description: 'commune codes (5 digits) served' })
  @IsArray({ message: 'Danh sách xã, phường phải là một mảng mã.' })
  @ArrayMaxSize(500)
  @Matches(COMMUNE, { each: true, message: 'Mỗi mã xã, phường gồm 5 chữ số.' })
  communes: string[];
}

export class NewCenterDto extends CenterDetailsDto {
  @ApiProperty({ example: 'DNA-TB' })
  @IsString()
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'Mã trung tâm gồm 2–20 chữ in hoa, chữ số hoặc dấu gạch ngang.' })
  code: string;
}

export class CloseCenterDto {
  @ApiProperty({ example: 'DNA-BH', description: 'the center that takes over the open dossiers and benefits' })
  @IsString()
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'Cần chọn trung tâm tiếp nhận hồ sơ.' })
  successorCode: string;

  @ApiProperty({ example: 'Sáp nhập theo Quyết định số 12/QĐ-UBND ngày 01/12/2026' })
  @IsString()
  @SingleLineText()
  @MinLength(10, { message: 'Cần ghi lý do (ít nhất 10 ký tự).' })
  @MaxLength(1000)
  reason: string;
}

export class SignerDto {
  @ApiProperty({ example: 'department', description: '`department` (Sở Nội vụ) or a center code' })
  @IsString()
  @Matches(/^(department|[A-Z0-9-]{2,20})$/, { message: 'Phạm vi phải là "department" hoặc mã trung tâm.' })
  scope: string;

  @ApiProperty({ enum: SIGNER_CAPACITIES, description: '`head`: GIÁM ĐỐC; `deputy`: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC' })
  @IsIn(SIGNER_CAPACITIES, { message: 'Tư cách ký phải là head (Giám đốc) hoặc deputy (Phó Giám đốc ký thay).' })
  capacity: SignerCapacity;

  @ApiProperty({ example: 'Nguyễn Thị Kiều Oanh' })
  @IsString()
  @SingleLineText()
  @MinLength(2, { message: 'Cần ghi họ và tên người ký.' })
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: 'phogiamdoc.snv', nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'Tên đăng nhập không hợp lệ.' })
  staffUsername?: string | null;

  @ApiProperty({ example: '2026-12-01' })
  @IsString()
  @Matches(ISO_DATE, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  validFrom: string;

  @ApiPropertyOptional({
    example: '2026-12-15',
    nullable: true,
    description: 'inclusive; absent: until further notice',
  })
  @ValidateIf((o: SignerDto) => o.validTo !== null && o.validTo !== undefined)
  @IsString()
  @Matches(ISO_DATE, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  validTo?: string | null;

  @ApiPropertyOptional({ example: 'Ban Cơ yếu Chính phủ, số hiệu 5403…', nullable: true })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @MaxLength(200)
  certificateRef?: string | null;
}

export class SignatureImageDto {
  @ApiProperty({ description: 'the signature as a transparent PNG, base64 (at most 256 KB)' })
  @IsString()
  @MinLength(16, { message: 'Cần gửi ảnh chữ ký (PNG).' })
  @MaxLength(350_000, { message: 'Ảnh chữ ký tối đa 256 KB.' })
  @Matches(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'Ảnh phải được mã hóa base64.' })
  png: string;
}
