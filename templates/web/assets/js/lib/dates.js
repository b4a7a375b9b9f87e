// Dates typed as day / month / year (never the browser's date control, whose order follows the browser's language).

const pad = (n, width) => String(n).padStart(width, '0');

/** {day, month, year} as typed → "YYYY-MM-DD", or null when it is not a real calendar day. */
export function isoFromParts(parts) {
  if (!parts) return null;
  const day = Number(String(parts.day || '').trim());
  const month = Number(String(parts.month || '').trim());
  const year = Number(String(parts.year || '').trim());
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** "2026-10-30" → { day: '30', month: '10', year: '2026' }. */
export function partsFromIso(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? { day: m[3], month: m[2], year: m[1] } : { day: '', month: '', year: '' };
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "2026-10-30" → "Thứ Sáu, ngày 30 tháng 10 năm 2026". */
export function dateInWords(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return '';
  const weekday = WEEKDAYS[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()];
  return `${weekday}, ngày ${+m[3]} tháng ${+m[2]} năm ${m[1]}`;
}
