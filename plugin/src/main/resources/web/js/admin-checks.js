// The set-up check: the doctor's checklist, translated by each check's id and reason.
import { api } from './api.js';
import { badge, codes, working } from './admin-parts.js';
import { el, oneAtATime, showStatus } from './ui.js';

const $ = (id) => document.getElementById(id);
const OUTCOME_COLOURS = { pass: 'text-bg-success', fail: 'text-bg-danger', skip: 'text-bg-secondary' };

// The values a reason names, with a count as a number so its plural can be chosen.
function values(item) {
  const params = { ...(item.params ?? {}) };
  if (params.count !== undefined && !Number.isNaN(Number(params.count))) params.count = Number(params.count);
  return params;
}

// The check's own words for a reason first, then the words every check shares.
function phrase(t, item, kind) {
  for (const key of [`check.${item.id}.${kind}.${item.reason}`, `check.${kind}.${item.reason}`]) {
    if (item.reason && t.has(key)) return t(key, values(item));
  }
  return null;
}

// What a failure names: missing functions, a capability, Moodle's error code, migrations.
function named(item) {
  const params = item.params ?? {};
  const list = (text) => (text ? text.split(',').map((s) => s.trim()).filter(Boolean) : []);
  return [...list(params.missing), ...list(params.function), ...list(params.capability),
    ...list(params.errorcode), ...list(params.migrations)];
}

function explanation(item, t) {
  const parts = [];
  if (item.outcome === 'pass') {
    if (item.reason === 'demo') return parts;
    const key = `check.${item.id}.pass`;
    const text = t.has(key) ? t(key, values(item)) : item.detail;
    if (text) parts.push(el('p', text, 'small text-body-secondary mb-0 text-break'));
    return parts;
  }
  const detail = phrase(t, item, 'reason') ?? item.detail;
  if (detail) parts.push(el('p', detail, `mb-1 text-break ${item.outcome === 'skip' ? 'small text-body-secondary' : ''}`));
  const names = named(item);
  if (names.length > 0) parts.push(codes(names));
  if (item.outcome === 'fail') {
    const fix = phrase(t, item, 'fix') ?? item.fix;
    if (fix) {
      const how = el('p', undefined, 'mb-0 small text-break');
      how.append(el('strong', `${t('admin.checks.fix')} `), fix);
      parts.push(how);
    }
  }
  return parts;
}

function entry(item, t) {
  const li = el('li', undefined, 'list-group-item text-break');
  li.dataset.check = item.id;
  li.dataset.outcome = item.outcome;
  const top = el('div', undefined, 'd-flex flex-wrap align-items-start justify-content-between gap-2 mb-1');
  const title = t.has(`check.${item.id}.title`) ? t(`check.${item.id}.title`) : item.title;
  top.append(el('h3', title, 'h6 mb-0'),
    badge(t(`admin.checks.outcome.${item.outcome}`), OUTCOME_COLOURS[item.outcome] ?? 'text-bg-secondary'));
  li.append(top, ...explanation(item, t));
  return li;
}

function summary(report, t) {
  const counts = [];
  if (report.failed) counts.push(t('admin.checks.failedCount', { count: report.failed }));
  if (report.passed) counts.push(t('admin.checks.passedCount', { count: report.passed }));
  if (report.skipped) counts.push(t('admin.checks.skippedCount', { count: report.skipped }));
  const text = report.ok ? t('admin.checks.allPassed', { count: report.passed }) : t('admin.checks.some', { counts: t.list(counts) });
  const box = el('div', undefined, `alert ${report.ok ? 'alert-success' : 'alert-danger'}`);
  box.id = 'checks-summary';
  box.append(el('p', text, 'fw-semibold mb-1'),
    el('p', t('admin.checks.ranAt', { when: t.relative(report.ranAt), seconds: Math.round(report.durationMillis / 100) / 10 }), 'small mb-0'));
  return box;
}

function showReport(report, t) {
  const parts = [summary(report, t)];
  if (report.demo) parts.push(el('p', t('check.reason.demo'), 'alert alert-info'));
  const list = el('ul', undefined, 'list-group');
  list.id = 'check-list';
  list.append(...report.checks.map((item) => entry(item, t)));
  parts.push(list);
  $('checks-body').replaceChildren(...parts);
  const tabBadge = $('tab-checks-badge');
  tabBadge.hidden = report.failed === 0;
  tabBadge.className = 'badge rounded-pill ms-1 text-bg-danger';
  tabBadge.replaceChildren(t.number(report.failed), el('span', ` ${t('admin.checks.failedCount', { count: report.failed })}`, 'visually-hidden'));
}

// The section: the latest report on load, a new run on request (a spinner meanwhile).
export function checksSection(t) {
  const button = $('checks-run');
  const read = async (method) => {
    button.disabled = true;
    $('checks-spinner').hidden = false;
    $('checks-run-label').textContent = t('admin.checks.running');
    working($('checks-status'), t('admin.checks.running'));
    try {
      showReport(await api(method, '/api/v1/admin/checks'), t);
      showStatus($('checks-status'), '');
    } catch (error) {
      showStatus($('checks-status'), t.error(error), { error: true });
    } finally {
      button.disabled = false;
      $('checks-spinner').hidden = true;
      $('checks-run-label').textContent = t('admin.checks.run');
    }
  };
  const draw = oneAtATime(() => read('GET'));
  const runAgain = oneAtATime(() => read('POST'));
  button.addEventListener('click', runAgain);
  return { draw };
}
