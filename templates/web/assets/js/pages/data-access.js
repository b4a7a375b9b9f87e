import { api } from '../lib/api.js';
import { $, h, replace } from '../lib/dom.js';
import { dateTime } from '../lib/format.js';
import { citizenSignedIn, setStatus, showCitizenLogin, showError } from '../lib/page.js';

async function load() {
  setStatus('Đang tải nhật ký…');
  const res = await api('/api/v1/me/data-access');
  setStatus('');
  if (res.status === 401) return showCitizenLogin();
  if (!res.ok) return showError(res);
  citizenSignedIn();
  // {items: [{id, occurredAt, actorType, actorTypeLabel, actorId, source, sourceLabel, purpose, purposeLabel, requestId}]}
  const items = (res.data && res.data.items) || [];
  replace(
    $('#log-rows'),
    items.length
      ? items.map((e) =>
          h(
            'tr',
            {},
            h('td', { 'data-label': 'Thời điểm' }, dateTime(e.occurredAt)),
            h('td', { 'data-label': 'Người truy cập' }, e.actorTypeLabel || e.actorType, e.actorId ? h('div', { class: 'muted' }, e.actorId) : null),
            h('td', { 'data-label': 'Nguồn dữ liệu' }, e.sourceLabel || e.source),
            h('td', { 'data-label': 'Mục đích' }, e.purposeLabel || e.purpose),
          ),
        )
      : h('tr', {}, h('td', { colspan: '4' }, 'Chưa có lần truy cập nào.')),
  );
  $('#log').hidden = false;
}

void load();
