import { api, list } from './api.js';
import { uploadFile } from './upload.js';
import { showLoadFailure, signedIn } from './ui.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const community = params.get('community');
const adapt = params.get('adapt');
let t = (key) => key;
let page = 0;

// The add form offers the filters' types and licences, without "any", in the same order.
for (const [from, to] of [['f-kind', 'r-kind'], ['f-licence', 'r-licence']]) {
  $(to).replaceChildren(...[...$(from).options].filter((o) => o.value).map((o) => o.cloneNode(true)));
}

async function search() {
  const query = new URLSearchParams();
  for (const [name, id] of [['q', 'q'], ['kind', 'f-kind'], ['subject', 'f-subject'], ['cycle', 'f-cycle'],
    ['language', 'f-language'], ['licence', 'f-licence'], ['sort', 'f-sort']]) {
    const value = $(id).value.trim();
    if (value) query.set(name, value);
  }
  if (community) query.set('community', community);
  query.set('page', page);
  const found = await api('GET', `/api/v1/resources?${query}`);
  $('total').textContent = t('bank.total', { count: found.total });
  $('results').replaceChildren(...found.results.map(({ resource, highlights }) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/resource?id=${encodeURIComponent(resource.id)}`;
    link.textContent = resource.title;
    item.append(link);
    const meta = document.createElement('p');
    meta.className = 'meta';
    const c = resource.counts;
    meta.textContent = [t(`kind.${resource.kind}`), resource.subjects.join(', '), resource.cycles.join(', '),
      t('bank.counts', { uses: c.uses, rating: c.averageRating.toFixed(1), ratings: c.ratings })].filter((x) => x).join(' · ');
    item.append(meta);
    for (const field of ['description', 'tags', 'text']) {
      if (highlights[field]) {
        const snippet = document.createElement('p');
        snippet.className = 'snippet';
        // Highlights are escaped by the server; only <mark> is added.
        snippet.innerHTML = `… ${highlights[field]} …`;
        item.append(snippet);
      }
    }
    return item;
  }));
  const nav = [];
  const pages = Math.ceil(found.total / found.pageSize);
  for (const [label, target] of [[t('bank.previous'), page - 1], [t('bank.next'), page + 1]]) {
    if (target >= 0 && target < pages) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      b.textContent = label;
      b.addEventListener('click', () => { page = target; search().catch(fail); });
      nav.push(b);
    }
  }
  $('pages').replaceChildren(...nav);
}

function fail(error) {
  $('status').textContent = t('community.failed', { reason: error.message });
}

async function start() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  if (community) {
    const details = await api('GET', `/api/v1/communities/${encodeURIComponent(community)}`);
    $('heading').textContent = t('bank.of', { name: details.community.name });
    $('community-link').textContent = details.community.name;
    $('community-link').href = `/community?id=${encodeURIComponent(community)}`;
    $('community-link').hidden = false;
    $('add-box').hidden = details.mine?.status !== 'active' || Boolean(details.community.archivedAt);
    const facilitates = details.mine?.status === 'active' && details.mine?.role === 'facilitator';
    $('import-box').hidden = !facilitates || Boolean(details.community.archivedAt);
    $('import-course').replaceChildren(...details.community.courseIds.map((course) => new Option(course, course)));
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
  search().catch(fail);
});

$('add').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const file = $('r-file').files[0];
    const body = {
      communityId: community,
      title: $('r-title').value,
      description: $('r-description').value,
      kind: $('r-kind').value,
      subjects: list($('r-subjects').value),
      cycles: list($('r-cycles').value),
      tags: list($('r-tags').value),
      language: $('r-language').value,
      licence: $('r-licence').value,
      visibility: $('r-visibility').value,
    };
    if (adapt) body.adaptedFrom = adapt;
    if (file) {
      body.uploadId = (await uploadFile(file, $('progress'))).uploadId;
    } else {
      body.url = $('r-url').value;
    }
    const created = await api('POST', '/api/v1/resources', body);
    location.href = `/resource?id=${encodeURIComponent(created.id)}`;
  } catch (error) {
    fail(error);
  }
});

let listed = [];

$('import-list').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const query = new URLSearchParams({ community, course: $('import-course').value });
    listed = await api('GET', `/api/v1/imports/moodle/files?${query}`);
    $('import-files').replaceChildren(...listed.map((file, index) => {
      const item = document.createElement('li');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = `import-${index}`;
      box.value = String(index);
      const label = document.createElement('label');
      label.htmlFor = box.id;
      label.textContent = `${file.module} — ${file.fileName} (${Math.max(1, Math.round(file.size / 1024))} KiB)`;
      item.append(box, label);
      return item;
    }));
    $('import').hidden = listed.length === 0;
    $('status').textContent = t('bank.importListed', { count: listed.length });
  } catch (error) {
    fail(error);
  }
});

$('import').addEventListener('submit', async (event) => {
  event.preventDefault();
  const picked = [...document.querySelectorAll('#import-files input:checked')]
    .map((box) => listed[Number(box.value)])
    .map((file) => ({ url: file.url, fileName: file.fileName, title: file.module }));
  if (picked.length === 0) return;
  try {
    $('status').textContent = t('bank.importRunning', { count: picked.length });
    const outcomes = await api('POST', '/api/v1/imports/moodle', {
      communityId: community, courseId: $('import-course').value, files: picked,
    });
    $('import-outcomes').replaceChildren(...outcomes.map((o) => {
      const item = document.createElement('li');
      item.textContent = o.error ? `${o.fileName}: ${o.error}` : `${o.fileName}: ${t('bank.importDone')}`;
      return item;
    }));
    $('status').textContent = t('bank.importFinished', { count: outcomes.filter((o) => !o.error).length });
    await search();
  } catch (error) {
    fail(error);
  }
});

start().catch(showLoadFailure);
