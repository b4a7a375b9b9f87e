/** Formats whole VND amounts the way Vietnamese administrative documents print them. */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUP_UNITS = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

function assertWholeAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Amount must be a non-negative whole number of đồng, got ${amount}`);
  }
}

/** 5520000 → "5.520.000" (dot as thousands separator). */
export function formatVndNumber(amount: number): string {
  assertWholeAmount(amount);
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 5520000 → "5.520.000 đồng". */
export function formatVnd(amount: number): string {
  return `${formatVndNumber(amount)} đồng`;
}

/** Reads a group of three digits; `full` forces "không trăm"/"linh" when the group is not the leading one. */
function readTriple(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) {
    words.push(DIGITS[hundreds], 'trăm');
  }
  if (tens === 0) {
    if (units > 0 && (hundreds > 0 || full)) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens], 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else words.push(DIGITS[units]);
  }
  return words;
}

/** Reads 0 ≤ value < 1 000 000 000 (or any value when nested under "tỷ"). */
function readBelowBillion(value: number, leading: boolean): string[] {
  const groups = [value % 1000, Math.floor(value / 1000) % 1000, Math.floor(value / 1_000_000)];
  const words: string[] = [];
  let started = !leading;
  for (let index = 2; index >= 0; index -= 1) {
    const group = groups[index];
    if (group === 0) continue;
    words.push(...readTriple(group, started), ...(GROUP_UNITS[index] ? [GROUP_UNITS[index]] : []));
    started = true;
  }
  return words;
}

function readNumber(value: number, leading: boolean): string[] {
  if (value < BILLION) return readBelowBillion(value, leading);
  const billions = Math.floor(value / BILLION);
  const rest = value % BILLION;
  return [...readNumber(billions, leading), 'tỷ', ...(rest > 0 ? readBelowBillion(rest, false) : [])];
}

/** 5520000 → "Năm triệu năm trăm hai mươi nghìn đồng". */
export function vndInWords(amount: number): string {
  assertWholeAmount(amount);
  const words = amount === 0 ? ['không'] : readNumber(amount, true);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
