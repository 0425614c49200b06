import { api } from './api.js';
import { load, translatePage } from './i18n.js';

// A button that runs an action, then redraws the page; a failure is shown in the status line.
export function actionButton(label, action, { secondary = false, redraw, failed }) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (secondary) b.className = 'secondary';
  b.addEventListener('click', async () => {
    try {
      await action();
      await redraw();
    } catch (error) {
      failed(error);
    }
  });
  return b;
}

// Runs a page's drawing one call at a time, in call order: a slow earlier draw can never
// overwrite what a later one showed. Each call's promise settles with its own draw.
export function oneAtATime(draw) {
  let last = Promise.resolve();
  return () => {
    const next = last.catch(() => {}).then(draw);
    last = next;
    return next;
  };
}

// An element with optional text (never parsed as HTML) and class.
export function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

// A block of HTML the server has already sanitised (posts, prompts, answers).
export function sanitisedHtml(markup) {
  const div = el('div', undefined, 'body');
  div.innerHTML = markup;
  return div;
}

// Shows why a page could not load in its status line (no session: how to get one).
export function showLoadFailure(error) {
  const status = document.getElementById('status');
  status.textContent = error.status === 401 ? 'Open the connector from your Moodle course.' : error.message;
  status.classList.add('error');
}

let signIn = null;

// Who is signed in and the strings of their language: read once per page load (a failed read is
// tried again on the next draw). Each call translates the page and shows the demo banner.
export async function signedIn() {
  if (!signIn) {
    signIn = api('GET', '/api/v1/hub').then(async (hub) => ({ hub, t: await load(hub.me.locale) }));
    signIn.catch(() => { signIn = null; });
  }
  const { hub, t } = await signIn;
  translatePage(t);
  document.getElementById('demo-banner').hidden = !hub.demo;
  return { hub, t };
}
