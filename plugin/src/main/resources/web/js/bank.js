import { api, apiError, list, prefetch } from './api.js';
import { badge, clearErrors, fileSize, showError, showFailure, usesAndRating } from './bank-ui.js';
import { addVisibilityChoices, fileOrLink } from './resource-fields.js';
import { hideProgress, setProgress } from './upload.js';
import { el, showLoadFailure, showStatus, signedIn } from './ui.js';
import { hasDraft, messageBox } from './message-box.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const community = params.get('community');
const adapt = params.get('adapt');
let t = (key) => key;
let page = 0;

const source = fileOrLink('r', { fileHelp: true });
$('add').prepend(source.parts);
addVisibilityChoices($('r-visibility'), 'r-visibility', { checked: 'community' });

// The add form offers the filters' types and licences, without "any", in the same order.
for (const [from, to] of [['f-kind', 'r-kind'], ['f-licence', 'r-licence']]) {
  $(to).replaceChildren(...[...$(from).options].filter((o) => o.value).map((o) => o.cloneNode(true)));
}
$('r-licence').value = 'cc_by_sa';
$('r-kind').value = 'other';

function resultItem({ resource, highlights }) {
  const item = el('li', undefined, 'list-group-item');
  const top = el('div', undefined, 'd-flex flex-wrap justify-content-between align-items-baseline column-gap-3');
  const link = el('a', resource.title, 'fw-semibold text-break');
  link.href = `/resource?id=${encodeURIComponent(resource.id)}`;
  top.append(link, el('span', usesAndRating(t, resource.counts).join(' · '), 'small text-body-secondary'));
  const badges = el('div', undefined, 'd-flex flex-wrap gap-1 mt-1');
  badges.append(badge(t(`kind.${resource.kind}`), 'text-bg-primary'));
  for (const value of [...resource.subjects, ...resource.cycles]) badges.append(badge(value));
  for (const tag of resource.tags) badges.append(badge(`#${tag}`, 'text-bg-secondary'));
  item.append(top, badges);
  for (const field of ['description', 'tags', 'text']) {
    if (highlights[field]) {
      const snippet = el('p', undefined, 'snippet small text-body-secondary text-break mb-0 mt-1');
      // Highlights are escaped by the server; only <mark> is added.
      snippet.innerHTML = `… ${highlights[field]} …`;
      item.append(snippet);
    }
  }
  return item;
}

// The search the form asks for.
function searchQuery() {
  const query = new URLSearchParams();
  for (const [name, id] of [['q', 'q'], ['kind', 'f-kind'], ['subject', 'f-subject'], ['cycle', 'f-cycle'],
    ['language', 'f-language'], ['licence', 'f-licence'], ['sort', 'f-sort']]) {
    const value = $(id).value.trim();
    if (value) query.set(name, value);
  }
  if (community) query.set('community', community);
  query.set('page', page);
  return query;
}

async function search() {
  const query = searchQuery();
  const found = await api('GET', `/api/v1/resources?${query}`);
  showStatus($('search-status'), '');
  $('total').textContent = t('bank.total', { count: found.total });
  $('results').replaceChildren(...found.results.map(resultItem));
  if (found.results.length === 0) {
    // An empty bank invites the first resource; an empty search says nothing matched.
    const searched = [...query.keys()].some((name) => !['community', 'page', 'sort'].includes(name));
    $('results').append(el('li', t(searched ? 'bank.none' : 'bank.empty'), 'list-group-item text-body-secondary'));
  }
  const pages = Math.ceil(found.total / found.pageSize);
  const nav = [];
  for (const [label, target] of [[t('bank.previous'), page - 1], [t('bank.next'), page + 1]]) {
    if (target >= 0 && target < pages) {
      const b = el('button', label, 'btn btn-sm btn-outline-secondary');
      b.type = 'button';
      b.addEventListener('click', () => { page = target; search().catch(searchFailed); });
      nav.push(b);
    }
  }
  if (pages > 1) nav.push(el('span', t('bank.page', { page: page + 1, pages }), 'small text-body-secondary align-self-center'));
  $('pages').replaceChildren(...nav);
}

