// The citizen's satisfaction rating, shown on the dossier page once the result is returned (POST …/satisfaction).
import { api } from '../lib/api.js';
import { $, focusRegion, pageData } from '../lib/dom.js';
import { busy, clearErrors, showErrors } from '../lib/forms.js';

const path = `/api/v1/dossiers/${encodeURIComponent(pageData().id)}`;
const section = $('#satisfaction');
const form = $('#satisfaction-form');
const summary = $('#satisfaction-error');
const done = $('#satisfaction-done');

function thanks(rating) {
  form.hidden = true;
  done.hidden = false;
  done.textContent = `Cảm ơn bạn đã đánh giá: ${rating}/5.`;
}

async function load() {
  const dossier = await api(path);
  if (!dossier.ok || dossier.data?.status !== 'RESULT_RETURNED') return;
  section.hidden = false;
  const mine = await api(`${path}/satisfaction`);
  if (mine.ok) thanks(mine.data.rating);
}

form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form, summary);
  const checked = form.querySelector('input[name="rating"]:checked');
  if (!checked) return showErrors(form, [{ field: 'rating', message: 'Bạn hãy chọn một mức đánh giá.' }], summary);
  const comment = form.elements.comment.value.trim();
  const body = { rating: Number(checked.value), ...(comment ? { comment } : {}) };
  const res = await busy(form.querySelector('button[type="submit"]'), () => api(`${path}/satisfaction`, { method: 'POST', body }));
  if (!res.ok) return showErrors(form, res.problem?.errors || [{ field: 'rating', message: res.problem?.detail || 'Chưa gửi được đánh giá.' }], summary);
  thanks(res.data.rating);
  focusRegion(done);
});

if (section) void load();
