// "Thông báo đã gửi cho bạn" on the citizen's page: what the service sent (GET /api/v1/me/notifications) and the
// channels the citizen chose (GET/PUT /api/v1/me/notification-preferences).
import { api } from '../lib/api.js';
import { $, h, replace } from '../lib/dom.js';
import { busy, clearErrors, showErrors } from '../lib/forms.js';
import { dateTime } from '../lib/format.js';

const CHANNEL = { email: 'Thư điện tử', sms: 'SMS' };
const STATUS = { sent: 'Đã gửi', pending: 'Đang gửi', failed: 'Gửi không thành công' };

function item(n) {
  return h(
    'li',
    { 'data-testid': 'notification', 'data-template': n.template },
    h('strong', {}, n.subject || String(n.text || '').split('\n')[0]),
    h('br'),
    h('span', { class: 'muted' }, `${CHANNEL[n.channel] || n.channel} tới ${n.recipient} · ${STATUS[n.status] || n.status}${n.sentAt || n.createdAt ? ` · ${dateTime(n.sentAt || n.createdAt)}` : ''}`),
  );
}

async function save(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const summary = $('#preferences-error');
  clearErrors(form, summary);
  const body = { email: $('#pref-email').checked, sms: $('#pref-sms').checked, smsUnaccented: $('#pref-smsUnaccented').checked };
  const res = await busy(form.querySelector('button[type="submit"]'), () => api('/api/v1/me/notification-preferences', { method: 'PUT', body }));
  if (!res.ok) {
    const problem = res.problem || {};
    return showErrors(form, problem.errors && problem.errors.length ? problem.errors : [{ message: problem.detail || problem.title }], summary);
  }
  $('#preferences-saved').textContent = 'Đã lưu lựa chọn nhận thông báo.';
}

async function load() {
  const [list, prefs] = await Promise.all([api('/api/v1/me/notifications'), api('/api/v1/me/notification-preferences')]);
  if (!list.ok || !prefs.ok) return;
  const items = Array.isArray(list.data) ? list.data : [];
  replace(
    $('#notifications-list'),
    items.length ? h('ul', { class: 'file-list' }, items.slice(0, 20).map(item)) : h('p', { class: 'muted' }, 'Chưa có thông báo nào được gửi cho bạn.'),
  );
  $('#pref-email').checked = !!prefs.data.email;
  $('#pref-sms').checked = !!prefs.data.sms;
  $('#pref-smsUnaccented').checked = !!prefs.data.smsUnaccented;
  $('#notifications').hidden = false;
}

$('#preferences-form').addEventListener('submit', save);
load();
