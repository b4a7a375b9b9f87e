import { api } from '../lib/api.js';
import { $, h, replace } from '../lib/dom.js';
import { dateTime } from '../lib/format.js';
import { citizenSignedIn, setStatus, showCitizenLogin, showError } from '../lib/page.js';

const SOURCES = { population: 'Cơ sở dữ liệu quốc gia về dân cư', insurance: 'Cơ sở dữ liệu bảo hiểm xã hội', social_insurance: 'Cơ sở dữ liệu bảo hiểm xã hội' };

async function load() {
  setStatus('Đang tải nhật ký…');
  const res = await api('/api/v1/me/data-access');
  setStatus('');
  if (res.status === 401) return showCitizenLogin();
  if (!res.ok) return showError(res);
  citizenSignedIn();
  const items = Array.isArray(res.data) ? res.data : (res.data && res.data.items) || [];
  replace(
    $('#log-rows'),
    items.length
      ? items.map((e) =>
          h(
            'tr',
            {},
            h('td', {}, dateTime(e.at || e.accessedAt || e.occurredAt)),
            h('td', {}, e.actorName || e.accessorName || e.actor || e.accessor || '—'),
            h('td', {}, e.sourceLabel || SOURCES[e.source] || e.source || '—'),
            h('td', {}, e.purposeLabel || e.purpose || '—'),
          ),
        )
      : h('tr', {}, h('td', { colspan: '4' }, 'Chưa có lần truy cập nào.')),
  );
  $('#log').hidden = false;
}

void load();
