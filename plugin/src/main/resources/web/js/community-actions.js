import { actionButton, confirmAction, showStatus } from './ui.js';

// A button of the community pages: runs the action (after a confirmation when asked), redraws the
// page, and shows a failure in the status element next to the control, in the reader's language.
export function button(page, label, action, { status, secondary = false, danger = false, confirm } = {}) {
  return actionButton(label, async () => {
    if (confirm && !(await confirmAction(page.t, confirm))) return;
    showStatus(status, '');
    await action();
  }, {
    secondary,
    danger,
    redraw: page.render,
    failed: (error) => showStatus(status, page.t('community.failed', { reason: page.t.error(error) }), { error: true }),
  });
}

// A list-group item with a name, badges and, at its end, buttons that wrap on narrow screens.
export function row(name, badges = [], buttons = []) {
  const item = document.createElement('li');
  item.className = 'list-group-item d-flex flex-wrap align-items-center gap-2';
  const who = document.createElement('span');
  who.className = 'me-auto text-break';
  who.textContent = name;
  item.append(who, ...badges);
  if (buttons.length > 0) {
    const box = document.createElement('span');
    box.className = 'd-flex flex-wrap gap-1';
    box.append(...buttons);
    item.append(box);
  }
  return item;
}

export function badge(text, className) {
  const b = document.createElement('span');
  b.className = `badge rounded-pill ${className}`;
  b.textContent = text;
  return b;
}
