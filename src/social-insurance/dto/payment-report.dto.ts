import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsPersonalId } from '../../personal-id/is-personal-id.decorator';
import { SingleLineText } from '../../platform/http/text';

/** One payment the social insurance office reports: one benefit month of one dossier. */
export class PaymentReportDto {
  @ApiProperty({ description: "The office's own id of this report (a repeat with the same body is answered again)" })
  @IsString({ message: 'Cần có mã báo cáo (reportId).' })
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'Mã báo cáo gồm 1–100 chữ, số hoặc . _ : -' })
  reportId: string;

  @ApiProperty({ example: 'DNA-BH-20261130-00001' })
  @IsString({ message: 'Cần có mã hồ sơ.' })
  @Matches(/^[A-Z0-9-]{5,40}$/, { message: 'Mã hồ sơ không hợp lệ.' })
  dossierCode: string;

  @ApiProperty({ example: '075090001234' })
  @IsPersonalId()
  personalId: string;

  @ApiProperty({ description: 'Benefit month, 1 = the first', minimum: 1, maximum: 36 })
  @IsInt({ message: 'Tháng hưởng phải là số nguyên.' })
  @Min(1, { message: 'Tháng hưởng từ 1 trở lên.' })
  @Max(36, { message: 'Tháng hưởng không quá 36.' })
  month: number;

  @ApiProperty({ description: 'Whole VND' })
  @IsInt({ message: 'Số tiền phải là số nguyên (đồng).' })
  @Min(0, { message: 'Số tiền không được âm.' })
  @Max(1_000_000_000, { message: 'Số tiền quá lớn.' })
  amount: number;

  @ApiProperty({ enum: ['paid', 'failed'] })
  @IsIn(['paid', 'failed'], { message: 'Trạng thái phải là paid hoặc failed.' })
  status: 'paid' | 'failed';

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Required when paid' })
  @ValidateIf((r: PaymentReportDto) => r.status === 'paid' || r.paidAt !== undefined)
  @IsString({ message: 'Cần có ngày chi trả (YYYY-MM-DD).' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Ngày chi trả phải có dạng YYYY-MM-DD.' })
  paidAt?: string;

  @ApiPropertyOptional({ description: 'Required when failed: why, in words the citizen can act on' })
  @ValidateIf((r: PaymentReportDto) => r.status === 'failed' || r.failureReason !== undefined)
  @IsString({ message: 'Cần nêu lý do chi trả không thành công.' })
  @SingleLineText()
  @MinLength(3, { message: 'Cần nêu lý do chi trả không thành công.' })
  @MaxLength(500, { message: 'Lý do không quá 500 ký tự.' })
  failureReason?: string;
}
