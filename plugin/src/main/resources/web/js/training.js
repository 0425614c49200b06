import { api, compact } from './api.js';
import { el, showLoadFailure, showStatus, signedIn } from './ui.js';
import { badge, hours, period, sessionFacts } from './training-format.js';
import { dashboardLines, dashboardTotals } from './training-dashboard.js';
import { policyEditor } from './training-policy.js';

const $ = (id) => document.getElementById(id);
let course = new URLSearchParams(location.search).get('course');
let t = (key) => key;
let communitiesAsked = false;
let policy = null;

function actionCard(a, board) {
  const item = el('li', undefined, 'col');
  const box = el('article', undefined, 'card h-100 shadow-sm');
  const body = el('div', undefined, 'card-body d-flex flex-column gap-2');
  const name = el('h3', undefined, 'h5 card-title mb-0');
  const link = el('a', a.title, 'text-decoration-none text-break');
  link.href = `/training-action?id=${encodeURIComponent(a.id)}`;
  name.append(link);
  const badges = el('div', undefined, 'd-flex flex-wrap gap-1');
  badges.append(badge(t(`training.modality.${a.modality}`), 'text-bg-light border'));
  if (a.status === 'closed') badges.append(badge(t('training.closed'), 'text-bg-secondary'));
  if (a.trainer) badges.append(badge(t('training.youTrain'), 'text-bg-primary'));
  if (a.trainee) badges.append(badge(t('training.youAttend'), 'text-bg-info'));
  const facts = [period(t, a.startsOn, a.endsOn)];
  if (a.trainer) facts.push(t('training.traineeCount', { count: a.trainees }));
  body.append(name, badges, el('p', facts.filter(Boolean).join(' · '), 'small text-body-secondary mb-0'));
  if (a.trainer && a.atRisk > 0) {
    body.append(el('p', t('training.atRiskCount', { count: a.atRisk }), 'small fw-semibold text-danger-emphasis mb-0'));
  }
  if (board) body.append(dashboardLines(t, board));
  if (a.nextSession) {
    const next = el('p', t('training.nextSession', { session: sessionFacts(t, a.nextSession) }), 'small mb-0');
    body.append(next);
    // The trainer's roster of the next session, one click from the list.
    if (a.trainer && a.status === 'open') {
      const roster = el('a', t('training.takeAttendance'), 'btn btn-sm btn-outline-primary align-self-start mt-auto');
      roster.href = `/training-session?id=${encodeURIComponent(a.nextSession.id)}`;
      body.append(roster);
    }
  }
  box.append(body);
  item.append(box);
  return item;
}

// The actions, and for the open ones I train what needs doing: their dashboards in one request,
// summed up above the list and line by line on each card.
async function showActions() {
  const path = (what) => `/api/v1/training-actions${what}?course=${encodeURIComponent(course)}`;
  const [actions, boards] = await Promise.all([api('GET', path('')), api('GET', path('/dashboard'))]);
  $('summary-box').hidden = boards.length === 0;
  if (boards.length > 0) $('summary').replaceChildren(dashboardTotals(t, boards));
  const byAction = new Map(boards.map((b) => [b.actionId, b]));
  $('actions').replaceChildren(...(actions.length === 0
    ? [el('li', t('training.none'), 'col text-body-secondary')]
    : actions.map((a) => actionCard(a, byAction.get(a.id)))));
}

// The communities I facilitate in this course, offered instead of a new one.
async function offerCommunities() {
  if (communitiesAsked) return;
  communitiesAsked = true;
  try {
    const found = await api('GET', '/api/v1/communities');
    const mine = found.filter((d) => d.mine?.status === 'active' && d.mine.role === 'facilitator'
      && !d.community.archivedAt && d.community.courseIds.includes(course));
    $('a-community').append(...mine.map((d) => new Option(d.community.name, d.community.id)));
  } catch (error) {
    communitiesAsked = false;
    showStatus($('new-status'), t.error(error), { error: true });
  }
}

async function create(event) {
  event.preventDefault();
  const form = event.target;
  if (!form.reportValidity()) return;
  const submit = form.querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    const action = await api('POST', '/api/v1/training-actions', compact({
      title: $('a-title').value.trim(),
      modality: $('a-modality').value,
      code: $('a-code').value.trim() || null,
      jointHours: Number($('a-joint').value),
      autonomousHours: Number($('a-autonomous').value || 0),
      startsOn: $('a-starts').value || null,
      endsOn: $('a-ends').value || null,
      minimumAttendance: { numerator: Number($('a-numerator').value), denominator: Number($('a-denominator').value) },
      communityId: $('a-community').value || null,
      policy: policy.read(),
    }));
    window.location.assign(`/training-action?id=${encodeURIComponent(action.id)}`);
  } catch (error) {
    showStatus($('new-status'), t.error(error), { error: true });
    submit.disabled = false;
  }
}

async function start() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  document.title = `${t('training.title')} · ${t('app.name')}`;
  course = course || hub.course?.id;
  if (!course) {
    showStatus($('status'), t('hub.noCourse'));
    return;
  }
  // An action is made in the course the session was opened from.
  const trains = (hub.me.role === 'facilitator' || hub.me.role === 'admin') && course === hub.course?.id;
  $('new-box').hidden = !trains;
  if (trains) {
    $('new-box').addEventListener('toggle', () => { if ($('new-box').open) offerCommunities(); });
    policy = policyEditor(t);
    $('new-action').addEventListener('submit', create);
  }
  await showActions();
}

start().catch((error) => showLoadFailure(error, t.error ? t : undefined));
