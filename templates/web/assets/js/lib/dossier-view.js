import { h, replace } from './dom.js';
import { bytes, dateTime, kindLabel, statusLabel } from './format.js';

/** History as a timeline, oldest first. */
export function renderTimeline(ol, history) {
  const rows = Array.isArray(history) ? [...history] : [];
  rows.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  replace(
    ol,
    rows.length
      ? rows.map((e) =>
          h(
            'li',
            {},
            h('time', { datetime: e.at }, dateTime(e.at)),
            h('span', { class: 'what' }, e.actionLabel || e.action || ''),
            e.status ? h('span', {}, ' — ', statusLabel(e.status, e.statusLabel)) : null,
            e.actorName ? h('div', { class: 'muted' }, e.actorName) : null,
            e.note ? h('div', {}, e.note) : null,
          ),
        )
      : h('li', { class: 'muted' }, 'Chưa có bước xử lý nào.'),
  );
}

/** Attachments the citizen uploaded; `hrefOf` gives a download link when the caller can fetch one. */
export function renderAttachments(ul, attachments, hrefOf) {
  const rows = Array.isArray(attachments) ? attachments : [];
  replace(
    ul,
    rows.length
      ? rows.map((a) => {
          const href = hrefOf ? hrefOf(a) : null;
          const name = a.fileName || a.id;
          return h(
            'li',
            {},
            h('span', { class: 'muted' }, `${kindLabel(a.kind)}: `),
            href ? h('a', { href }, name) : name,
            a.size ? h('span', { class: 'muted' }, ` (${bytes(a.size)})`) : null,
            a.sha256 ? h('div', { class: 'muted' }, 'SHA-256: ', h('code', { class: 'code' }, a.sha256)) : null,
          );
        })
      : h('li', { class: 'muted' }, 'Chưa có giấy tờ kèm theo.'),
  );
}

/** Documents the office issued (receipt slip, supplement request, decision…). */
export function renderDocuments(ul, documents) {
  const rows = Array.isArray(documents) ? documents : [];
  replace(
    ul,
    rows.map((d) =>
      h(
        'li',
        {},
        d.downloadUrl ? h('a', { href: d.downloadUrl }, d.title || d.kind) : d.title || d.kind,
        d.number ? ` — số ${d.number}` : '',
        d.issuedAt ? h('span', { class: 'muted' }, ` (${dateTime(d.issuedAt)})`) : null,
      ),
    ),
  );
}
