import { api } from './api.js';
import { badge, clearErrors, fileSize, showError, showFailure, usesAndRating } from './bank-ui.js';
import { addVisibilityChoices, fileOrLink } from './resource-fields.js';
import { el, oneAtATime, sanitisedHtml, showLoadFailure, showStatus, signedIn, webAddress } from './ui.js';

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
const path = `/api/v1/resources/${encodeURIComponent(id)}`;
let t = (key) => key;
let view = null;

function fileUrl(version) {
  return `${path}/versions/${version.version}/file`;
}

function fact(term, value) {
  if (!value) return [];
  return [el('dt', term, 'col-sm-3 col-lg-2 fw-semibold'), el('dd', value, 'col-sm-9 col-lg-10 text-break mb-1')];
}

function drawSummary(r) {
  document.title = `${r.title} – ${t('app.name')}`;
  $('title').textContent = r.title;
  $('description').replaceChildren(...(r.description ? [sanitisedHtml(r.description)] : []));
  $('description').hidden = !r.description;
  $('community-page-link').textContent = view.communityName ?? '';
  $('community-page-link').href = `/community?id=${encodeURIComponent(r.communityId)}`;
  $('community-crumb').hidden = !view.communityName;
  $('community-link').href = `/bank?community=${encodeURIComponent(r.communityId)}`;
  const badges = [badge(t(`kind.${r.kind}`), 'text-bg-primary'), badge(t(`licence.${r.licence}`)),
    badge(t(`visibility.${r.visibility}`))];
  for (const tag of r.tags) badges.push(badge(`#${tag}`, 'text-bg-secondary'));
  $('badges').replaceChildren(...badges);
  const adaptedFrom = [];
  if (r.adaptedFrom) {
    const link = el('a', t('resource.original'));
    link.href = `/resource?id=${encodeURIComponent(r.adaptedFrom)}`;
    adaptedFrom.push(el('dt', t('resource.adaptedFrom'), 'col-sm-3 col-lg-2 fw-semibold'));
    const dd = el('dd', undefined, 'col-sm-9 col-lg-10 mb-1');
    dd.append(link);
    adaptedFrom.push(dd);
  }
  $('facts').replaceChildren(
    ...fact(t('bank.subjects'), t.list(r.subjects)),
    ...fact(t('bank.cycles'), t.list(r.cycles)),
    ...fact(t('resource.authors'), t.list(r.authors)),
    ...fact(t('bank.language'), r.language),
    ...fact(t('resource.added'), t.date(r.createdAt)),
    ...adaptedFrom,
  );
  const c = r.counts;
  $('counts').textContent = [...usesAndRating(t, c), t('resource.commentCount', { count: c.comments }),
    t('resource.adaptationCount', { count: c.adaptations })].join(' · ');
  $('newer').hidden = !view.newerThanMine;
  const current = view.versions[view.versions.length - 1];
  const download = $('download');
  // A link stored before links were checked and not a web address gets no button: the versions
  // list shows it as text.
  download.hidden = !current || (current.url && !webAddress(current.url));
  if (current?.url) {
    download.href = webAddress(current.url) ?? '#';
    download.rel = 'noopener noreferrer';
    download.target = '_blank';
    download.textContent = t('resource.openLink');
  } else if (current) {
    download.href = fileUrl(current);
    download.removeAttribute('target');
    download.textContent = t('resource.download', { size: fileSize(t, current.sizeBytes) });
  }
  $('adapt').href = `/bank?community=${encodeURIComponent(r.communityId)}&adapt=${encodeURIComponent(id)}`;
}

function versionItem(v, current) {
  const item = el('li', undefined, 'list-group-item');
  const top = el('div', undefined, 'd-flex flex-wrap align-items-baseline column-gap-2');
  top.append(el('span', t('resource.version', { number: v.version }), 'fw-semibold'));
  if (v.version === current) top.append(badge(t('resource.current'), 'text-bg-success'));
  top.append(el('span', t.date(v.createdAt), 'small text-body-secondary'));
  item.append(top);
  if (v.note) item.append(el('p', v.note, 'mb-1 text-break'));
  const address = v.url && webAddress(v.url);
  const link = el(v.url && !address ? 'span' : 'a', undefined, 'text-break');
  if (v.url && !address) {
    link.textContent = v.url;
  } else if (v.url) {
    link.href = address;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    link.textContent = v.url;
  } else {
    link.href = fileUrl(v);
    link.textContent = t('resource.downloadFile', { name: v.fileName, size: fileSize(t, v.sizeBytes) });
  }
  item.append(link);
  return item;
}

function useItem(use) {
  const item = el('li', undefined, 'list-group-item px-0');
  const top = el('div', undefined, 'd-flex flex-wrap align-items-baseline column-gap-2');
  top.append(el('span', use.name ?? t('resource.someone'), 'fw-semibold'),
    el('span', t.date(use.usedAt), 'small text-body-secondary'),
    el('span', t('resource.version', { number: use.version }), 'small text-body-secondary'));
  item.append(top);
  if (use.note) item.append(el('p', use.note, 'mb-0 text-break pre-line'));
  return item;
}

function commentItem(comment) {
  const item = el('li', undefined, 'list-group-item');
  const top = el('div', undefined, 'd-flex flex-wrap align-items-baseline column-gap-2');
  top.append(el('span', comment.authorName, 'fw-semibold'), el('span', t.date(comment.createdAt), 'small text-body-secondary'));
  item.append(top, el('p', comment.body, 'mb-0 text-break pre-line'));
  return item;
}

