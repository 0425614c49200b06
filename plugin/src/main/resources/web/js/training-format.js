import { el } from './ui.js';

// How the training pages show hours, days, sessions and attendance, in the reader's language.

// Minutes as hours ("2.5 h", "25 h"): the unit training hours are counted in.
export function hours(t, minutes) {
  return new Intl.NumberFormat(t.locale, {
    style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 2,
  }).format(minutes / 60);
}

export function percent(t, value) {
  return new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

// A calendar day ("2027-01-10") as the reader writes it: read as a local day, not UTC midnight,
// which would be the day before west of Greenwich.
export function day(t, iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

export function period(t, startsOn, endsOn) {
  if (!startsOn && !endsOn) return '';
  return t('training.period', { from: day(t, startsOn) || '…', to: day(t, endsOn) || '…' });
}

export function badge(text, className) {
  return el('span', text, `badge rounded-pill ${className}`);
}

// Attendance states as a word on a badge: the colour only repeats what the word says.
const STATE_CLASS = {
  met: 'text-bg-success', on_track: 'text-bg-light border', at_risk: 'text-bg-warning', lost: 'text-bg-danger',
};

export function stateBadge(t, state) {
  return badge(t(`training.state.${state}`), STATE_CLASS[state] ?? 'text-bg-light border');
}

// When a session starts, for how long, and where: "10 Jan 2027, 17:00 · 2.5 h · in person, Room 2".
export function sessionFacts(t, session) {
  const where = session.mode === 'online' ? t('training.mode.online') : t('training.mode.in_person');
  const facts = [t.date(session.startsAt), hours(t, session.minutes), session.place ? `${where}, ${session.place}` : where];
  return facts.join(' · ');
}

// The window in which trainees may check in: from 15 minutes before the start to the end.
export function checkInOpen(session, now = Date.now()) {
  const start = new Date(session.startsAt).getTime();
  return session.status === 'scheduled' && now >= start - 15 * 60000 && now <= start + session.minutes * 60000;
}

// A date input's day and a time input's local time as an instant (ISO, UTC).
export function instant(date, time) {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(y, m - 1, d, h, min).toISOString();
}

// An instant as the values of a date and a time input, in local time.
export function localParts(iso) {
  const at = new Date(iso);
  const two = (n) => String(n).padStart(2, '0');
  return {
    date: `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`,
    time: `${two(at.getHours())}:${two(at.getMinutes())}`,
  };
}

// A built-in mention or criterion in the reader's language; a trainer's own words as they are.
export function mention(t, name) {
  const key = `training.mention.${name}`;
  return t.has(key) ? t(key) : name;
}

export function criterion(t, name) {
  const key = `training.criterion.${name}`;
  return t.has(key) ? t(key) : name;
}
