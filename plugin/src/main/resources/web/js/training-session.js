import { api } from './api.js';
import { el, showLoadFailure, showStatus, signedIn } from './ui.js';
import { badge, sessionFacts } from './training-format.js';

// The trainer's roster of one session: "All present" first, then one row per trainee whose
// buttons each mark them with one request; the check-in code shown large for the room.
const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
const base = `/api/v1/training-sessions/${encodeURIComponent(id)}`;
const STATUSES = ['present', 'late', 'excused', 'absent'];
const PRESSED = { present: 'btn-success', late: 'btn-warning', excused: 'btn-info', absent: 'btn-danger' };
let t = (key) => key;
let session = null;
let open = true;
const rows = new Map();

function stateText(row) {
  if (!row.status) return t('training.notMarked');
  const text = row.status === 'late' ? t('training.lateBy', { count: row.lateMinutes }) : t(`training.status.${row.status}`);
  return row.selfCheckIn ? `${text} · ${t('training.selfCheckIn')}` : text;
}

function showMarked() {
  const all = [...rows.values()].map((r) => r.data);
  $('marked').textContent = t('training.markedOf', { marked: all.filter((r) => r.status).length, count: all.length });
}

// Shows a row's mark in place (the focus stays where it is).
function update(row, data) {
  row.data = data;
  row.state.textContent = stateText(data);
  for (const [status, b] of row.buttons) {
    const pressed = data.status === status;
    b.setAttribute('aria-pressed', String(pressed));
    b.className = `btn btn-sm ${pressed ? PRESSED[status] : 'btn-outline-secondary'}`;
  }
  if (document.activeElement !== row.minutes) row.minutes.value = data.status === 'late' ? String(data.lateMinutes) : '';
  if (document.activeElement !== row.note) row.note.value = data.note ?? '';
  showMarked();
}

// Minutes late: as typed, else the minutes since the start (what a check-in would count).
function lateMinutes(row) {
  const typed = Number(row.minutes.value);
  if (row.minutes.value !== '' && typed >= 0) return typed;
  const since = Math.round((Date.now() - new Date(session.startsAt).getTime()) / 60000);
  return since > 0 ? since : null;
}

async function mark(row, status) {
  const late = status === 'late' ? lateMinutes(row) : null;
  if (status === 'late' && late === null) {
    showStatus(row.problem, t('training.lateMinutesNeeded'), { error: true });
    row.minutes.focus();
    return;
  }
  showStatus(row.problem, '');
  try {
    const answer = await api('PUT', `${base}/attendance/${encodeURIComponent(row.data.userId)}`, {
      status, lateMinutes: late, note: row.note.value.trim() || null,
    });
    update(row, { ...row.data, ...answer });
  } catch (error) {
    showStatus(row.problem, t.error(error), { error: true });
  }
}

function control(label, input, suffix) {
  const box = el('div', undefined, suffix ? 'col-5 col-sm-3' : 'col-7 col-sm-9');
  const text = el('label', label, 'visually-hidden');
  text.htmlFor = input.id;
  if (!suffix) {
    box.append(text, input);
    return box;
  }
  const group = el('div', undefined, 'input-group input-group-sm');
  group.append(input, el('span', suffix, 'input-group-text'));
  box.append(text, group);
  return box;
}

