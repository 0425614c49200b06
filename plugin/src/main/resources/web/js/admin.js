// The administrators' page: the Moodle connection, the set-up check, deliveries and rosters.
import { api } from './api.js';
import { checksSection } from './admin-checks.js';
import { outboxSection } from './admin-outbox.js';
import { badge, technicalDetail, when } from './admin-parts.js';
import { rosterSection } from './admin-roster.js';
import { el, oneAtATime, showLoadFailure, showStatus, signedIn } from './ui.js';

const $ = (id) => document.getElementById(id);
const SECTIONS = ['moodle', 'checks', 'outbox', 'roster'];
const STATUS_COLOURS = { UP: 'text-bg-success', DOWN: 'text-bg-danger', NOT_CONFIGURED: 'text-bg-secondary' };

// Bootstrap's script runs after this module has started (it is deferred behind it).
function showTab(name) {
  const show = () => window.bootstrap.Tab.getOrCreateInstance($(`tab-${name}`)).show();
  if (window.bootstrap) show();
  else window.addEventListener('DOMContentLoaded', show, { once: true });
}

function tabLink(text, name) {
  const link = el('button', text, 'btn btn-link p-0 align-baseline');
  link.type = 'button';
  link.addEventListener('click', () => showTab(name));
  return link;
}

function row(list, term, ...values) {
  const dt = el('dt', term, 'col-sm-4 col-lg-3');
  const dd = el('dd', undefined, 'col-sm-8 col-lg-9 text-break');
  dd.append(...values);
  list.append(dt, dd);
}

function call(t, latest) {
  if (!latest) return [t('admin.moodle.noCall')];
  const parts = [el('code', latest.function), ' · ', when(t, latest.at)];
  // Moodle's own words (in English): a labelled technical detail.
  if (latest.reason) parts.push(technicalDetail(t, latest.reason));
  return parts;
}

function modeNotice(status, t) {
  if (status.mode === 'demo') return el('div', t('admin.mode.demo'), 'alert alert-info');
  if (status.mode === 'unconfigured') return el('div', t('admin.mode.unconfigured'), 'alert alert-warning');
  if (status.moodle.status === 'DOWN') {
    const notice = el('div', `${t('admin.moodle.down')} `, 'alert alert-danger');
    notice.append(tabLink(t('admin.checks.open'), 'checks'));
    return notice;
  }
  return null;
}

function connectionCard(status, t) {
  const { moodle } = status;
  const card = el('div', undefined, 'card mb-3');
  const header = el('div', undefined, 'card-header d-flex flex-wrap align-items-center gap-2');
  const site = status.mode === 'demo' ? t('admin.moodle.demoSite') : moodle.siteName ?? t('admin.moodle.noSite');
  header.append(el('h3', site, 'h5 mb-0 text-break'),
    badge(t(`admin.moodle.status.${moodle.status.toLowerCase()}`), STATUS_COLOURS[moodle.status] ?? 'text-bg-secondary'));
  const list = el('dl', undefined, 'row mb-0');
  if (moodle.url) row(list, t('admin.moodle.address'), moodle.url);
  if (moodle.release) row(list, t('admin.moodle.release'), t('admin.moodle.releaseValue', { release: moodle.release, version: moodle.version ?? '' }));
  if (moodle.serviceUser) {
    const user = moodle.serviceUser;
    row(list, t('admin.moodle.serviceUser'), t('admin.moodle.serviceUserValue', { name: user.fullName, username: user.username, id: user.id }));
  }
  if (moodle.probedAt) row(list, t('admin.moodle.probedAt'), when(t, moodle.probedAt));
  if (status.mode === 'moodle') {
    row(list, t('admin.moodle.lastSuccess'), ...call(t, moodle.lastSuccess));
    row(list, t('admin.moodle.lastFailure'), ...call(t, moodle.lastFailure));
  }
  row(list, t('admin.version'), status.version);
  const body = el('div', undefined, 'card-body');
  body.append(list);
  card.append(header, body);
  return card;
}

function outboxCard(counts, t) {
  const card = el('div', undefined, 'card');
  const body = el('div', undefined, 'card-body');
  const figures = el('p', undefined, 'd-flex flex-wrap gap-2 mb-2');
  figures.append(
    badge(t('admin.outbox.pendingCount', { count: counts.pending }), counts.pending ? 'text-bg-warning' : 'text-bg-light border'),
    badge(t('admin.outbox.failedCount', { count: counts.failed }), counts.failed ? 'text-bg-danger' : 'text-bg-light border'),
    badge(t('admin.outbox.delivered24h', { count: counts.deliveredLast24h }), 'text-bg-light border'),
  );
  body.append(el('h3', t('admin.outbox.summary'), 'h5 card-title'), figures, tabLink(t('admin.outbox.open'), 'outbox'));
  card.append(body);
  return card;
}

function showOutboxBadge(counts, t) {
  const tabBadge = $('tab-outbox-badge');
  const failing = counts.failed > 0;
  tabBadge.hidden = !failing && counts.pending === 0;
  tabBadge.className = `badge rounded-pill ms-1 ${failing ? 'text-bg-danger' : 'text-bg-secondary'}`;
  const count = failing ? counts.failed : counts.pending;
  tabBadge.replaceChildren(t.number(count), el('span', ` ${t(failing ? 'admin.outbox.failedCount' : 'admin.outbox.pendingCount', { count })}`, 'visually-hidden'));
}

// first: the status the page already read to learn whether the person may be here.
function statusSection(t, first) {
  let known = first;
  const draw = oneAtATime(async () => {
    try {
      const status = known ?? await api('GET', '/api/v1/admin/status');
      known = null;
      const notice = modeNotice(status, t);
      $('moodle-body').replaceChildren(...[notice, connectionCard(status, t), outboxCard(status.outbox, t)].filter(Boolean));
      showOutboxBadge(status.outbox, t);
      showStatus($('moodle-status'), '');
    } catch (error) {
      showStatus($('moodle-status'), t.error(error), { error: true });
    }
  });
  $('moodle-refresh').addEventListener('click', draw);
  return { draw, showOutboxBadge: (counts) => showOutboxBadge(counts, t) };
}

function showRefusal(error, t) {
  $('status').hidden = true;
  $('refused-reason').textContent = t.error(error);
  $('refused').hidden = false;
}

async function start() {
  const { t } = await signedIn();
  document.title = `${t('admin.title')} · ${t('app.name')}`;
  let status;
  try {
    // Whether this person may be here: the server says.
    status = await api('GET', '/api/v1/admin/status');
  } catch (error) {
    if (error.status === 403) {
      showRefusal(error, t);
      return;
    }
    throw error;
  }
  const moodle = statusSection(t, status);
  const sections = {
    moodle,
    checks: checksSection(t),
    outbox: outboxSection(t, moodle.showOutboxBadge),
    roster: rosterSection(t),
  };
  showStatus($('status'), '');
  $('admin').hidden = false;
  for (const name of SECTIONS) {
    // A section read again each time it is opened, except the checks (run on request).
    $(`tab-${name}`).addEventListener('shown.bs.tab', () => {
      history.replaceState(null, '', `#${name}`);
      if (name !== 'checks') sections[name].draw();
    });
  }
  const wanted = window.location.hash.slice(1);
  // Opening a tab reads its section: the others are read here.
  const opened = ['outbox', 'roster'].includes(wanted) ? wanted : null;
  if (SECTIONS.includes(wanted) && wanted !== 'moodle') showTab(wanted);
  await Promise.all(SECTIONS.filter((name) => name !== opened).map((name) => sections[name].draw()));
}

start().catch((error) => showLoadFailure(error));
