import { ApiProperty } from '@nestjs/swagger';

/** Registry records (population, social insurance) as they appear in response bodies (docs/openapi.json). */

export class AddressDto {
  @ApiProperty({
    type: String,
    description: 'House number, street, hamlet or residential group, e.g. `Số 12, đường Phạm Văn Thuận, khu phố 3`.',
  })
  line!: string;

  @ApiProperty({ type: String })
  communeCode!: string;

  @ApiProperty({ type: String, description: 'e.g. `Phường Trấn Biên`.' })
  communeName!: string;

  @ApiProperty({ type: String })
  provinceCode!: string;

  @ApiProperty({ type: String, description: 'e.g. `Tỉnh Đồng Nai`, `Thành phố Hồ Chí Minh`.' })
  provinceName!: string;
}

export class PopulationRecordDto {
  @ApiProperty({ type: String, description: '12 digits; always equal to the number that was asked for.' })
  personalId!: string;

  @ApiProperty({ type: String, description: 'NFC Vietnamese with diacritics, as registered.' })
  fullName!: string;

  @ApiProperty({ type: String, description: '`YYYY-MM-DD`.' })
  dateOfBirth!: string;

  @ApiProperty({ enum: ['male', 'female'] })
  sex!: 'male' | 'female';

  @ApiProperty({ type: String, description: 'Country name in Vietnamese, e.g. `Việt Nam`.' })
  nationality!: string;

  @ApiProperty({ type: () => AddressDto, description: 'Nơi thường trú.' })
  permanentAddress!: AddressDto;

  @ApiProperty({ type: () => AddressDto, description: 'Nơi ở hiện tại.' })
  currentAddress!: AddressDto;

  @ApiProperty({ type: String, description: '`YYYY-MM-DD` of the current identity card (thẻ căn cước).' })
  idCardIssueDate!: string;
}

export class RegistryContributionDto {
  @ApiProperty({
    type: String,
    description: '`YYYY-MM`. Two rows may share a month when the person had two contracts.',
  })
  month!: string;

  @ApiProperty({ type: Number, description: 'Contribution salary of that month, whole VND.' })
  salary!: number;

  @ApiProperty({ type: String })
  employerName!: string;

  @ApiProperty({ type: String, description: 'Mã số thuế: 10 digits, or 10 digits + `-` + 3 digits for a branch.' })
  employerTaxCode!: string;

  @ApiProperty({
    enum: ['I', 'II', 'III', 'IV'],
    description: "Minimum-wage zone of the employer's workplace in that month.",
  })
  zone!: 'I' | 'II' | 'III' | 'IV';
}

export class PensionFactsDto {
  @ApiProperty({
    type: Boolean,
    description: "The person meets the conditions for a monthly pension (the registry's own determination).",
  })
  eligible!: boolean;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Whole years of social insurance, when the registry gives them (shown to staff).',
  })
  insuredYears!: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The day the person reaches (or reached) the retirement age, when the registry gives it.',
  })
  retirementAgeDate!: string | null;
}

export class InsuranceRecordDto {
  @ApiProperty({ type: String })
  personalId!: string;

  @ApiProperty({
    type: String,
    description:
      'Mã số bảo hiểm xã hội: the legacy 10 digits, or the 12-digit personal ID that replaces it (Luật BHXH 2024).',
  })
  socialInsuranceNumber!: string;

  @ApiProperty({
    enum: ['employer', 'state'],
    description: '`state`: salary paid on the State salary scale (matters for the VN-2013 cap).',
  })
  salaryRegime!: 'employer' | 'state';

  @ApiProperty({ isArray: true, type: () => RegistryContributionDto, description: 'Oldest first.' })
  contributions!: RegistryContributionDto[];

  @ApiProperty({
    isArray: true,
    type: String,
    description: '`YYYY-MM` months already consumed by earlier benefit decisions; they do not count again.',
  })
  usedMonths!: string[];

  @ApiProperty({
    type: Number,
    description:
      'Contribution months reserved (bảo lưu) by earlier decisions; they count in addition to unused months.',
  })
  reservedMonths!: number;

  @ApiProperty({
    required: false,
    type: () => PensionFactsDto,
    description: 'Absent when the registry does not say (treated as not eligible for a pension).',
  })
  pension?: PensionFactsDto;
}