function rosterRow(data, index) {
  const item = el('li', undefined, 'list-group-item');
  item.dataset.user = data.userId;
  const top = el('div', undefined, 'd-flex flex-wrap align-items-baseline gap-2 mb-2');
  const state = el('span', '', 'small text-body-secondary');
  top.append(el('span', data.name, 'fw-semibold me-auto text-break'), state);
  const group = el('div', undefined, 'd-flex flex-wrap gap-1 mb-2');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('training.markOf', { name: data.name }));
  const row = { state, buttons: new Map(), data };
  for (const status of STATUSES) {
    const b = el('button', t(`training.status.${status}`));
    b.type = 'button';
    b.dataset.status = status;
    b.disabled = !open;
    b.addEventListener('click', async () => {
      b.disabled = true;
      await mark(row, status);
      b.disabled = !open;
    });
    row.buttons.set(status, b);
    group.append(b);
  }
  row.minutes = el('input', undefined, 'form-control');
  row.minutes.type = 'number';
  row.minutes.min = '0';
  row.minutes.max = '1440';
  row.minutes.id = `late-${index}`;
  row.minutes.disabled = !open;
  row.note = el('input', undefined, 'form-control form-control-sm');
  row.note.maxLength = 1000;
  row.note.id = `note-${index}`;
  row.note.placeholder = t('training.note');
  row.note.disabled = !open;
  // A change of minutes or note is kept with the mark already set.
  row.minutes.addEventListener('change', () => { if (row.data.status === 'late') mark(row, 'late'); });
  row.note.addEventListener('change', () => { if (row.data.status) mark(row, row.data.status); });
  const details = el('div', undefined, 'row g-2');
  details.append(
    control(t('training.lateMinutesOf', { name: data.name }), row.minutes, t('training.minutesShort')),
    control(t('training.noteOf', { name: data.name }), row.note),
  );
  row.problem = el('p', undefined, 'small mt-1 mb-0');
  row.problem.setAttribute('role', 'status');
  row.problem.hidden = true;
  item.append(top, group, details, row.problem);
  rows.set(data.userId, row);
  update(row, data);
  return item;
}

function showRows(answer) {
  rows.clear();
  const sorted = answer.rows.slice().sort((a, b) => a.name.localeCompare(b.name, t.locale));
  $('rows').replaceChildren(...(sorted.length === 0
    ? [el('li', t('training.noTrainees'), 'list-group-item text-body-secondary')]
    : sorted.map(rosterRow)));
  showMarked();
}

function showCode(checkIn) {
  $('code').textContent = checkIn.code;
  $('code-valid').textContent = t('training.codeValid', { from: t.date(checkIn.validFrom), until: t.date(checkIn.validUntil) });
  $('code-box').hidden = false;
  $('show-code').hidden = true;
}

async function newCode(button) {
  button.disabled = true;
  try {
    showCode(await api('POST', `${base}/check-in-code`));
    showStatus($('roster-status'), '');
  } catch (error) {
    showStatus($('roster-status'), t.error(error), { error: true });
  } finally {
    button.disabled = false;
  }
}

function wire(answer) {
  let checkIn = answer.checkIn;
  $('all-present').addEventListener('click', async () => {
    $('all-present').disabled = true;
    try {
      const all = await api('POST', `${base}/attendance/all-present`);
      checkIn = all.checkIn ?? checkIn;
      showRows(all);
      showStatus($('roster-status'), t('training.allMarkedPresent'));
    } catch (error) {
      showStatus($('roster-status'), t.error(error), { error: true });
    } finally {
      $('all-present').disabled = false;
    }
  });
  $('show-code').addEventListener('click', () => (checkIn ? showCode(checkIn) : newCode($('show-code'))));
  $('new-code').addEventListener('click', () => newCode($('new-code')));
  $('hide-code').addEventListener('click', () => {
    $('code-box').hidden = true;
    $('show-code').hidden = false;
    $('show-code').focus();
  });
}

async function start() {
  const { t: strings } = await signedIn();
  t = strings;
  const answer = await api('GET', `${base}/attendance`);
  session = answer.session;
  const action = await api('GET', `/api/v1/training-actions/${encodeURIComponent(session.actionId)}`);
  open = action.status === 'open' && session.status === 'scheduled';
  document.title = `${t('training.roster')} · ${action.title} · ${t('app.name')}`;
  $('heading').textContent = t('training.rosterOf', { title: action.title });
  $('list-link').href = `/training?course=${encodeURIComponent(action.courseId)}`;
  $('action-link').textContent = action.title;
  $('action-link').href = `/training-action?id=${encodeURIComponent(action.id)}`;
  $('session').replaceChildren(el('span', sessionFacts(t, session)));
  if (session.status === 'cancelled') $('session').append(' ', badge(t('training.cancelled'), 'text-bg-secondary'));
  if (action.status === 'closed') $('session').append(' ', badge(t('training.closed'), 'text-bg-secondary'));
  $('controls').hidden = !open;
  if (open) wire(answer);
  showRows(answer);
}

start().catch((error) => showLoadFailure(error, t.error ? t : undefined));
