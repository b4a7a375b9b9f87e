// The citizen's web session lasts 15 minutes after the last renewal (the server renews it on use once it is
// 5 minutes old), so it lasts at least 10 minutes after any call. Each successful call restarts this watch; after 7
// quiet minutes a warning offers to go on, which
// makes a call (and so renews the session). The answers themselves are saved as drafts on the server.
import { api } from './api.js';
import { focusRegion } from './dom.js';

const SESSION_MINUTES = 15;
/** The server renews only tokens older than 5 minutes: count the worst case, a token renewed 5 minutes ago. */
const SAFE_MINUTES = SESSION_MINUTES - 5;
const WARN_BEFORE_MINUTES = 3;

let timer = null;
let countdown = null;

function hide() {
  const box = document.getElementById('session-warning');
  if (box) box.hidden = true;
  clearInterval(countdown);
}

function warn() {
  const box = document.getElementById('session-warning');
  if (!box) return;
  const minutes = document.getElementById('session-warning-minutes');
  let left = WARN_BEFORE_MINUTES;
  if (minutes) minutes.textContent = String(left);
  box.hidden = false;
  focusRegion(box);
  clearInterval(countdown);
  countdown = setInterval(() => {
    left -= 1;
    if (minutes) minutes.textContent = String(Math.max(left, 0));
    if (left <= 0) clearInterval(countdown);
  }, 60_000);
}

function restart() {
  hide();
  clearTimeout(timer);
  timer = setTimeout(warn, (SAFE_MINUTES - WARN_BEFORE_MINUTES) * 60_000);
}

/** Starts watching; `ping` is the call that renews the session (default: the draft). */
export function watchSession(ping = '/api/v1/me/draft') {
  window.addEventListener('tctn:session-active', restart);
  const button = document.getElementById('session-continue');
  if (button) button.addEventListener('click', () => void api(ping));
  restart();
}
