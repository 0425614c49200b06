import { api } from './api.js';
import { el, showStatus } from './ui.js';
import { badge, button } from './community-actions.js';
import { hours, instant, localParts, sessionFacts } from './training-format.js';

const $ = (id) => document.getElementById(id);

function field(id, label, control, width = 'col-12 col-sm-6') {
  const box = el('div', undefined, width);
  const text = el('label', label, 'form-label');
  text.htmlFor = id;
  control.id = id;
  box.append(text, control);
  return box;
}

function input(type, { required = false, value = '', className = 'form-control', ...attributes } = {}) {
  const e = el('input', undefined, className);
  e.type = type;
  e.required = required;
  e.value = value;
  for (const [name, v] of Object.entries(attributes)) e.setAttribute(name, v);
  return e;
}

// The fields of a session (when, how long, in person or online, where), in a form of its own;
// `p` keeps the ids of the add form and of each move form apart.
function sessionForm(t, p, session, { submit, cancel }) {
  const form = el('form', undefined, 'row g-3');
  const when = session ? localParts(session.startsAt) : { date: '', time: '17:00' };
  const mode = el('select', undefined, 'form-select');
  mode.append(new Option(t('training.mode.in_person'), 'in_person'), new Option(t('training.mode.online'), 'online'));
  mode.value = session?.mode ?? 'in_person';
  const controls = {
    date: input('date', { required: true, value: when.date }),
    time: input('time', { required: true, value: when.time }),
    minutes: input('number', { required: true, value: String(session?.minutes ?? 150), min: '1', max: '1440', step: '1' }),
    mode,
    place: input('text', { value: session?.place ?? '', maxlength: '300' }),
    link: input('url', { value: session?.link ?? '', maxlength: '2000', placeholder: 'https://' }),
  };
  form.append(
    field(`${p}-date`, t('training.session.date'), controls.date, 'col-6 col-sm-4'),
    field(`${p}-time`, t('training.session.time'), controls.time, 'col-6 col-sm-4'),
    field(`${p}-minutes`, t('training.session.minutes'), controls.minutes, 'col-12 col-sm-4'),
    field(`${p}-mode`, t('training.session.mode'), controls.mode, 'col-12 col-sm-4'),
    field(`${p}-place`, t('training.session.place'), controls.place, 'col-12 col-sm-8'),
    field(`${p}-link`, t('training.session.link'), controls.link, 'col-12'),
  );
  const status = el('p', undefined, 'mt-2 mb-0');
  status.setAttribute('role', 'status');
  status.hidden = true;
  const buttons = el('div', undefined, 'col-12 d-flex flex-wrap gap-2');
  const save = el('button', submit, 'btn btn-primary');
  save.type = 'submit';
  buttons.append(save);
  if (cancel) {
    const back = el('button', t('action.cancel'), 'btn btn-outline-secondary');
    back.type = 'button';
    back.addEventListener('click', cancel);
    buttons.append(back);
  }
  const end = el('div', undefined, 'col-12');
  end.append(buttons, status);
  form.append(end);
  const body = () => ({
    startsAt: instant(controls.date.value, controls.time.value),
    minutes: Number(controls.minutes.value),
    mode: controls.mode.value,
    place: controls.place.value.trim() || null,
    link: controls.link.value.trim() || null,
  });
  return { form, status, save, body };
}

// Sends a session form, then redraws; a refusal (joint hours exceeded…) stays beside the form.
function onSubmit(page, { form, status, save, body }, send) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    save.disabled = true;
    try {
      await send(body());
      await page.render();
    } catch (error) {
      showStatus(status, page.t.error(error), { error: true });
    } finally {
      save.disabled = false;
    }
  });
}

const CALENDAR_BADGES = {
  pending: 'text-bg-light border',
  in_calendar: 'text-bg-success',
  failed: 'text-bg-danger',
};

// Whether the session is in Moodle's calendar yet (trainers only): pending, in the calendar, or
// failed with the outbox's reason; nothing for a session that has no event and needs none.
function calendarNote(t, state) {
  const note = el('span', undefined, 'd-inline-flex flex-wrap align-items-center gap-1');
  if (!state || !CALENDAR_BADGES[state.state]) return note;
  note.append(badge(t(`training.calendar.${state.state}`), CALENDAR_BADGES[state.state]));
  if (state.state === 'failed') {
    const why = [state.failure ? t(`delivery.failure.${state.failure}`) : null, state.detail].filter(Boolean).join(' ');
    if (why) note.append(el('span', why, 'small text-danger'));
  }
  return note;
}

