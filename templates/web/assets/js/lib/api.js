// Calls the JSON API. Citizen calls ride the httpOnly session cookie; staff calls carry the bearer token kept in
// sessionStorage. Failures come back as { ok: false, status, problem } with the RFC 9457 body when there is one.
const STAFF_TOKEN = 'tctn.staffToken';
const STAFF_USER = 'tctn.staffUser';

export const staffSession = {
  get token() {
    const raw = sessionStorage.getItem(STAFF_TOKEN);
    if (!raw) return null;
    try {
      const { token, expiresAt } = JSON.parse(raw);
      if (expiresAt && Date.now() > expiresAt) {
        this.clear();
        return null;
      }
      return token;
    } catch {
      return null;
    }
  },
  get username() {
    return sessionStorage.getItem(STAFF_USER);
  },
  /**
   * The token's own claims ({name, role, center}), read for display and default views only: the server decides
   * what the officer may do.
   */
  get claims() {
    const token = this.token;
    if (!token) return {};
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(Array.from(atob(part), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
      return JSON.parse(json) || {};
    } catch {
      return {};
    }
  },
  save(token, expiresIn, username) {
    const expiresAt = Number.isFinite(expiresIn) ? Date.now() + expiresIn * 1000 : null;
    sessionStorage.setItem(STAFF_TOKEN, JSON.stringify({ token, expiresAt }));
    if (username) sessionStorage.setItem(STAFF_USER, username);
  },
  clear() {
    sessionStorage.removeItem(STAFF_TOKEN);
    sessionStorage.removeItem(STAFF_USER);
  },
};

export function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * @param {string} path
 * @param {{method?: string, body?: unknown, form?: FormData, staff?: boolean, headers?: Record<string,string>}} [options]
 */
export async function api(path, options = {}) {
  const headers = { accept: 'application/json, application/problem+json', ...(options.headers || {}) };
  let body;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.staff) {
    const token = staffSession.token;
    if (token) headers.authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, { method: options.method || 'GET', headers, body, credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, problem: { title: 'Không kết nối được máy chủ', detail: 'Vui lòng kiểm tra kết nối mạng và thử lại.' } };
  }
  const type = response.headers.get('content-type') || '';
  let data = null;
  if (/json/.test(type)) data = await response.json().catch(() => null);
  // Citizen calls renew the session cookie on the server: the session watch (session.js) counts from here.
  if (response.ok && !options.staff) window.dispatchEvent(new CustomEvent('tctn:session-active'));
  if (response.ok) return { ok: true, status: response.status, data, headers: response.headers };
  return { ok: false, status: response.status, problem: data || { title: defaultTitle(response.status) } };
}

function defaultTitle(status) {
  if (status === 401) return 'Phiên đăng nhập đã hết hạn';
  if (status === 403) return 'Bạn không có quyền thực hiện thao tác này';
  if (status === 404) return 'Không tìm thấy';
  if (status === 409) return 'Dữ liệu đã thay đổi, vui lòng tải lại trang';
  if (status === 429) return 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút';
  if (status >= 500) return 'Hệ thống đang bận, vui lòng thử lại sau';
  return 'Có lỗi xảy ra';
}

/** One Vietnamese sentence for a failed call (title + detail, and the request id for support). */
export function problemText(result) {
  const p = result.problem || {};
  const parts = [p.title, p.detail && p.detail !== p.title ? p.detail : null].filter(Boolean);
  let text = parts.join(': ') || 'Có lỗi xảy ra';
  if (p.requestId) text += ` (mã yêu cầu ${p.requestId})`;
  return text;
}
