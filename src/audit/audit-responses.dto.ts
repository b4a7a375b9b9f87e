import { ApiProperty } from '@nestjs/swagger';

/** The audit chain's verdict: every row links to the previous one and matches its hash, or the first that does not. */
export class ChainVerdictDto {
  @ApiProperty({ type: Boolean })
  ok!: boolean;

  @ApiProperty({ type: Number, description: 'Rows checked (up to and including the broken one).' })
  rows!: number;

  @ApiProperty({ required: false, type: String, description: 'Id of the first row that does not hold (when not ok).' })
  brokenAt?: string;

  @ApiProperty({ required: false, type: String, description: 'What does not hold (when not ok).' })
  problem?: string;
}
