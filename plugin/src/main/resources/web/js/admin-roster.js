// Participants: every course the connector is used in, its latest roster sync, and "sync now".
import { api } from './api.js';
import { badge, pause, technicalDetail, when, working } from './admin-parts.js';
import { el, oneAtATime, showStatus } from './ui.js';

const $ = (id) => document.getElementById(id);
const STATE_COLOURS = { never: 'text-bg-secondary', queued: 'text-bg-info', running: 'text-bg-info', done: 'text-bg-success', failed: 'text-bg-danger' };
const UNDER_WAY = ['queued', 'running'];

function changes(change, t) {
  const parts = ['added', 'updated', 'removed']
    .filter((what) => change[what] > 0)
    .map((what) => t(`admin.roster.${what}`, { count: change[what] }));
  return parts.length ? t.list(parts) : t('admin.roster.noChange');
}

// What the latest sync came to: when it finished and what changed, or why it failed.
function result(course, t) {
  const sync = course.lastSync;
  if (course.state === 'failed') {
    // Why, in the reader's words; Moodle's own text (in English) only as a technical detail.
    const failure = course.failure && t.has(`roster.failure.${course.failure}`) ? course.failure : 'other';
    const block = el('div', undefined, 'mb-1 small');
    const line = el('p', undefined, 'mb-0 text-danger-emphasis text-break');
    line.append(el('strong', `${t('admin.roster.failed')} `), t(`roster.failure.${failure}`));
    block.append(line);
    if (course.error) block.append(technicalDetail(t, course.error));
    return block;
  }
  if (course.state === 'done' && sync?.change) {
    const line = el('p', undefined, 'mb-1 small');
    line.append(t('admin.roster.result', { changes: changes(sync.change, t) }), ' ', when(t, sync.finishedAt));
    return line;
  }
  return null;
}

function facts(course, t) {
  const line = el('p', undefined, 'mb-1 small text-body-secondary');
  line.append(t('admin.roster.participants', { count: course.participants }), ' · ');
  if (course.lastSyncedAt) line.append(t('admin.roster.lastSynced'), ' ', when(t, course.lastSyncedAt));
  else line.append(t('admin.roster.neverSynced'));
  line.append(' · ', t('admin.roster.courseId', { id: course.courseId }));
  return line;
}

// The section: each course with its latest sync; "sync now" follows a sync until it ends.
export function rosterSection(t) {
  const following = new Set();

  async function follow(courseId, button, progress) {
    const path = `/api/v1/courses/${encodeURIComponent(courseId)}/roster/sync`;
    following.add(courseId);
    button.disabled = true;
    try {
      let sync = await api('POST', path);
      while (UNDER_WAY.includes(sync.state)) {
        working(progress, t(`roster.state.${sync.state}`));
        await pause(1000);
        sync = await api('GET', path);
      }
      following.delete(courseId);
      await draw();
    } catch (error) {
      following.delete(courseId);
      button.disabled = false;
      showStatus(progress, t.error(error), { error: true });
    }
  }

  function entry(course) {
    const li = el('li', undefined, 'list-group-item');
    li.dataset.course = course.courseId;
    li.dataset.state = course.state;
    const top = el('div', undefined, 'd-flex flex-wrap align-items-start justify-content-between gap-2 mb-1');
    top.append(el('h3', course.title ?? course.courseId, 'h6 mb-0 text-break'),
      badge(t(`roster.state.${course.state}`), STATE_COLOURS[course.state] ?? 'text-bg-secondary'));
    const button = el('button', t('admin.roster.sync'), 'btn btn-sm btn-outline-primary mt-1');
    button.type = 'button';
    const progress = el('p', undefined, 'small mt-2 mb-0');
    progress.setAttribute('role', 'status');
    progress.hidden = true;
    button.addEventListener('click', () => follow(course.courseId, button, progress));
    li.append(...[top, facts(course, t), result(course, t), button, progress].filter(Boolean));
    if (UNDER_WAY.includes(course.state) && !following.has(course.courseId)) {
      // A sync someone else started (or the scheduled one): follow it too.
      follow(course.courseId, button, progress);
    }
    return li;
  }

  const draw = oneAtATime(async () => {
    try {
      const overview = await api('GET', '/api/v1/admin/roster');
      const list = $('roster-list');
      if (overview.courses.length === 0) {
        list.replaceChildren(el('li', t('admin.roster.empty'), 'list-group-item text-body-secondary'));
      } else {
        list.replaceChildren(...overview.courses.map(entry));
      }
      showStatus($('roster-status'), '');
    } catch (error) {
      showStatus($('roster-status'), t.error(error), { error: true });
    }
  });
  $('roster-refresh').addEventListener('click', draw);
  return { draw };
}
