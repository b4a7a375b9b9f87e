// The fields shared by the "create account" and "edit account" forms of the administrator's pages.
import { loadCenters } from './centers.js';
import { h } from './dom.js';

export const ROLE_NAMES = {
  receiver: 'Cán bộ tiếp nhận',
  reviewer: 'Cán bộ thẩm định',
  center_head: 'Giám đốc trung tâm',
  director: 'Giám đốc Sở',
  admin: 'Quản trị viên',
};
const PROVINCE_ROLES = ['director', 'admin'];

/** Fills the center list and keeps it consistent with the role (province roles have no center). */
export async function prepareAccountForm(form) {
  const select = form.querySelector('[name="centerCode"]');
  const role = form.querySelector('[name="role"]');
  for (const c of await loadCenters()) select.append(h('option', { value: c.code }, `${c.name} (${c.code})`));
  const sync = () => {
    const province = PROVINCE_ROLES.includes(role.value);
    if (province) select.value = '';
    select.disabled = province;
  };
  role.addEventListener('change', sync);
  sync();
  return { sync };
}

/** The form's values as the API expects them; empty optional fields are `null` when editing (clears them). */
export function accountBody(form, { editing }) {
  const get = (name) => {
    const el = form.querySelector(`[name="${name}"]`);
    return el ? el.value.trim() : '';
  };
  const body = { fullName: get('fullName'), role: get('role'), reason: get('reason') };
  body.centerCode = PROVINCE_ROLES.includes(body.role) ? null : get('centerCode') || null;
  for (const name of ['title', 'phone', 'email', 'employeeNumber']) {
    const value = get(name);
    if (value) body[name] = value;
    else if (editing) body[name] = null;
  }
  if (!editing) {
    body.username = get('username').toLowerCase();
    if (body.centerCode === null) delete body.centerCode;
  }
  return body;
}

/** Checks a person can fix before sending. */
export function accountErrors(body, { editing }) {
  const errors = [];
  if (!editing && !body.username) errors.push({ field: 'username', message: 'Vui lòng nhập tên đăng nhập.' });
  if (!body.fullName) errors.push({ field: 'fullName', message: 'Vui lòng nhập họ và tên.' });
  if (!PROVINCE_ROLES.includes(body.role) && !body.centerCode)
    errors.push({ field: 'centerCode', message: 'Vui lòng chọn trung tâm công tác.' });
  if (!body.reason || body.reason.length < 5) errors.push({ field: 'reason', message: 'Vui lòng ghi lý do (ít nhất 5 ký tự).' });
  return errors;
}