function searchFailed(error) {
  showFailure(t, error, { status: $('search-status') });
}

function courseName(hub, course) {
  return hub.course?.id === course ? hub.course.title : course;
}

async function start() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  $('r-language').value = t.lang;
  if (community) {
    const details = await api('GET', `/api/v1/communities/${encodeURIComponent(community)}`);
    const name = details.community.name;
    document.title = `${t('bank.of', { name })} – ${t('app.name')}`;
    $('heading').textContent = t('bank.of', { name });
    $('community-link').textContent = name;
    $('community-link').href = `/community?id=${encodeURIComponent(community)}`;
    $('community-crumb').hidden = false;
    const active = details.mine?.status === 'active';
    const open = !details.community.archivedAt;
    $('add-box').hidden = !active || !open;
    if (!$('add-box').hidden) startDescription();
    $('import-box').hidden = !(active && details.mine.role === 'facilitator' && open);
    $('import-course').replaceChildren(...details.community.courseIds
      .map((course) => new Option(courseName(hub, course), course)));
    const exporter = active || hub.me.role === 'admin';
    $('export-link').hidden = !exporter;
    $('export-link').href = `/api/v1/resources/export?community=${encodeURIComponent(community)}`;
    $('bank-actions').hidden = !exporter;
    if (adapt) {
      const source = await api('GET', `/api/v1/resources/${encodeURIComponent(adapt)}`);
      $('add-box').open = true;
      $('r-title').value = t('bank.adaptationOf', { title: source.resource.title });
    }
  }
  await search();
}

$('search').addEventListener('submit', (event) => {
  event.preventDefault();
  page = 0;
  search().catch(searchFailed);
});

// A chosen file names the resource until the person gives it a title of their own.
let titleFromFile = '';
source.file.addEventListener('change', () => {
  const file = source.file.files[0];
  const title = $('r-title').value.trim();
  if (file && (!title || title === titleFromFile)) {
    titleFromFile = file.name.replace(/\.[^.]+$/, '');
    $('r-title').value = titleFromFile;
  }
});

const addFields = {
  ...source.fields, title: $('r-title'), description: $('r-description'),
  subjects: $('r-subjects'), cycles: $('r-cycles'), tags: $('r-tags'), language: $('r-language'),
};

$('add').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = $('add');
  clearErrors(form);
  showStatus($('add-status'), '');
  if (source.missing(t)) return;
  if (!$('r-title').value.trim()) return showError($('r-title'), t('bank.giveTitle'));
  const submit = form.querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    const body = {
      communityId: community,
      title: $('r-title').value,
      description: descriptionBox && !descriptionBox.empty() ? descriptionBox.html() : '',
      kind: $('r-kind').value,
      subjects: list($('r-subjects').value),
      cycles: list($('r-cycles').value),
      tags: list($('r-tags').value),
      language: $('r-language').value,
      licence: $('r-licence').value,
      visibility: form.querySelector('input[name=r-visibility]:checked').value,
    };
    if (adapt) body.adaptedFrom = adapt;
    if (!(await source.addTo(body, t))) return;
    const created = await api('POST', '/api/v1/resources', body);
    descriptionBox?.clear();
    location.href = `/resource?id=${encodeURIComponent(created.id)}`;
  } catch (error) {
    source.hideProgress();
    showFailure(t, error, { fields: addFields, status: $('add-status') });
  } finally {
    submit.disabled = false;
  }
});

let descriptionBox = null;
let descriptionWatched = false;

// The description's editor starts when the form opens; an unsent draft opens it at once.
function startDescription() {
  const start = () => { descriptionBox ??= messageBox($('r-description'), t); };
  if ($('add-box').open || hasDraft($('r-description'))) {
    $('add-box').open = true;
    start();
  } else if (!descriptionWatched) {
    descriptionWatched = true;
    $('add-box').addEventListener('toggle', start, { once: true });
  }
}

let listed = [];

