/**
 * A small server-rendered bar chart (SVG, no script): bars for a series of months, each labelled with its value, with
 * a <title> and <desc> for screen readers. The page prints the same figures in a table next to it.
 */
export interface ChartPoint {
  label: string;
  value: number | null;
}

const W = 560;
const H = 220;
const PAD = { top: 24, right: 12, bottom: 36, left: 44 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function barChartSvg(options: {
  id: string;
  title: string;
  points: readonly ChartPoint[];
  /** 'percent': values are shares in [0, 1] drawn on a 0–100 % axis. */
  unit: 'percent' | 'days' | 'score';
  max?: number;
}): string {
  const { id, title, points, unit } = options;
  const format = (v: number | null) =>
    v === null
      ? 'không có số liệu'
      : unit === 'percent'
        ? `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`
        : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  const values = points.map((p) => p.value ?? 0);
  const max = options.max ?? (unit === 'percent' ? 1 : Math.max(1, ...values) * 1.15);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, points.length);
  const barW = Math.min(56, slot * 0.6);
  const desc = points.map((p) => `${p.label}: ${format(p.value)}`).join('; ');
  const ticks = [0, 0.5, 1].map((f) => {
    const y = PAD.top + plotH * (1 - f);
    const label = unit === 'percent' ? `${f * 100} %` : (max * f).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" class="chart-grid"/><text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" class="chart-axis">${esc(label)}</text>`;
  });
  const bars = points.map((p, i) => {
    const v = p.value ?? 0;
    const h = Math.max(0, Math.min(1, v / max)) * plotH;
    const x = PAD.left + slot * i + (slot - barW) / 2;
    const y = PAD.top + plotH - h;
    return (
      `<g><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" class="chart-bar"/>` +
      `<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle" class="chart-value">${esc(p.value === null ? '–' : format(p.value))}</text>` +
      `<text x="${(x + barW / 2).toFixed(1)}" y="${H - PAD.bottom + 18}" text-anchor="middle" class="chart-axis">${esc(p.label)}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t ${id}-d" class="chart">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>` +
    ticks.join('') +
    bars.join('') +
    `</svg>`
  );
}
