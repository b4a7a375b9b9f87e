import type { ValueTransformer } from 'typeorm';

/**
 * A `bigint` column of whole VND read as a number (node-postgres gives bigint as a string). Amounts stay far below
 * 2^53; a NULL stays null.
 */
export const VND_AMOUNT: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
