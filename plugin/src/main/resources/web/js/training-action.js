import { api } from './api.js';
import { el, oneAtATime, showLoadFailure, showStatus, signedIn } from './ui.js';
import { badge, button } from './community-actions.js';
import { checkInOpen, criterion, hours, period, sessionFacts } from './training-format.js';
import { showCalendar, showSessions } from './training-sessions.js';
import { showAttendance, showTrainees } from './training-people.js';
import { listenForReflection, showTraineeEvaluation, showTrainerEvaluation } from './training-evaluation.js';
import { showSatisfaction } from './training-satisfaction.js';
import { dashboardCards } from './training-dashboard.js';

const $ = (id) => document.getElementById(id);

// What the page's parts share: the action's id, the translator, and a redraw.
const page = { id: new URLSearchParams(location.search).get('id'), t: (key) => key, render: null };

function showFacts(action, t) {
  const { numerator, denominator } = action.minimumAttendance;
  const facts = [
    ['training.field.modality', t(`training.modality.${action.modality}`)],
    ['training.code', action.code],
    ['training.dates', period(t, action.startsOn, action.endsOn)],
    ['training.field.jointHours', hours(t, action.jointMinutes)],
    ['training.field.autonomousHours', hours(t, action.autonomousMinutes)],
    ['training.minimum', t('training.fraction', { numerator, denominator })],
    ['training.trainers', t.list(action.trainers.map((p) => p.name))],
    ['training.policy.title', t('training.policy.summary', {
      criteria: t.list(action.policy.criteria.map((c) => `${criterion(t, c.name)} (${c.weight})`)),
      min: action.policy.scaleMin,
      max: action.policy.scaleMax,
    })],
  ].filter(([, value]) => value);
  const items = facts.flatMap(([label, value]) => [
    el('dt', t(label), 'col-sm-4 fw-semibold'),
    el('dd', value, 'col-sm-8 mb-1 text-break'),
  ]);
  if (action.communityId) {
    const link = el('a', t('training.openCommunity'));
    link.href = `/community?id=${encodeURIComponent(action.communityId)}`;
    link.id = 'community-link';
    const dd = el('dd', undefined, 'col-sm-8 mb-1');
    dd.append(link);
    items.push(el('dt', t('training.field.community'), 'col-sm-4 fw-semibold'), dd);
  }
  $('facts').replaceChildren(...items);
}

function showBadges(action, t) {
  const badges = [badge(t(`training.modality.${action.modality}`), 'text-bg-light border')];
  if (action.status === 'closed') badges.unshift(badge(t('training.closed'), 'text-bg-secondary'));
  if (action.mine.trainer) badges.push(badge(t('training.youTrain'), 'text-bg-primary'));
  if (action.mine.trainee) badges.push(badge(t('training.youAttend'), 'text-bg-info'));
  $('badges').replaceChildren(...badges);
}

// The trainee's check-in, while a session is on (from a quarter of an hour before it starts); once
// they have a mark for it (their own check-in or the trainer's), the code is no longer asked.
function showCheckIn(action, t) {
  const now = action.mine.trainee && action.status === 'open' ? action.sessions.find((s) => checkInOpen(s)) : null;
  $('check-in-box').hidden = !now;
  if (now) {
    page.checkInSession = now;
    const marked = (action.mine.markedSessions || []).includes(now.id);
    $('check-in-session').textContent = sessionFacts(t, now);
    $('check-in').classList.toggle('d-none', marked); // d-flex outweighs [hidden]
    $('check-in-done').hidden = !marked;
  }
}

async function checkIn(event) {
  event.preventDefault();
  const { t } = page;
  const form = event.target;
  if (!form.reportValidity()) return;
  const submit = form.querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    const mark = await api('POST', `/api/v1/training-sessions/${encodeURIComponent(page.checkInSession.id)}/check-in`, {
      code: $('check-in-code').value.trim().toUpperCase(),
    });
    form.reset();
    await page.render();
    showStatus($('check-in-status'), mark.status === 'late'
      ? t('training.checkedInLate', { count: mark.lateMinutes })
      : t(`training.checkedIn.${mark.status}`));
  } catch (error) {
    showStatus($('check-in-status'), t.error(error), { error: true });
  } finally {
    submit.disabled = false;
  }
}

// Whether each session is in Moodle's calendar yet, for trainers; null for the others.
async function calendarStates(trains) {
  if (!trains) return null;
  try {
    const states = await api('GET', `/api/v1/training-actions/${encodeURIComponent(page.id)}/calendar`);
    return new Map(states.map((s) => [s.sessionId, s]));
  } catch {
    return null; // the sessions show without it
  }
}

function showClose(action, manages, t) {
  $('close-box').hidden = !manages;
  if (!manages) return;
  $('close-actions').replaceChildren(button(page, t('training.close'), () => api('POST', `/api/v1/training-actions/${encodeURIComponent(page.id)}/close`), {
    status: $('close-status'),
    danger: true,
    confirm: { title: t('training.closeTitle'), body: t('training.closeBody', { title: action.title }), confirm: t('training.close') },
  }));
}

// The trainers' dashboard, in one request; the rest of the page does not wait for it.
async function showDashboard(trains, t) {
  $('dashboard-box').hidden = !trains;
  if (!trains) return;
  const board = await api('GET', `/api/v1/training-actions/${encodeURIComponent(page.id)}/dashboard`);
  $('dashboard').replaceChildren(dashboardCards(t, board));
}

async function draw() {
  const { hub, t } = await signedIn();
  page.t = t;
  const base = `/api/v1/training-actions/${encodeURIComponent(page.id)}`;
  const [action, summary] = await Promise.all([api('GET', base), api('GET', `${base}/attendance`)]);
  const admin = hub.me.role === 'admin';
  page.admin = admin;
  const trains = action.mine.trainer || admin;
  const manages = trains && action.status === 'open';
  document.title = `${action.title} · ${t('app.name')}`;
  $('title').textContent = action.title;
  $('crumb').textContent = action.title;
  $('list-link').href = `/training?course=${encodeURIComponent(action.courseId)}`;
  $('closed-note').hidden = action.status !== 'closed';
  showStatus($('status'), '');
  showBadges(action, t);
  showFacts(action, t);
  page.action = action;
  page.calendar = await calendarStates(trains);
  showCheckIn(action, t);
  showSessions(page, action, manages);
  showAttendance(page, summary, trains);
  $('trainees-box').hidden = !trains;
  if (trains) showTrainees(page, action, manages);
  showClose(action, manages, t);
  await Promise.all([
    showDashboard(trains, t), showTraineeEvaluation(page, action), showTrainerEvaluation(page, action, trains),
    showSatisfaction(page, action, trains),
  ]);
}

page.render = oneAtATime(draw);
$('check-in').addEventListener('submit', checkIn);
listenForReflection(page);
// The check-in opens and closes with the sessions' windows, also while the page stays open.
setInterval(() => { if (page.action) showCheckIn(page.action, page.t); }, 30000);
// A session waiting for Moodle's calendar shows when it gets there, without reloading the page.
setInterval(async () => {
  if (!page.calendar || ![...page.calendar.values()].some((s) => s.state === 'pending')) return;
  page.calendar = (await calendarStates(true)) ?? page.calendar;
  showCalendar(page);
}, 5000);
page.render().catch((error) => showLoadFailure(error, page.t.error ? page.t : undefined));
