import { el } from './ui.js';
import { day, hours, percent, sessionFacts, stateBadge } from './training-format.js';

// The trainers' dashboard of an action, from one answer of /dashboard: the next sessions, who is at
// risk of missing the minimum attendance, who has not reflected yet, and how far grading has got.
// The action's page shows it whole; the list of actions a short summary of each.

export function portfolioHref(actionId, userId) {
  return `/training-portfolio?id=${encodeURIComponent(actionId)}&user=${encodeURIComponent(userId)}`;
}

function card(id, heading, ...content) {
  const box = el('section', undefined, 'card h-100');
  box.id = id;
  box.setAttribute('aria-labelledby', `${id}-heading`);
  const body = el('div', undefined, 'card-body');
  const title = el('h3', heading, 'h6 card-title');
  title.id = `${id}-heading`;
  body.append(title, ...content);
  box.append(body);
  const col = el('div', undefined, 'col');
  col.append(box);
  return col;
}

function list(items, empty) {
  if (items.length === 0) return el('p', empty, 'small text-body-secondary mb-0');
  const ul = el('ul', undefined, 'list-unstyled small mb-0 d-flex flex-column gap-2');
  ul.append(...items);
  return ul;
}

function upcoming(t, board) {
  return list(board.upcoming.map((s) => el('li', sessionFacts(t, s))), t('training.dashboard.noUpcoming'));
}

function atRisk(t, board) {
  return list(board.atRisk.map((r) => {
    const item = el('li', undefined, 'd-flex flex-wrap align-items-center gap-2');
    const name = el('a', r.name, 'text-break');
    name.href = portfolioHref(board.actionId, r.userId);
    item.append(name, stateBadge(t, r.state), el('span', t('training.dashboard.attendedFigure', {
      attended: hours(t, r.attendedMinutes), share: percent(t, Number(r.percent)),
    }), 'text-body-secondary'));
    return item;
  }), t('training.dashboard.nobodyAtRisk'));
}

// How the final reflections stand against the action's last day; a warning colour only repeats
// what the words say.
function finals(t, board) {
  const f = board.finalReflections;
  const line = el('p', t('training.reflectionsCount', { submitted: f.submitted, missing: f.missing }), 'small mt-2 mb-0');
  line.id = `finals-${board.actionId}`;
  if (f.missing === 0 || f.due === 'none') return line;
  const when = f.due === 'passed' ? t('training.dashboard.duePassed', { date: day(t, f.dueOn) })
    : f.daysLeft === 0 ? t('training.dashboard.dueToday')
      : t('training.dashboard.dueIn', { count: f.daysLeft, date: day(t, f.dueOn) });
  line.append(' ', el('span', when, f.due === 'later' ? 'text-body-secondary'
    : `fw-semibold ${f.due === 'passed' ? 'text-danger-emphasis' : 'text-warning-emphasis'}`));
  return line;
}

function reflections(t, board) {
  // The latest sessions first: the one just held is the one to follow up.
  const rows = board.reflections.slice().reverse().map((r) => {
    const item = el('li');
    const what = t('training.dashboard.sessionOn', { number: r.number, date: t.day(r.session.startsAt) });
    if (r.threadId) {
      const link = el('a', what);
      link.href = `/prompt?thread=${encodeURIComponent(r.threadId)}`;
      item.append(link);
    } else {
      item.append(el('span', what));
    }
    item.append(': ', r.missing === 0
      ? t('training.dashboard.allReflected')
      : t('training.dashboard.notReflected', { count: r.missing, trainees: board.trainees }));
    if (!r.threadId) item.append(' ', el('span', t('training.dashboard.promptSoon'), 'text-body-secondary'));
    return item;
  });
  return [list(rows, t('training.dashboard.noneEnded')), finals(t, board)];
}

function grading(t, board) {
  const e = board.evaluation;
  const total = e.graded + e.toGrade;
  const parts = [el('p', t('training.dashboard.graded', { graded: e.graded, total }), 'small mb-1')];
  if (total > 0) {
    const bar = el('div', undefined, 'progress mb-2');
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-label', t('training.dashboard.gradingProgress'));
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', String(total));
    bar.setAttribute('aria-valuenow', String(e.graded));
    const fill = el('div', undefined, 'progress-bar bg-success');
    fill.style.width = `${Math.round((100 * e.graded) / total)}%`;
    bar.append(fill);
    parts.push(bar);
  }
  if (e.toGrade > 0) {
    parts.push(el('p', t('training.dashboard.toGrade', { count: e.toGrade, ready: e.readyToGrade }), 'small mb-0 text-body-secondary'));
  }
  return parts;
}

// The whole dashboard of one action, four cards that stack on a phone.
export function dashboardCards(t, board) {
  const row = el('div', undefined, 'row row-cols-1 row-cols-md-2 g-3');
  row.append(
    card('dash-upcoming', t('training.dashboard.upcoming'), upcoming(t, board)),
    card('dash-at-risk', t('training.dashboard.atRisk', { count: board.atRisk.length }), atRisk(t, board)),
    card('dash-reflections', t('training.dashboard.reflections'), ...reflections(t, board)),
    card('dash-evaluation', t('training.dashboard.grading'), ...grading(t, board)),
  );
  return row;
}

// What a trainer's card in the list of actions adds from the dashboard: reflections after the
// latest session, final reflections against the last day, grading. (The card already shows the
// next session and who is at risk.)
export function dashboardLines(t, board) {
  const lines = el('ul', undefined, 'list-unstyled small mb-0 d-flex flex-column gap-1');
  lines.dataset.dashboard = board.actionId;
  const last = board.reflections[board.reflections.length - 1];
  if (last) {
    lines.append(el('li', `${t('training.dashboard.sessionOn', { number: last.number, date: t.day(last.session.startsAt) })}: ${last.missing === 0
      ? t('training.dashboard.allReflected')
      : t('training.dashboard.notReflected', { count: last.missing, trainees: board.trainees })}`));
  }
  const finalsItem = el('li');
  finalsItem.append(...finals(t, board).childNodes);
  lines.append(finalsItem);
  const e = board.evaluation;
  lines.append(el('li', t('training.dashboard.graded', { graded: e.graded, total: e.graded + e.toGrade })));
  return lines;
}

// Across the open actions someone trains: four figures that say where to look first.
export function dashboardTotals(t, boards) {
  const sum = (f) => boards.reduce((total, b) => total + f(b), 0);
  const figures = [
    ['at-risk', sum((b) => b.atRisk.length), 'training.dashboard.totalAtRisk'],
    ['reflections', sum((b) => b.reflections[b.reflections.length - 1]?.missing ?? 0), 'training.dashboard.totalReflections'],
    ['finals', sum((b) => (['soon', 'passed'].includes(b.finalReflections.due) ? b.finalReflections.missing : 0)), 'training.dashboard.totalFinals'],
    ['to-grade', sum((b) => b.evaluation.toGrade), 'training.dashboard.totalToGrade'],
  ];
  const list = el('ul', undefined, 'row row-cols-2 row-cols-md-4 g-2 list-unstyled mb-0');
  list.append(...figures.map(([name, count, key]) => {
    const item = el('li', undefined, 'col');
    const box = el('div', undefined, `border rounded p-2 h-100${count > 0 && name !== 'to-grade' ? ' border-warning' : ''}`);
    box.dataset.figure = name;
    box.append(el('span', t.number(count), 'd-block fs-4 fw-semibold'), el('span', t(key, { count }), 'small'));
    item.append(box);
    return item;
  }));
  return list;
}
