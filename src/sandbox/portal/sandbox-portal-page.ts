import { SandboxPortalReceivedEvent } from './sandbox-portal-events.repository';
import { SandboxPortalFaultState } from './sandbox-portal-faults.service';
import { escapeHtml, sandboxPage } from '../sandbox-page';

/** The page of the embedded national-portal sandbox (Vietnamese, clearly marked as a test environment, no JavaScript). */

function row(e: SandboxPortalReceivedEvent): string {
  const decision = (e.payload.decision as { number?: string; url?: string } | undefined) ?? undefined;
  return `<tr>
  <td>${e.seq}</td>
  <td>${escapeHtml(new Date(e.receivedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }))}</td>
  <td><a href="/sandbox/portal?dossierCode=${encodeURIComponent(e.dossierCode ?? '')}"><code>${escapeHtml(e.dossierCode ?? '—')}</code></a></td>
  <td>${escapeHtml(e.status ?? '—')}</td>
  <td>${e.portalStatusCode ?? '—'}</td>
  <td>${decision?.number ? `<a href="${escapeHtml(decision.url ?? '#')}">${escapeHtml(decision.number)}</a>` : ''}</td>
  <td>${e.deliveries > 1 ? `<strong>${e.deliveries}</strong>` : e.deliveries}</td>
  <td><code class="key">${escapeHtml(e.idempotencyKey)}</code></td>
</tr>`;
}

export function renderSandboxPortalPage(options: {
  events: readonly SandboxPortalReceivedEvent[];
  dossierCode?: string;
  faults: SandboxPortalFaultState;
}): string {
  const { events, dossierCode, faults } = options;
  const faultNote =
    faults.down || faults.failNext > 0
      ? `<p class="fault">Đang giả lập lỗi: ${faults.down ? 'cổng ngừng hoạt động (trả 503)' : `${faults.failNext} lần nhận tới sẽ trả 503`}.</p>`
      : '';
  return sandboxPage({
    title: 'Cổng Dịch vụ công quốc gia — sự kiện đã nhận',
    notReal: 'Cổng Dịch vụ công quốc gia thật',
    width: '72rem',
    styles: `  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { border-bottom: 1px solid #e3e3e8; padding: .35rem .4rem; text-align: left; vertical-align: top; }
  th { background: #eef0f4; }
  code.key { font-size: .75rem; color: #555; }
  .fault { background: #fdecea; color: #8a1c1c; padding: .6rem .8rem; border-radius: .3rem; }
  input[type=text] { font-size: 1rem; padding: .3rem; width: 18rem; }`,
    body: `<h1>Sự kiện đồng bộ trạng thái hồ sơ đã nhận</h1>
<p>Bộ nhận thử nghiệm ghi lại mọi thông báo thay đổi trạng thái mà hệ thống gửi tới (khi chưa cấu hình <code>PORTAL_SYNC_URL</code>), theo thứ tự nhận. Một sự kiện gửi lại nhiều lần (cùng khóa <code>Idempotency-Key</code>) chỉ ghi một dòng và đếm số lần nhận.</p>
${faultNote}
<form method="get" action="/sandbox/portal">
  <label for="dossierCode">Mã hồ sơ</label>
  <input type="text" id="dossierCode" name="dossierCode" value="${escapeHtml(dossierCode ?? '')}">
  <button type="submit">Lọc</button> ${dossierCode ? '<a href="/sandbox/portal">Xem tất cả</a>' : ''}
</form>
${
  events.length === 0
    ? '<p>Chưa nhận sự kiện nào.</p>'
    : `<table>
<thead><tr><th>#</th><th>Thời điểm nhận</th><th>Mã hồ sơ</th><th>Trạng thái</th><th>Mã trạng thái trên Cổng</th><th>Quyết định</th><th>Số lần nhận</th><th>Idempotency-Key</th></tr></thead>
<tbody>
${events.map(row).join('\n')}
</tbody>
</table>`
}
<p>Dữ liệu dạng JSON: <a href="/sandbox/portal/events${dossierCode ? `?dossierCode=${encodeURIComponent(dossierCode)}` : ''}">/sandbox/portal/events</a></p>`,
  });
}
