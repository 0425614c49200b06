// Small pieces the administration page's sections share.
import { el } from './ui.js';

// "3 minutes ago", with the full date and time on hover and for machines.
export function when(t, iso) {
  const time = el('time', t.relative(iso));
  time.dateTime = iso;
  time.title = t.date(iso);
  return time;
}

// A coloured badge; `hidden` adds words for screen readers after the visible text.
export function badge(text, colour, hidden) {
  const b = el('span', text, `badge ${colour}`);
  if (hidden) b.append(el('span', ` ${hidden}`, 'visually-hidden'));
  return b;
}

// A row of <code> items (functions, capabilities, error codes), wrapping on narrow screens.
export function codes(items) {
  const list = el('ul', undefined, 'list-inline mb-1');
  for (const item of items) {
    const entry = el('li', undefined, 'list-inline-item text-break');
    entry.append(el('code', item));
    list.append(entry);
  }
  return list;
}

// The server's or Moodle's own words about a failure (in English), small and muted under the
// translated reason, labelled so nobody takes them for the page's own text.
export function technicalDetail(t, text) {
  const line = el('p', `${t('admin.technicalDetail')} `, 'mb-0 text-body-secondary text-break');
  line.append(el('code', text, 'text-body-secondary'));
  return line;
}

// A small spinner beside text, both in one status element.
export function working(element, text) {
  const spinner = el('span', undefined, 'spinner-border spinner-border-sm me-2');
  spinner.setAttribute('aria-hidden', 'true');
  element.replaceChildren(spinner, document.createTextNode(text));
  element.classList.remove('text-danger', 'fw-semibold');
  element.hidden = false;
}

export const pause = (millis) => new Promise((resolve) => { setTimeout(resolve, millis); });
