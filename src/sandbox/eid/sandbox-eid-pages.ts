import { SandboxResidentSummary } from '../sandbox-directory.service';
import { escapeHtml, sandboxPage } from '../sandbox-page';

/** HTML of the sandbox e-ID provider (Vietnamese, clearly marked as a test environment, no JavaScript). */

function page(title: string, body: string): string {
  return sandboxPage({
    title,
    notReal: 'hệ thống định danh điện tử thật (VNeID)',
    width: '46rem',
    styles: `  fieldset { border: 1px solid #ccd; border-radius: .4rem; margin: 1rem 0; }
  label.resident { display: block; padding: .35rem .2rem; border-bottom: 1px solid #eee; }
  .scenario { color: #555; font-size: .85rem; }
  .error { background: #fdecea; color: #8a1c1c; padding: .6rem .8rem; border-radius: .3rem; }
  input[type=text] { font-size: 1.05rem; padding: .4rem; width: 14rem; }
  button { font-size: 1rem; padding: .5rem 1.2rem; margin-right: .5rem; }
  code { font-size: 1rem; }`,
    body,
  });
}

export function renderSandboxEidLogin(options: {
  uid: string;
  clientName: string;
  residents: readonly SandboxResidentSummary[];
  error?: string;
  personalId?: string;
}): string {
  const action = `/sandbox/eid/interaction/${encodeURIComponent(options.uid)}`;
  const list = options.residents
    .map(
      (r) =>
        `<label class="resident"><input type="radio" name="selectedPersonalId" value="${escapeHtml(r.personalId)}"> ` +
        `<strong>${escapeHtml(r.fullName)}</strong> — <code>${escapeHtml(r.personalId)}</code> ` +
        `<span class="scenario">(${escapeHtml(r.scenario)})</span></label>`,
    )
    .join('\n');
  return page(
    'Đăng nhập bằng tài khoản định danh điện tử',
    `<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
<p>Dịch vụ <strong>${escapeHtml(options.clientName)}</strong> yêu cầu xác thực danh tính của bạn.</p>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="${action}/login" id="login-form">
  <p><label for="personalId">Số định danh cá nhân (12 chữ số)</label><br>
  <input type="text" id="personalId" name="personalId" inputmode="numeric" autocomplete="off" maxlength="12"
    pattern="[0-9]{12}" value="${escapeHtml(options.personalId ?? '')}"></p>
  <fieldset>
    <legend>Hoặc chọn một cư dân thử nghiệm</legend>
${list}
  </fieldset>
  <button type="submit">Đăng nhập</button>
</form>
<form method="post" action="${action}/abort"><button type="submit">Hủy</button></form>`,
  );
}

export function renderSandboxEidError(error: string, description?: string): string {
  return page(
    'Lỗi đăng nhập',
    `<h1>Không thể đăng nhập</h1>
<p class="error" role="alert">Yêu cầu đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng quay lại dịch vụ và đăng nhập lại.</p>
<p><small>Mã lỗi: <code>${escapeHtml(error)}</code>${description ? ` — ${escapeHtml(description)}` : ''}</small></p>`,
  );
}
