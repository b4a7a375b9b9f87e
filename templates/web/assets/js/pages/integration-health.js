import { $, h, replace } from '../lib/dom.js';
import { requireStaff, setStatus, showError, staffApi } from '../lib/page.js';

const SVG = 'http://www.w3.org/2000/svg';
const pct = (v) => (v === null ? '–' : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);
const ms = (v) => (v === null ? '–' : `${Math.round(v).toLocaleString('vi-VN')} ms`);
const day = (d) => d.split('-').reverse().join('/');

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** Bars of the daily success rate (0–100 %), described for screen readers; the table below has the same figures. */
function chart(system) {
  const width = 560;
  const height = 140;
  const slot = (width - 40) / system.days.length;
  const title = svg('title', { id: `t-${system.system}` });
  title.textContent = `Tỷ lệ thành công theo ngày: ${system.label}`;
  const desc = svg('desc', { id: `d-${system.system}` });
  desc.textContent = system.days.map((d) => `${day(d.day)}: ${pct(d.successRate)} (${d.calls} lượt)`).join('; ');
  const bars = system.days.map((d, i) => {
    const value = d.successRate ?? 0;
    const barHeight = value * (height - 30);
    return svg('rect', {
      x: 30 + i * slot + slot * 0.2,
      y: height - 20 - barHeight,
      width: slot * 0.6,
      height: barHeight,
      class: d.successRate !== null && d.successRate < 0.9 ? 'chart-bar chart-bar-bad' : 'chart-bar',
    });
  });
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `t-${system.system} d-${system.system}`, class: 'chart' },
    title,
    desc,
    svg('line', { x1: 30, x2: width - 10, y1: height - 20, y2: height - 20, class: 'chart-grid' }),
    ...bars,
  );
}

function section(system) {
  const rows = system.days
    .slice()
    .reverse()
    .map((d) =>
      h('tr', {}, h('th', { scope: 'row' }, day(d.day)), h('td', {}, String(d.calls)), h('td', {}, String(d.failures)), h('td', {}, pct(d.successRate)), h('td', {}, ms(d.p95Ms))),
    );
  const last = system.lastError
    ? `${new Date(system.lastError.at).toLocaleString('vi-VN')} (${system.lastError.operation}): ${system.lastError.error}`
    : 'Không có';
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': `h-${system.system}`, 'data-system': system.system },
    h('h2', { id: `h-${system.system}` }, system.label),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Hàng đợi gửi đi'),
      h('dd', {}, system.queueDepth === null ? 'Không áp dụng (chỉ đọc)' : String(system.queueDepth)),
      h('dt', {}, 'Thông điệp không gửi được'),
      h('dd', {}, system.deadLetters === null ? 'Không áp dụng' : String(system.deadLetters)),
      h('dt', {}, 'Lỗi gần nhất'),
      h('dd', {}, last),
    ),
    h('figure', { class: 'chart-figure' }, h('figcaption', {}, 'Tỷ lệ thành công theo ngày'), chart(system)),
    h(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `Số liệu theo ngày: ${system.label}` },
      h(
        'table',
        { class: 'table' },
        h('caption', {}, `Số liệu theo ngày: ${system.label}`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Ngày'), h('th', { scope: 'col' }, 'Lượt gọi'), h('th', { scope: 'col' }, 'Lỗi'), h('th', { scope: 'col' }, 'Thành công'), h('th', { scope: 'col' }, 'p95'))),
        h('tbody', {}, rows),
      ),
    ),
  );
}

async function load() {
  setStatus('Đang tải…');
  const res = await staffApi('/api/v1/admin/integrations/health?days=14');
  setStatus('');
  if (!res.ok) return showError(res);
  replace($('#integration-systems'), res.data.systems.map(section));
}

if (requireStaff()) void load();
