import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLineText } from '../../platform/http/text';

export class RevokeDecisionDto {
  @ApiProperty({
    description: 'Why the decision is revoked; shown to the citizen',
    example: 'Quyết định ban hành nhầm đối tượng.',
  })
  @IsString({ message: 'Cần nêu lý do thu hồi quyết định.' })
  @SingleLineText()
  @MinLength(10, { message: 'Lý do thu hồi phải có ít nhất 10 ký tự.' })
  @MaxLength(1000, { message: 'Lý do thu hồi không quá 1000 ký tự.' })
  reason: string;
}
