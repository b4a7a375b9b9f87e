import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SingleLineText } from '../../platform/http/text';

/** The citizen's request to move the benefit (Luật Việc làm 74/2025 Điều 41 k.1). */
export class TransferRequestDto {
  @ApiProperty({
    example: '079',
    description: "the receiving province's 3-digit code (GET /api/v1/transfers/provinces)",
  })
  @IsString({ message: 'Cần chọn tỉnh nơi chuyển đến.' })
  @Matches(/^\d{3}$/, { message: 'Mã tỉnh nơi chuyển đến gồm 3 chữ số.' })
  toProvince!: string;

  @ApiProperty({ example: 'Chuyển về sống cùng gia đình tại TP. Hồ Chí Minh' })
  @IsString({ message: 'Cần nêu lý do chuyển nơi hưởng.' })
  @SingleLineText()
  @MinLength(5, { message: 'Lý do chuyển nơi hưởng cần ít nhất 5 ký tự.' })
  @MaxLength(500, { message: 'Lý do chuyển nơi hưởng tối đa 500 ký tự.' })
  reason!: string;

  @ApiProperty({ example: '12 Nguyễn Huệ, phường Sài Gòn, TP. Hồ Chí Minh' })
  @IsString({ message: 'Cần nêu địa chỉ nơi ở mới.' })
  @SingleLineText()
  @MinLength(5, { message: 'Địa chỉ nơi ở mới cần ít nhất 5 ký tự.' })
  @MaxLength(300, { message: 'Địa chỉ nơi ở mới tối đa 300 ký tự.' })
  newAddress!: string;
}

export class TransferRefusalDto {
  @ApiProperty({ example: 'Địa chỉ nơi ở mới chưa được xác nhận.' })
  @IsString({ message: 'Cần nêu lý do từ chối.' })
  @SingleLineText()
  @MinLength(5, { message: 'Lý do từ chối cần ít nhất 5 ký tự.' })
  @MaxLength(500, { message: 'Lý do từ chối tối đa 500 ký tự.' })
  reason!: string;
}

/** A signed transfer package from another province's system. */
export class TransferPackageDto {
  @ApiProperty({ description: 'the package as a compact JWS (ES256), see docs/transfer.md' })
  @IsString({ message: 'Cần gửi gói hồ sơ chuyển (JWS).' })
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, {
    message: 'Gói hồ sơ chuyển phải là một JWS dạng rút gọn.',
  })
  @MaxLength(20 * 1024 * 1024)
  package!: string;
}
