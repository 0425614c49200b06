import { api } from './api.js';
import { el, showStatus } from './ui.js';
import { button, row } from './community-actions.js';
import { hours, percent, stateBadge } from './training-format.js';
import { portfolioHref } from './training-dashboard.js';

const $ = (id) => document.getElementById(id);

// A trainee's portfolio, named for screen readers that list the page's links.
function portfolioLink(t, actionId, person) {
  const link = el('a', t('training.portfolio.open'), 'btn btn-sm btn-outline-secondary');
  link.href = portfolioHref(actionId, person.id);
  link.setAttribute('aria-label', t('training.portfolio.openOf', { name: person.name }));
  return link;
}

// The trainees, each with their portfolio, and "Remove" for the trainers of an open action.
export function showTrainees(page, action, manages) {
  const { t } = page;
  const status = $('trainees-status');
  const trainees = action.trainees.slice().sort((a, b) => a.name.localeCompare(b.name, t.locale));
  $('trainees-heading').textContent = t('training.traineesCount', { count: trainees.length });
  $('trainees').replaceChildren(...(trainees.length === 0
    ? [el('li', t('training.noTrainees'), 'list-group-item text-body-secondary')]
    : trainees.map((p) => row(p.name, [], [portfolioLink(t, page.id, p), ...(manages ? [
      button(page, t('training.removeTrainee'), () => api('DELETE', `/api/v1/training-actions/${encodeURIComponent(page.id)}/trainees/${encodeURIComponent(p.id)}`), {
        status,
        danger: true,
        confirm: { title: t('training.removeTraineeTitle'), body: t('training.removeTraineeBody', { name: p.name }), confirm: t('training.removeTrainee') },
      }),
    ] : [])]))));
  $('add-box').hidden = !manages;
  if (!manages) return;
  page.traineeIds = new Set(trainees.map((p) => p.id));
  if (!page.searchWatched) {
    page.searchWatched = true;
    $('people-search').addEventListener('submit', (event) => {
      event.preventDefault();
      findPeople(page, true);
    });
  }
  if (page.candidatesShown) findPeople(page, false);
}

// People of the course by name who are neither trainers nor trainees now, each with "Add" (someone
// taken off can be added again).
async function findPeople(page, fresh) {
  const { t } = page;
  const status = $('trainees-status');
  const text = $('people-q').value.trim();
  try {
    const found = (await api('GET', `/api/v1/training-actions/${encodeURIComponent(page.id)}/candidates?q=${encodeURIComponent(text)}`))
      .filter((person) => !page.traineeIds.has(person.id));
    page.candidatesShown = true;
    $('candidates').replaceChildren(...found.map((person) => row(person.name, [], [
      button(page, t('training.addTrainee'), async () => {
        await api('POST', `/api/v1/training-actions/${encodeURIComponent(page.id)}/trainees`, { userIds: [person.id] });
        showStatus(status, t('training.traineeAdded', { name: person.name }));
      }, { status, secondary: true }),
    ])));
    if (fresh) showStatus(status, found.length === 0 ? t('training.noPeople') : '');
  } catch (error) {
    showStatus(status, t('community.failed', { reason: t.error(error) }), { error: true });
  }
}

function attended(t, r, joint) {
  return t('training.attendedShare', {
    attended: hours(t, r.attendedMinutes), share: percent(t, joint > 0 ? (100 * r.attendedMinutes) / joint : 0),
  });
}

// Everyone's attendance against the minimum (trainers), or one's own (trainees): the state is a
// word on a badge, with the hours that make it.
export function showAttendance(page, summary, manages) {
  const { t } = page;
  $('attendance-rule').textContent = t('training.minimumRule', {
    minimum: hours(t, summary.minimumMinutes), joint: hours(t, summary.jointMinutes),
  });
  const rows = summary.rows.slice().sort((a, b) => a.name.localeCompare(b.name, t.locale));
  if (!manages) {
    const mine = rows[0];
    if (!mine) {
      $('attendance').replaceChildren(el('p', t('training.noAttendance'), 'text-body-secondary'));
      return;
    }
    const box = el('div', undefined, 'd-flex flex-wrap align-items-center gap-2');
    box.id = 'my-attendance';
    box.append(stateBadge(t, mine.state), el('span', `${attended(t, mine, summary.jointMinutes)} · ${t('training.heldSoFar', { held: hours(t, mine.heldMinutes) })}`));
    $('attendance').replaceChildren(box, el('p', t(`training.stateHelp.${mine.state}`), 'small text-body-secondary mt-2 mb-0'));
    return;
  }
  if (rows.length === 0) {
    $('attendance').replaceChildren(el('p', t('training.noTrainees'), 'text-body-secondary'));
    return;
  }
  const table = el('table', undefined, 'table table-sm align-middle mb-0');
  table.id = 'attendance-table';
  const caption = el('caption', t('training.attendanceCaption'), 'small');
  const head = el('thead');
  const headRow = el('tr');
  for (const key of ['training.column.name', 'training.column.attended', 'training.column.state']) {
    const th = el('th', t(key));
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    const name = el('th', r.name, 'fw-normal text-break');
    name.scope = 'row';
    const figures = el('td', undefined, 'small');
    figures.append(el('span', attended(t, r, summary.jointMinutes), 'd-block'),
      el('span', t('training.heldSoFar', { held: hours(t, r.heldMinutes) }), 'd-block text-body-secondary'));
    const state = el('td');
    state.append(stateBadge(t, r.state));
    tr.append(name, figures, state);
    body.append(tr);
  }
  table.append(caption, head, body);
  $('attendance').replaceChildren(table);
}