function importItem(file, index) {
  const item = el('li', undefined, 'list-group-item');
  const check = el('div', undefined, 'form-check mb-0');
  const box = el('input', undefined, 'form-check-input');
  box.type = 'checkbox';
  box.id = `import-${index}`;
  box.value = String(index);
  const label = el('label', undefined, 'form-check-label text-break');
  label.htmlFor = box.id;
  label.append(el('span', file.fileName, 'fw-semibold'), el('br'),
    el('span', `${file.module} · ${fileSize(t, file.size)}`, 'small text-body-secondary'));
  check.append(box, label);
  item.append(check);
  return item;
}

$('import-list').addEventListener('submit', async (event) => {
  event.preventDefault();
  showStatus($('import-list-status'), '');
  $('import-outcomes').hidden = true;
  try {
    const query = new URLSearchParams({ community, course: $('import-course').value });
    listed = await api('GET', `/api/v1/imports/moodle/files?${query}`);
    $('import-files').replaceChildren(...listed.map(importItem));
    $('import-all').checked = false;
    $('import').hidden = listed.length === 0;
    hideProgress($('import-progress'));
    showStatus($('import-status'), '');
    showStatus($('import-list-status'), t('bank.importListed', { count: listed.length }));
  } catch (error) {
    showFailure(t, error, { status: $('import-list-status') });
  }
});

$('import-all').addEventListener('change', () => {
  for (const box of $('import-files').querySelectorAll('input[type=checkbox]')) box.checked = $('import-all').checked;
});

// One file's outcome: the resource made, or why not (an API error, translated).
function outcomeItem(outcome, failure) {
  const item = el('li', undefined, 'list-group-item d-flex flex-wrap column-gap-2');
  if (outcome.resourceId) {
    const link = el('a', outcome.fileName, 'text-break');
    link.href = `/resource?id=${encodeURIComponent(outcome.resourceId)}`;
    item.append(el('span', '✓', 'text-success'), link, el('span', t('bank.importDone'), 'text-body-secondary'));
  } else {
    item.append(el('span', '✗', 'text-danger'), el('span', outcome.fileName, 'text-break'),
      el('span', t.error(failure), 'text-danger w-100'));
  }
  return item;
}

// Files come in one at a time, so the bar shows how many are done; a failure stops only its file.
$('import').addEventListener('submit', async (event) => {
  event.preventDefault();
  const picked = [...$('import-files').querySelectorAll('input:checked')]
    .map((box) => listed[Number(box.value)]);
  if (picked.length === 0) {
    showStatus($('import-status'), t('bank.importNone'), { error: true });
    return;
  }
  const submit = $('import').querySelector('button[type=submit]');
  submit.disabled = true;
  $('import-outcomes').replaceChildren();
  $('import-outcomes').hidden = false;
  showStatus($('import-status'), '');
  const outcomes = [];
  try {
    for (const [index, file] of picked.entries()) {
      setProgress($('import-progress'), (index / picked.length) * 100,
        t('bank.importProgressText', { done: index, total: picked.length }));
      let outcome;
      let failure = null;
      try {
        [outcome] = await api('POST', '/api/v1/imports/moodle', {
          communityId: community,
          courseId: $('import-course').value,
          files: [{ url: file.url, fileName: file.fileName, title: file.module }],
        });
      } catch (error) {
        if (error.status === 401) throw error;
        outcome = { fileName: file.fileName };
        failure = error;
      }
      if (!outcome.resourceId && !failure) failure = apiError(outcome.status ?? 0, outcome.failure);
      outcomes.push(outcome);
      $('import-outcomes').append(outcomeItem(outcome, failure));
    }
    setProgress($('import-progress'), 100, t('bank.importProgressText', { done: picked.length, total: picked.length }));
    const done = outcomes.filter((o) => o.resourceId).length;
    const failed = outcomes.length - done;
    const summary = [t('bank.importFinished', { count: done })];
    if (failed > 0) summary.push(t('bank.importFailed', { count: failed }));
    showStatus($('import-status'), summary.join(' '), { error: failed > 0 && done === 0 });
    page = 0;
    await search();
  } catch (error) {
    showFailure(t, error, { status: $('import-status') });
  } finally {
    submit.disabled = false;
  }
});

prefetch(`/api/v1/resources?${searchQuery()}`);
start().catch((error) => showLoadFailure(error, typeof t.error === 'function' ? t : undefined));
