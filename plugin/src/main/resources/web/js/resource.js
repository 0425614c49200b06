import { api } from './api.js';
import { uploadFile } from './upload.js';
import { when } from './text.js';
import { oneAtATime, showLoadFailure, signedIn } from './ui.js';

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
let t = (key) => key;
let locale = 'en';

function fail(error) {
  $('status').textContent = t('community.failed', { reason: error.message });
}

function size(bytes) {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

async function draw() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  locale = hub.me.locale;
  const view = await api('GET', `/api/v1/resources/${encodeURIComponent(id)}`);
  const r = view.resource;
  document.title = `${r.title} – ${t('app.name')}`;
  $('title').textContent = r.title;
  $('description').textContent = r.description;
  $('community-link').textContent = t('bank.of', { name: view.communityName });
  $('community-link').href = `/bank?community=${encodeURIComponent(r.communityId)}`;
  $('community-link').hidden = false;
  $('facts').textContent = [t(`kind.${r.kind}`), r.subjects.join(', '), r.cycles.join(', '), r.language,
    t(`licence.${r.licence}`), r.authors.join(', '), r.tags.join(', ')].filter((x) => x).join(' · ');
  const c = r.counts;
  $('counts').textContent = t('resource.counts', {
    uses: c.uses, rating: c.averageRating.toFixed(1), ratings: c.ratings, comments: c.comments, adaptations: c.adaptations,
  });
  $('newer').hidden = !view.newerThanMine;
  $('versions').replaceChildren(...view.versions.map((v) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    if (v.url) {
      link.href = v.url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      link.textContent = v.url;
    } else {
      link.href = `/api/v1/resources/${encodeURIComponent(id)}/versions/${v.version}/file`;
      link.textContent = `${v.fileName} (${size(v.sizeBytes)})`;
    }
    item.append(link, ` · ${when(v.createdAt, locale)}${v.note ? ` · ${v.note}` : ''}`);
    return item;
  }));
  $('versions').reversed = false;
  $('rating').value = String(view.myRating);
  $('adapt').href = `/bank?community=${encodeURIComponent(r.communityId)}&adapt=${encodeURIComponent(id)}`;
  $('comments').replaceChildren(...view.comments.map((comment) => {
    const item = document.createElement('li');
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = `${comment.authorName} · ${when(comment.createdAt, locale)}`;
    const body = document.createElement('p');
    body.textContent = comment.body;
    item.append(meta, body);
    return item;
  }));
  $('author-tools').hidden = !view.canEdit;
  if (view.canEdit) {
    $('visibility').value = r.visibility;
    const mine = (await api('GET', '/api/v1/communities')).filter((d) => d.mine?.status === 'active'
      && d.community.id !== r.communityId && !view.sharedWith.includes(d.community.id));
    $('share').replaceChildren(...mine.map((d) => new Option(d.community.name, d.community.id)));
    $('share-button').disabled = mine.length === 0;
  }
}

const render = oneAtATime(draw);

async function act(action, message) {
  try {
    await action();
    await render();
    $('status').textContent = t(message);
  } catch (error) {
    fail(error);
  }
}

$('use').addEventListener('submit', (event) => {
  event.preventDefault();
  act(() => api('POST', `/api/v1/resources/${id}/uses`, { note: $('use-note').value }), 'resource.thanks');
});
$('rating').addEventListener('change', () => {
  if ($('rating').value !== '0') act(() => api('PUT', `/api/v1/resources/${id}/rating`, { stars: Number($('rating').value) }), 'resource.thanks');
});
$('comment').addEventListener('submit', (event) => {
  event.preventDefault();
  act(async () => {
    await api('POST', `/api/v1/resources/${id}/comments`, { text: $('comment-text').value });
    $('comment-text').value = '';
  }, 'resource.thanks');
});
$('version').addEventListener('submit', (event) => {
  event.preventDefault();
  act(async () => {
    const upload = await uploadFile($('v-file').files[0], $('v-progress'));
    await api('POST', `/api/v1/resources/${id}/versions`, { uploadId: upload.uploadId, note: $('v-note').value });
  }, 'resource.saved');
});
$('visibility').addEventListener('change', () => {
  act(() => api('PUT', `/api/v1/resources/${id}/visibility`, { visibility: $('visibility').value }), 'resource.saved');
});
$('share-button').addEventListener('click', () => {
  act(() => api('POST', `/api/v1/resources/${id}/shares`, { communityId: $('share').value }), 'resource.saved');
});

$('forum-button').addEventListener('click', () => {
  act(() => api('POST', `/api/v1/resources/${id}/forum-posts`), 'resource.toForumQueued');
});

render().catch(showLoadFailure);
