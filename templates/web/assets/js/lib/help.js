// "Cần hỗ trợ?": the center's address, phone and hours from GET /api/v1/centers (the dossier module's directory).
import { h } from './dom.js';
import { loadCenters } from './centers.js';

/** A help block for one center (or, without a code, a short generic line). */
export async function helpBlock(centerCode) {
  const centers = await loadCenters();
  const c = centers.find((x) => x.code === centerCode);
  if (!c) {
    return h('section', { class: 'panel help', 'aria-labelledby': 'help-title' },
      h('h2', { id: 'help-title' }, 'Cần hỗ trợ?'),
      h('p', {}, 'Liên hệ trung tâm dịch vụ việc làm nơi bạn nộp hồ sơ.'));
  }
  showCenterInFooter(c);
  return h(
    'section',
    { class: 'panel help', 'aria-labelledby': 'help-title', 'data-testid': 'center-help' },
    h('h2', { id: 'help-title' }, 'Cần hỗ trợ?'),
    h('p', {}, 'Hồ sơ của bạn do ', h('strong', {}, c.name), ' giải quyết.'),
    h(
      'dl',
      { class: 'facts' },
      c.address ? [h('dt', {}, 'Địa chỉ'), h('dd', {}, c.address)] : null,
      c.phone ? [h('dt', {}, 'Điện thoại'), h('dd', {}, h('a', { href: `tel:${c.phone.replace(/[^\d+]/g, '')}` }, c.phone))] : null,
      c.hours ? [h('dt', {}, 'Giờ làm việc'), h('dd', {}, c.hours)] : null,
    ),
  );
}

/** The site footer names the center handling the dossier (address, phone, hours) instead of the general help line. */
function showCenterInFooter(c) {
  const footer = document.getElementById('footer-contact');
  if (!footer) return;
  footer.replaceChildren(
    h('p', {}, h('strong', {}, c.name)),
    h(
      'p',
      {},
      [c.address, c.phone ? ['Điện thoại ', h('a', { href: `tel:${c.phone.replace(/[^\d+]/g, '')}` }, c.phone)] : null, c.hours ? `Giờ làm việc: ${c.hours}` : null]
        .filter(Boolean)
        .flatMap((part, i) => (i ? [' · ', part] : [part])),
    ),
  );
}
