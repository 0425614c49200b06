import { api } from './api.js';
import { el, showStatus } from './ui.js';
import { button } from './community-actions.js';
import { addCommunityFields, communityFrom, fillCommunityFields } from './community-form.js';

const $ = (id) => document.getElementById(id);

async function saveEdit(page, event) {
  event.preventDefault();
  const { t } = page;
  const form = event.target;
  const status = $('edit-status');
  if (!form.reportValidity()) return;
  const submit = form.querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    await api('PUT', `/api/v1/communities/${page.id}`, communityFrom(form));
    await page.render();
    showStatus(status, t('community.editSaved'));
  } catch (error) {
    showStatus(status, t('form.failed', { reason: t.error(error) }), { error: true });
  } finally {
    submit.disabled = false;
  }
}

// What the forum's group mode means for the community's discussions.
function groupNote(forum, t) {
  const note = el('div', undefined, 'small mt-2');
  note.append(t('community.groupModeIs', { mode: t(`community.groupMode.${forum.groupMode}`) }));
  if (forum.warning) {
    const warning = el('div', t('community.forumNoGroups'), 'alert alert-warning py-2 mt-2 mb-0 forum-warning');
    warning.setAttribute('role', 'note');
    note.append(warning);
  } else {
    note.append(' ', t(forum.groupMode === 2 ? 'community.forumVisibleGroups' : 'community.forumSeparateGroups'));
  }
  return note;
}

function courseForums(page, course, forums, index) {
  const { t } = page;
  const box = el('fieldset', undefined, 'border rounded p-3 mb-3');
  box.dataset.course = course.courseId;
  box.append(el('legend', course.title, 'h6 float-none w-auto px-1 mb-1 text-break'));
  const status = el('p', undefined, 'small mt-2 mb-0');
  status.setAttribute('role', 'status');
  status.hidden = true;
  if (forums.length === 0) {
    box.append(el('p', t('community.noForums'), 'mb-0'));
    return box;
  }
  const label = el('label', t('community.forum'), 'form-label');
  label.htmlFor = `forum-${index}`;
  const select = el('select', undefined, 'form-select');
  select.id = `forum-${index}`;
  const chosen = forums.find((f) => f.chosen);
  if (!chosen) {
    const none = el('option', t('community.forumNone'));
    none.value = '';
    select.append(none);
  }
  select.append(...forums.map((f) => {
    const option = el('option', f.name);
    option.value = f.id;
    return option;
  }));
  select.value = chosen?.id ?? '';
  const note = el('div');
  const save = button(page, t('community.forumSave'), async () => {
    await api('PUT', `/api/v1/communities/${page.id}/courses/${encodeURIComponent(course.courseId)}/forum`, { forumId: select.value });
    page.forumsSaved = course.courseId;
  }, { status });
  save.classList.add('mt-2');
  const showNote = () => {
    const forum = forums.find((f) => f.id === select.value);
    note.replaceChildren(...(forum ? [groupNote(forum, t)] : []));
    save.disabled = !forum;
  };
  select.addEventListener('change', showNote);
  showNote();
  box.append(label, select, note, save, status);
  return box;
}

// The forums of every course of the community, asked of Moodle when the section is opened.
async function loadForums(page) {
  const { t } = page;
  const courses = page.details.courses ?? [];
  const boxes = await Promise.all(courses.map(async (course, index) => {
    try {
      const forums = await api('GET', `/api/v1/communities/${page.id}/courses/${encodeURIComponent(course.courseId)}/forums`);
      return courseForums(page, course, forums, index);
    } catch (error) {
      const box = el('div', undefined, 'mb-3');
      box.append(el('h3', course.title, 'h6'), el('p', t('community.failed', { reason: t.error(error) }), 'text-danger fw-semibold'));
      return box;
    }
  }));
  $('forum-courses').replaceChildren(...boxes);
  if (page.forumsSaved) {
    const saved = [...$('forum-courses').querySelectorAll('fieldset')].find((f) => f.dataset.course === page.forumsSaved);
    const status = saved?.querySelector('[role=status]');
    if (status) showStatus(status, t('community.forumSaved'));
    page.forumsSaved = null;
  }
}

function showForumNotice(page, courses) {
  const { t } = page;
  const missing = courses.filter((c) => !c.forumChosen).map((c) => c.title);
  $('forum-notice').hidden = missing.length === 0;
  $('forum-notice').textContent = missing.length === 0 ? ''
    : t('community.noForumChosen', { courses: t.list(missing), forums: t('community.forums') });
}

export function showTools(page, details, manages) {
  const { t } = page;
  page.details = details;
  $('tools').hidden = !manages;
  if (!manages) return;
  const { community } = details;
  // The edit form shows the community as it is now (not while someone is typing in it).
  if (!$('edit-box').open) fillCommunityFields($('edit-form'), community);
  showForumNotice(page, details.courses ?? []);
  if ($('forums-box').open) loadForums(page);
  const status = $('archive-status');
  $('archive-actions').replaceChildren(community.archivedAt
    ? button(page, t('community.restore'), () => api('POST', `/api/v1/communities/${page.id}/restore`), {
      status,
      secondary: true,
      confirm: { title: t('community.restoreTitle'), body: t('community.restoreBody'), confirm: t('community.restore') },
    })
    : button(page, t('community.archive'), () => api('POST', `/api/v1/communities/${page.id}/archive`), {
      status,
      danger: true,
      confirm: { title: t('community.archiveTitle'), body: t('community.archiveBody', { name: community.name }), confirm: t('community.archive') },
    }));
  $('archive-hint').textContent = t(community.archivedAt ? 'community.restoreHint' : 'community.archiveHint');
}

export function watchTools(page) {
  addCommunityFields($('edit-form'), 'e');
  $('edit-form').addEventListener('submit', (event) => saveEdit(page, event));
  $('edit-box').addEventListener('toggle', () => {
    if ($('edit-box').open && page.details) fillCommunityFields($('edit-form'), page.details.community);
  });
  $('forums-box').addEventListener('toggle', () => {
    if ($('forums-box').open && page.details) loadForums(page);
  });
}