// Redraws the calendar notes in place (the list and any open move form stay as they are).
export function showCalendar(page) {
  if (!page.calendar) return;
  for (const holder of document.querySelectorAll('[data-calendar]')) {
    holder.replaceChildren(calendarNote(page.t, page.calendar.get(holder.dataset.calendar)));
  }
}

function sessionItem(page, session, number, manages) {
  const { t } = page;
  const item = el('li', undefined, 'list-group-item');
  const top = el('div', undefined, 'd-flex flex-wrap align-items-center gap-2');
  if (number) top.append(el('span', t('training.sessionNumber', { number }), 'fw-semibold'));
  else top.append(badge(t('training.cancelled'), 'text-bg-secondary'));
  if (page.calendar) {
    const holder = el('span');
    holder.dataset.calendar = session.id;
    holder.append(calendarNote(t, page.calendar.get(session.id)));
    top.append(holder);
  }
  item.append(top, el('p', sessionFacts(t, session), 'mb-1 small'));
  if (session.link && session.status !== 'cancelled') {
    const link = el('a', t('training.session.join'), 'small d-inline-block mb-1');
    link.href = session.link;
    link.rel = 'noopener';
    link.target = '_blank';
    item.append(link);
  }
  if (!manages || session.status === 'cancelled') return item;
  const status = $('sessions-status');
  const actions = el('div', undefined, 'd-flex flex-wrap gap-1');
  const roster = el('a', t('training.takeAttendance'), 'btn btn-sm btn-primary');
  roster.href = `/training-session?id=${encodeURIComponent(session.id)}`;
  const move = el('button', t('training.move'), 'btn btn-sm btn-outline-primary');
  move.type = 'button';
  move.addEventListener('click', () => {
    const editor = sessionForm(t, `m-${session.id}`, session, {
      submit: t('training.moveSave'),
      cancel: () => { editor.form.remove(); actions.hidden = false; move.focus(); },
    });
    onSubmit(page, editor, (body) => api('PUT', `/api/v1/training-sessions/${encodeURIComponent(session.id)}`, body));
    editor.form.classList.add('mt-2');
    actions.hidden = true;
    item.append(editor.form);
    editor.form.querySelector('input').focus();
  });
  actions.append(roster, move, button(page, t('training.cancelSession'), () => api('POST', `/api/v1/training-sessions/${encodeURIComponent(session.id)}/cancel`), {
    status,
    danger: true,
    confirm: {
      title: t('training.cancelSessionTitle'),
      body: t('training.cancelSessionBody', { session: sessionFacts(t, session) }),
      confirm: t('training.cancelSession'),
    },
  }));
  item.append(actions);
  return item;
}

// The sessions in order, numbered (cancelled ones keep their place but have no number);
// for trainers of an open action, with their roster, move and cancel.
export function showSessions(page, action, manages) {
  const { t } = page;
  const sessions = action.sessions.slice().sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  let number = 0;
  $('sessions').replaceChildren(...(sessions.length === 0
    ? [el('li', t('training.noSessions'), 'list-group-item text-body-secondary')]
    : sessions.map((s) => sessionItem(page, s, s.status === 'cancelled' ? null : (number += 1), manages))));
  const scheduled = sessions.filter((s) => s.status !== 'cancelled').reduce((sum, s) => sum + s.minutes, 0);
  $('sessions-sum').textContent = t('training.scheduledOf', {
    scheduled: hours(t, scheduled), joint: hours(t, action.jointMinutes),
  });
  $('session-box').hidden = !manages;
  if (manages && !page.sessionFormShown) {
    page.sessionFormShown = true;
    const adder = sessionForm(t, 's', null, { submit: t('training.addSessionSave') });
    onSubmit(page, adder, async (body) => {
      await api('POST', `/api/v1/training-actions/${encodeURIComponent(page.id)}/sessions`, body);
      showStatus(adder.status, t('training.sessionAdded'));
    });
    $('new-session').replaceWith(adder.form);
    adder.form.id = 'new-session';
    adder.form.classList.add('card-body');
  }
}
