import { api } from '../lib/api.js';
import { $, h, replace } from '../lib/dom.js';
import { centerLabel, loadCenters } from '../lib/centers.js';
import { date, statusLabel } from '../lib/format.js';
import './my-notifications.js';
import { citizenSignedIn, setStatus, showCitizenLogin, showError } from '../lib/page.js';

const OPEN = ['SUBMITTED', 'SUPPLEMENT_REQUESTED', 'RECEIVED', 'IN_REVIEW', 'REVIEWED', 'PROPOSED'];

async function load() {
  setStatus('Đang tải danh sách hồ sơ…');
  const [res] = await Promise.all([api('/api/v1/dossiers'), loadCenters()]);
  setStatus('');
  if (res.status === 401) return showCitizenLogin();
  if (!res.ok) return showError(res);
  citizenSignedIn();
  const items = (res.data && res.data.items) || [];
  replace(
    $('#dossiers'),
    items.length
      ? h(
          'div',
          { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Danh sách hồ sơ' },
          h(
            'table',
            { class: 'table stack' },
            h('caption', { class: 'visually-hidden' }, 'Hồ sơ đã nộp'),
            h('thead', {}, h('tr', {}, ['Mã hồ sơ', 'Trạng thái', 'Ngày nộp', 'Hẹn trả kết quả', 'Nơi nộp'].map((t) => h('th', { scope: 'col' }, t)))),
            h(
              'tbody',
              {},
              items.map((d) =>
                h(
                  'tr',
                  {},
                  h('td', { 'data-label': 'Mã hồ sơ' }, h('a', { href: `/ho-so/${encodeURIComponent(d.id)}` }, d.code || d.id)),
                  h('td', { 'data-label': 'Trạng thái' }, statusLabel(d.status, d.statusLabel)),
                  h('td', { 'data-label': 'Ngày nộp' }, date(d.filedAt)),
                  // An appointment date means something only while the dossier is being handled.
                  h('td', { 'data-label': 'Hẹn trả kết quả' }, OPEN.includes(d.status) ? date(d.dueDate) || 'Có sau khi tiếp nhận' : '—'),
                  h('td', { 'data-label': 'Nơi nộp' }, centerLabel(d.centerCode) || '—'),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, 'Bạn chưa nộp hồ sơ nào.'),
  );
  $('#list').hidden = false;
}

void load();
