import { h, clear } from './dom.js';

/**
 * Reads named controls into a nested object: `payment.accountNumber` → { payment: { accountNumber } }. Controls
 * inside a hidden block are skipped unless `includeHidden` (a form split in steps keeps its answers while hidden).
 */
export function readForm(form, { includeHidden = false } = {}) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === 'file' || el.type === 'submit' || el.type === 'button') continue;
    if (!includeHidden && el.closest('[hidden]')) continue;
    let value;
    if (el.type === 'checkbox') value = el.checked;
    else if (el.type === 'radio') {
      if (!el.checked) continue;
      value = el.value;
    } else {
      value = el.value.trim();
      if (value === '') continue;
    }
    setPath(out, el.name, value);
  }
  return out;
}

function setPath(target, path, value) {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((k) => {
    node[k] = node[k] && typeof node[k] === 'object' ? node[k] : {};
    node = node[k];
  });
  node[keys[keys.length - 1]] = value;
}

/** The control an API field path names; falls back to the first control under a named group (`payment`). */
export function controlFor(form, field) {
  if (!field) return null;
  const exact = form.querySelector(`[name="${CSS.escape(field)}"]`);
  if (exact) return exact;
  const nested = form.querySelector(`[name^="${CSS.escape(field + '.')}"]`);
  if (nested) return nested;
  // `contributions[3].salary` or `lastEmployer.name.first`: walk up the path.
  const parent = field.replace(/(\[\d+\])?\.[^.]+$|\[\d+\]$/, '');
  return parent && parent !== field ? controlFor(form, parent) : null;
}

export function clearErrors(form, summary) {
  for (const el of form.querySelectorAll('[aria-invalid="true"]')) {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (described.length) el.setAttribute('aria-describedby', described.join(' '));
    else el.removeAttribute('aria-describedby');
  }
  for (const p of form.querySelectorAll('.field-error')) p.remove();
  if (summary) {
    clear(summary.querySelector('ul'));
    summary.hidden = true;
  }
}

/**
 * Shows each `{field, message}` next to its control (aria-invalid + aria-describedby), lists them all in the
 * summary with links to the controls, and focuses the summary. What the person typed is left untouched.
 * Errors whose field names no control are listed in the summary only.
 */
export function showErrors(form, errors, summary, fallbackMessage) {
  clearErrors(form, summary);
  const list = summary ? summary.querySelector('ul') : null;
  const seen = new Set();
  for (const error of errors) {
    const message = error.message || fallbackMessage || 'Giá trị không hợp lệ.';
    const control = controlFor(form, error.field);
    if (control && !seen.has(control)) {
      seen.add(control);
      const target = control.type === 'radio' ? control.closest('.radios, fieldset') || control : control;
      const id = control.id || (control.id = `f-${String(error.field).replace(/[^\w-]/g, '-')}`);
      const errorId = `${id}-error`;
      control.setAttribute('aria-invalid', 'true');
      const described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      control.setAttribute('aria-describedby', [...described, errorId].join(' '));
      const p = h('p', { class: 'field-error', id: errorId }, message);
      const anchor = target.closest('.field') || target;
      if (anchor.classList && anchor.classList.contains('checkbox')) anchor.after(p);
      else anchor.append(p);
      if (list) list.append(h('li', {}, h('a', { href: `#${id}` }, `${labelText(control)}: ${message}`)));
    } else if (list) {
      list.append(h('li', {}, message));
    }
  }
  if (summary && list && list.children.length) {
    summary.hidden = false;
    summary.focus();
  }
}

function labelText(control) {
  const label = control.labels && control.labels[0];
  const text = label ? label.textContent : control.name;
  return (text || '').trim().replace(/\s+/g, ' ');
}

/** Prevents double submission while a request runs. */
export async function busy(button, work) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = 'Đang xử lý…';
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}
