/**
 * SMS length, as the networks count it (3GPP TS 23.038 / 23.040). A text made only of GSM 7-bit characters is sent
 * in GSM-7: 160 characters in one message, 153 a segment when it is split (the rest of each segment carries the
 * concatenation header); a character of the extension table (`^ { } \ [ ~ ] | €`) costs two. Any other character
 * (Vietnamese letters with diacritics among them) makes the whole text UCS-2: 70 characters in one message, 67 a
 * segment when split, counted in UTF-16 code units. A character is never split across two segments.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Units one segment holds at this length: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  return true;
}

export function smsLength(text: string): SmsLength {
  const gsm = isGsm7(text);
  const costs = gsm ? [...text].map((ch) => (EXTENSION.has(ch) ? 2 : 1)) : [...text].map((ch) => ch.length);
  const units = costs.reduce((a, b) => a + b, 0);
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  if (units <= single) return { encoding: gsm ? 'gsm7' : 'ucs2', units, segments: 1, perSegment: single };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > multi) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding: gsm ? 'gsm7' : 'ucs2', units, segments, perSegment: multi };
}

/**
 * Vietnamese without diacritics ("Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan"): the letters lose their
 * tone and vowel marks, đ/Đ become d/D. Other characters are left as they are.
 */
export function unaccented(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