function drawFeedback(hub) {
  const mine = view.uses.find((u) => u.lmsUserId === hub.me.lmsUserId);
  $('my-use').hidden = !mine;
  $('my-use').textContent = mine ? t('resource.myUse', { date: t.date(mine.usedAt) }) : '';
  $('use-button').textContent = t(mine ? 'resource.updateUse' : 'resource.used');
  if (mine && document.activeElement !== $('use-note')) $('use-note').value = mine.note;
  $('uses').replaceChildren(...view.uses.map(useItem));
  if (view.uses.length === 0) $('uses').append(el('li', t('resource.noUses'), 'list-group-item px-0 text-body-secondary'));
  for (const radio of $('rating').querySelectorAll('input')) radio.checked = Number(radio.value) === view.myRating;
  $('comments').replaceChildren(...view.comments.map(commentItem));
  if (view.comments.length === 0) $('comments').append(el('li', t('resource.noComments'), 'list-group-item text-body-secondary'));
}

async function drawTools(hub, r) {
  $('author-tools').hidden = !view.canEdit;
  if (!view.canEdit) return;
  const radio = $(`visibility-${r.visibility}`);
  if (radio) radio.checked = true;
  const author = r.createdBy === hub.me.lmsUserId || hub.me.role === 'admin';
  $('share-form').hidden = !author;
  if (!author) return;
  const communities = await api('GET', '/api/v1/communities');
  const names = new Map(communities.map((d) => [d.community.id, d.community.name]));
  const shared = view.sharedWith.map((c) => names.get(c)).filter((name) => name);
  $('shared-with').hidden = shared.length === 0;
  $('shared-with').textContent = t('resource.sharedWith', { names: t.list(shared) });
  const targets = communities.filter((d) => d.mine?.status === 'active' && !d.community.archivedAt
    && d.community.id !== r.communityId && !view.sharedWith.includes(d.community.id));
  $('share').replaceChildren(...targets.map((d) => new Option(d.community.name, d.community.id)));
  $('share-row').hidden = targets.length === 0;
  $('share-none').hidden = targets.length > 0;
}

async function draw() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  if ($('rating').childElementCount === 0) drawStars();
  view = await api('GET', path);
  const r = view.resource;
  drawSummary(r);
  const current = r.currentVersion;
  $('versions').replaceChildren(...[...view.versions].reverse().map((v) => versionItem(v, current)));
  drawFeedback(hub);
  await drawTools(hub, r);
}

const render = oneAtATime(draw);

// Runs an action, redraws, then says how it went in the status element under its control.
async function act(status, action, done, fields = {}) {
  showStatus(status, '');
  try {
    await action();
    await render();
    showStatus(status, t(done));
    return true;
  } catch (error) {
    showFailure(t, error, { fields, status });
    return false;
  }
}

function drawStars() {
  $('rating').replaceChildren(...[1, 2, 3, 4, 5].map((stars) => {
    const check = el('div', undefined, 'form-check');
    const input = el('input', undefined, 'form-check-input');
    input.type = 'radio';
    input.name = 'stars';
    input.id = `stars-${stars}`;
    input.value = String(stars);
    const label = el('label', t('resource.stars', { count: stars }), 'form-check-label');
    label.htmlFor = input.id;
    check.append(input, label);
    input.addEventListener('change', () => {
      act($('rating-status'), () => api('PUT', `${path}/rating`, { stars }), 'resource.rated');
    });
    return check;
  }));
}

$('use').addEventListener('submit', (event) => {
  event.preventDefault();
  clearErrors($('use'));
  act($('use-status'), () => api('POST', `${path}/uses`, { note: $('use-note').value }), 'resource.thanks',
    { note: $('use-note') });
});

$('comment').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors($('comment'));
  if (!$('comment-text').value.trim()) {
    showError($('comment-text'), t('resource.writeComment'));
    return;
  }
  const text = $('comment-text').value;
  const sent = await act($('comment-status'), () => api('POST', `${path}/comments`, { text }), 'resource.commented',
    { text: $('comment-text') });
  if (sent) $('comment-text').value = '';
});

const source = fileOrLink('v', { quietLegend: true });
$('version').querySelector('h3').after(source.parts);
addVisibilityChoices($('visibility'), 'visibility');

$('version').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors($('version'));
  showStatus($('version-status'), '');
  if (source.missing(t)) return;
  const body = { note: $('v-note').value };
  if (!(await source.addTo(body, t))) return;
  const added = await act($('version-status'), () => api('POST', `${path}/versions`, body), 'resource.versionAdded',
    { ...source.fields, note: $('v-note') });
  source.hideProgress();
  if (added) $('version').reset();
  source.show();
});

$('visibility-form').addEventListener('change', () => {
  const visibility = $('visibility-form').querySelector('input:checked').value;
  act($('visibility-status'), () => api('PUT', `${path}/visibility`, { visibility }), 'resource.saved');
});

$('share-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const communityId = $('share').value;
  act($('share-status'), () => api('POST', `${path}/shares`, { communityId }), 'resource.shared');
});

// Without a forum chosen for the community's course, the reason says so and the way to the
// community page, where facilitators choose it, is given.
$('forum-button').addEventListener('click', async () => {
  const status = $('forum-status');
  showStatus(status, '');
  $('forum-button').disabled = true;
  try {
    const posting = await api('POST', `${path}/forum-posts`);
    showStatus(status, posting.forums > 0 ? t('resource.toForumQueued', { count: posting.forums }) : t('resource.toForumAlready'));
  } catch (error) {
    showStatus(status, t.error(error), { error: true });
    if (error.reason === 'no_forum_chosen' || error.status === 409) {
      const way = el('a', t('resource.chooseForum'), 'd-block fw-normal mt-1');
      way.href = `/community?id=${encodeURIComponent(view.resource.communityId)}`;
      status.append(way);
    }
  } finally {
    $('forum-button').disabled = false;
  }
});

render().catch((error) => showLoadFailure(error, typeof t.error === 'function' ? t : undefined));
