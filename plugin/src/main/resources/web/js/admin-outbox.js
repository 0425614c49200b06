// Deliveries: the changes waiting to reach Moodle, those it refused and why, and "retry now".
import { api } from './api.js';
import { badge, pause, technicalDetail, when, working } from './admin-parts.js';
import { el, oneAtATime, showStatus } from './ui.js';

const $ = (id) => document.getElementById(id);
const STATES = ['undelivered', 'pending', 'failed', 'delivered'];
const STATUS_COLOURS = { PENDING: 'text-bg-warning', FAILED: 'text-bg-danger', DELIVERED: 'text-bg-success' };
const SETTLE_MILLIS = 30000;

function kindName(kind, t) {
  return t.has(`outbox.kind.${kind}`) ? t(`outbox.kind.${kind}`) : kind;
}

function counted(state, summary) {
  switch (state) {
    case 'undelivered': return summary.pending + summary.failed;
    case 'pending': return summary.pending;
    case 'failed': return summary.failed;
    default: return summary.delivered;
  }
}

function people(target, t) {
  const names = t.list(target.people);
  const more = target.peopleCount - target.people.length;
  return more > 0 ? t('admin.outbox.target.morePeople', { names, count: more }) : names;
}

// What a message is about, in the names an administrator knows.
function targetLine(target, t) {
  if (!target) return null;
  const parts = [];
  if (target.community) parts.push(t('admin.outbox.target.community', { name: target.community }));
  if (target.course || target.courseId) parts.push(t('admin.outbox.target.course', { name: target.course ?? target.courseId }));
  if (target.thread) parts.push(t('admin.outbox.target.thread', { name: target.thread }));
  if (target.resource) parts.push(t('admin.outbox.target.resource', { name: target.resource }));
  if (target.peopleCount > 0) parts.push(t('admin.outbox.target.people', { names: people(target, t), count: target.peopleCount }));
  return parts.length ? el('p', parts.join(' · '), 'mb-1 small text-break') : null;
}

function timing(message, t) {
  const line = el('p', undefined, 'mb-1 small text-body-secondary');
  line.append(t('admin.outbox.attempts', { count: message.attempts }), ' · ', t('admin.outbox.created'), ' ', when(t, message.createdAt));
  if (message.nextAttemptAt) line.append(' · ', t('admin.outbox.next'), ' ', when(t, message.nextAttemptAt));
  if (message.deliveredAt) line.append(' · ', t('admin.outbox.deliveredAt'), ' ', when(t, message.deliveredAt));
  return line;
}

// Why the last attempt failed, in the reader's words; the connector's or Moodle's own text (in
// English) only as a technical detail below it.
function lastError(message, t) {
  if (!message.failure && !message.lastError) return null;
  const failure = message.failure && t.has(`delivery.failure.${message.failure}`) ? message.failure : 'other';
  const block = el('div', undefined, 'mb-1 small');
  const line = el('p', undefined, 'mb-0 text-break');
  line.append(el('strong', `${t('admin.outbox.lastError')} `), t(`delivery.failure.${failure}`));
  block.append(line);
  if (message.lastError) block.append(technicalDetail(t, message.lastError));
  return block;
}

// The section: a filter by state with counts, the messages, a retry on each undelivered one.
export function outboxSection(t, countsChanged) {
  let state = 'undelivered';
  // What a retry came to, by message id, kept across redraws.
  const notes = new Map();

  function filter(summary) {
    $('outbox-filter').replaceChildren(...STATES.map((name) => {
      const button = el('button', t(`admin.outbox.filter.${name}`), `btn btn-sm ${name === state ? 'btn-secondary' : 'btn-outline-secondary'}`);
      button.type = 'button';
      button.dataset.state = name;
      button.setAttribute('aria-pressed', String(name === state));
      const count = counted(name, summary);
      button.append(' ', badge(t.number(count), name === state ? 'text-bg-light' : 'text-bg-secondary'));
      button.addEventListener('click', () => {
        state = name;
        draw();
      });
      return button;
    }));
  }

  async function retry(message, button, note) {
    button.disabled = true;
    working(note, t('admin.outbox.retrying'));
    try {
      await api('POST', `/api/v1/admin/outbox/${message.id}/retry`);
    } catch (error) {
      if (error.status === 404) {
        notes.delete(message.id);
        showStatus($('outbox-status'), t('admin.outbox.alreadyDelivered'));
        await draw();
      } else {
        button.disabled = false;
        showStatus(note, t.error(error), { error: true });
      }
      return;
    }
    notes.set(message.id, await settle(message));
    if (!notes.get(message.id)) {
      showStatus($('outbox-status'), t('admin.outbox.deliveredNow', { kind: kindName(message.kind, t) }));
    }
    await draw();
  }

  // Waits for the worker's next attempt (within seconds); null once it is delivered.
  async function settle(message) {
    const deadline = Date.now() + SETTLE_MILLIS;
    while (Date.now() < deadline) {
      await pause(1000);
      const summary = await api('GET', '/api/v1/admin/outbox?state=undelivered');
      const now = summary.messages.find((m) => m.id === message.id);
      if (!now) return null;
      if (now.attempts > message.attempts) {
        return now.status === 'FAILED'
          ? { text: t('admin.outbox.failedAgain'), error: true }
          : { text: t('admin.outbox.notYet', { when: t.relative(now.nextAttemptAt) }), error: true };
      }
    }
    return { text: t('admin.outbox.stillQueued'), error: false };
  }

  function entry(message) {
    const li = el('li', undefined, 'list-group-item');
    li.dataset.message = message.id;
    li.dataset.status = message.status.toLowerCase();
    const top = el('div', undefined, 'd-flex flex-wrap align-items-start justify-content-between gap-2 mb-1');
    top.append(el('h3', kindName(message.kind, t), 'h6 mb-0'),
      badge(t(`outbox.status.${message.status.toLowerCase()}`), STATUS_COLOURS[message.status] ?? 'text-bg-secondary'));
    li.append(...[top, targetLine(message.target, t), timing(message, t), lastError(message, t)].filter(Boolean));
    if (message.status !== 'DELIVERED') {
      const note = el('p', undefined, 'small mt-2 mb-0');
      note.setAttribute('role', 'status');
      const known = notes.get(message.id);
      if (known) showStatus(note, known.text, { error: known.error });
      else note.hidden = true;
      const button = el('button', t('admin.outbox.retry'), `btn btn-sm mt-1 ${message.status === 'FAILED' ? 'btn-primary' : 'btn-outline-primary'}`);
      button.type = 'button';
      button.addEventListener('click', () => retry(message, button, note));
      li.append(button, note);
    }
    return li;
  }

  const draw = oneAtATime(async () => {
    try {
      const summary = await api('GET', `/api/v1/admin/outbox?state=${state}`);
      filter(summary);
      countsChanged({ pending: summary.pending, failed: summary.failed, deliveredLast24h: summary.deliveredLast24h });
      const list = $('outbox-list');
      if (summary.messages.length === 0) {
        list.replaceChildren(el('li', t(`admin.outbox.empty.${state}`), 'list-group-item text-body-secondary'));
      } else {
        list.replaceChildren(...summary.messages.map(entry));
      }
      if ($('outbox-status').classList.contains('text-danger')) showStatus($('outbox-status'), '');
    } catch (error) {
      showStatus($('outbox-status'), t.error(error), { error: true });
    }
  });
  $('outbox-refresh').addEventListener('click', () => {
    showStatus($('outbox-status'), '');
    draw();
  });
  return { draw };
}
