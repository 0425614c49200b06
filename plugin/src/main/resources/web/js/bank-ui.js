import { el, showStatus } from './ui.js';

// What the bank and resource pages share: sizes, counts, badges and errors placed by the control
// that caused them.

// A file size in the reader's language: "820 kB", "2.4 MB".
export function fileSize(t, bytes) {
  const mega = bytes >= 1000 * 1000;
  const format = new Intl.NumberFormat(t.locale, {
    style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: mega ? 1 : 0,
  });
  return format.format(mega ? bytes / 1000 / 1000 : Math.max(1, bytes / 1000));
}

// "used by 3 people", "4.5★ from 2 ratings" / "not rated yet": one key each, with plurals.
export function usesAndRating(t, counts) {
  return [
    counts.uses > 0 ? t('bank.uses', { count: counts.uses }) : t('bank.notUsed'),
    counts.ratings > 0
      ? t('bank.rating', { count: counts.ratings, average: t.number(Math.round(counts.averageRating * 10) / 10) })
      : t('bank.notRated'),
  ];
}

export function badge(text, className = 'text-bg-light border') {
  return el('span', text, `badge ${className} text-wrap text-break fw-normal`);
}

// Empties every error shown by a form's controls.
export function clearErrors(scope) {
  for (const control of scope.querySelectorAll('.is-invalid')) control.classList.remove('is-invalid');
  for (const message of scope.querySelectorAll('[id$="-error"]')) {
    message.textContent = '';
    message.hidden = true;
  }
}

// Shows an error right under the control it is about (the element `${control.id}-error`).
export function showError(control, text) {
  control.classList.add('is-invalid');
  const message = document.getElementById(`${control.id}-error`);
  message.textContent = text;
  message.hidden = false;
  message.scrollIntoView?.({ block: 'nearest' });
}

// Shows why an action failed, in the reader's language: under the control of the field the server
// named (fields maps API field names to controls), else in the given status element.
export function showFailure(t, error, { fields = {}, status }) {
  const control = fields[error.details?.field];
  if (control && !control.closest('[hidden]')) {
    showError(control, t.error(error));
  } else {
    showStatus(status, t.error(error), { error: true });
  }
}
