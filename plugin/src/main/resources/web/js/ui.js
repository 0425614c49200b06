import { api, whenIdle } from './api.js';
import { browserLanguage, load, translatePage } from './i18n.js';

const FALLBACK_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'pt', name: 'Português' },
  { code: 'es', name: 'Español' },
];

// A button that runs an action, then redraws the page; a failure is shown in the status line.
export function actionButton(label, action, { secondary = false, danger = false, redraw, failed }) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = `btn btn-sm ${danger ? 'btn-outline-danger' : secondary ? 'btn-outline-primary' : 'btn-primary'}`;
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await action();
      await redraw();
    } catch (error) {
      failed(error);
    } finally {
      b.disabled = false;
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

// A server's address when it is a web address (http or https), else null: an address stored before
// links were checked (javascript:, data:) is never made a link.
export function webAddress(address) {
  try {
    const { protocol } = new URL(address);
    return protocol === 'http:' || protocol === 'https:' ? address : null;
  } catch {
    return null;
  }
}

// The start of maths in a text: \( \), \[ \] or $$ $$ (see maths.js).
const MATHS = /\$\$|\\\[|\\\(/;

/** Whether a text has a maths delimiter. */
export function hasMaths(text) {
  return MATHS.test(text);
}

// A block of HTML the server has already sanitised (posts, prompts, answers); a link that is not to
// a web or mail address (one stored before the sanitiser) keeps its text and loses its target. Its
// TeX is drawn as maths once KaTeX has loaded (maths.js and KaTeX load only for a text with TeX).
export function sanitisedHtml(markup) {
  const div = el('div', undefined, 'body');
  div.innerHTML = markup;
  for (const a of div.querySelectorAll('a[href]')) {
    if (!['http:', 'https:', 'mailto:'].includes(a.protocol)) a.removeAttribute('href');
  }
  if (hasMaths(div.textContent)) import('./maths.js').then(({ typeset }) => typeset(div)).catch(() => {});
  return div;
}

// Shows a message in a status element: an error in red with the reason in the reader's language.
export function showStatus(element, text, { error = false } = {}) {
  element.textContent = text;
  element.classList.toggle('text-danger', error);
  element.classList.toggle('fw-semibold', error);
  element.hidden = !text;
  if (error) element.scrollIntoView?.({ block: 'nearest' });
}

// Shows why a page could not load in its status line, translated; without a session, how to
// get one.
export async function showLoadFailure(error, t) {
  const translate = t ?? (await load(browserLanguage()));
  translatePage(translate);
  const status = document.getElementById('status');
  showStatus(status, translate.error(error), { error: true });
  if (error.status === 401) {
    const way = el('a', translate('signedOut.open'), 'd-block mt-2');
    way.href = '/';
    status.after(way);
  }
}

// Asks before a destructive action, in a dialog; resolves true when the person confirms.
export function confirmAction(t, { title, body, confirm }) {
  return new Promise((resolve) => {
    const dialog = el('dialog', undefined, 'confirm border-0 rounded-3 shadow p-0');
    dialog.setAttribute('aria-labelledby', 'confirm-title');
    const box = el('div', undefined, 'p-3');
    const heading = el('h2', title, 'h5');
    heading.id = 'confirm-title';
    const text = el('p', body);
    const buttons = el('div', undefined, 'd-flex flex-wrap gap-2 justify-content-end');
    const cancel = el('button', t('action.cancel'), 'btn btn-outline-secondary');
    cancel.type = 'button';
    const ok = el('button', confirm, 'btn btn-danger');
    ok.type = 'button';
    buttons.append(cancel, ok);
    box.append(heading, text, buttons);
    dialog.append(box);
    document.body.append(dialog);
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    cancel.addEventListener('click', () => close(false));
    ok.addEventListener('click', () => close(true));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(false);
    });
    dialog.showModal();
    cancel.focus();
  });
}

function showLanguages(hub, t) {
  const picker = document.getElementById('language');
  const languages = hub.me.languages ?? FALLBACK_LANGUAGES;
  picker.replaceChildren(...languages.map((l) => {
    const option = el('option', l.name);
    option.value = l.code;
    option.lang = l.code;
    return option;
  }));
  picker.value = t.lang;
  picker.hidden = false;
  picker.addEventListener('change', async () => {
    picker.disabled = true;
    try {
      await api('PUT', '/api/v1/me/language', { language: picker.value });
      window.location.reload();
    } catch (error) {
      picker.disabled = false;
      picker.value = t.lang;
      showStatus(document.getElementById('status'), t.error(error), { error: true });
    }
  });
}

function showLayout(hub, t) {
  translatePage(t);
  document.getElementById('demo-banner').hidden = !hub.demo;
  document.getElementById('nav-admin').hidden = hub.me.role !== 'admin';
  document.getElementById('me').textContent = t('hub.me', { name: hub.me.name, role: t(`role.${hub.me.role}`) });
  for (const link of document.querySelectorAll('#top-nav .nav-link')) {
    if (new URL(link.href).pathname === window.location.pathname) link.setAttribute('aria-current', 'page');
  }
  showLanguages(hub, t);
}

let signIn = null;

// The language of the person's last page, kept in the browser, so that early.js on the next page
// reads its strings while it asks who is signed in. Storage may be refused (a third-party frame).
const LANGUAGE_KEY = 'cop-connector.language';

function remember(lang) {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // the next page reads its strings after the hub answers, as without it
  }
}
let readyWatched = false;

// Marks the page ready (body data-ready="true", performance mark "page-ready") after it has drawn
// what its first requests brought: once no API request is left and the next frame is painted.
// Browser tests and the page speed benchmark (scripts/bench-pages.sh) wait for it.
function markReadyWhenDrawn() {
  whenIdle().then(() => requestAnimationFrame(() => setTimeout(() => {
    performance.mark('page-ready');
    document.body.dataset.ready = 'true';
  }, 0)));
}

// Who is signed in and the strings of their language: read once per page load (a failed read is
// tried again on the next draw). The first call also fills the shared top of the page.
export async function signedIn() {
  if (!signIn) {
    signIn = api('GET', '/api/v1/hub').then(async (hub) => {
      remember(hub.me.locale);
      const t = await load(hub.me.locale);
      showLayout(hub, t);
      return { hub, t };
    });
    signIn.catch(() => { signIn = null; });
    if (!readyWatched) {
      readyWatched = true;
      signIn.then(markReadyWhenDrawn, () => { readyWatched = false; });
    }
  }
  return signIn;
}
