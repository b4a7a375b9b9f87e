import { catalog } from './catalog.js';

const vnd = new Intl.NumberFormat('vi-VN');

/** 8500000 → "8.500.000 đồng". */
export function money(value) {
  if (value === undefined || value === null || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? `${vnd.format(n)} đồng` : String(value);
}

/** "2026-03-05" → "05/03/2026"; an RFC 3339 timestamp gives its calendar day in Việt Nam. */
export function date(value) {
  if (!value) return '';
  const text = String(value);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : vietnamDay(text);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day || text);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : text;
}

function vietnamDay(timestamp) {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? null : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
}

/** RFC 3339 → "05/03/2026 14:07" in Việt Nam time. */
export function dateTime(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (t) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

export function months(n) {
  return n === undefined || n === null ? '' : `${n} tháng`;
}

export function statusLabel(code, given) {
  return given || catalog.statuses[code] || code || '';
}

export function reasonLabel(code) {
  return catalog.terminationReasons[code] || code || '';
}

export function contractLabel(code) {
  return catalog.contractTypes[code] || code || '';
}

export function kindLabel(code) {
  return catalog.attachmentKinds[code] || code || '';
}

export function sexLabel(code) {
  return code === 'male' ? 'Nam' : code === 'female' ? 'Nữ' : code || '';
}

export function channelLabel(code) {
  return { online: 'Trực tuyến', counter: 'Trực tiếp', portal: 'Cổng DVCQG', postal: 'Bưu chính' }[code] || code || '';
}

export function bytes(n) {
  if (!Number.isFinite(n)) return '';
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function address(a) {
  if (!a) return '';
  if (typeof a === 'string') return a;
  return [a.line, a.communeName, a.provinceName].filter(Boolean).join(', ');
}

/** Today's date in Việt Nam as YYYY-MM-DD. */
export function todayIso() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}
