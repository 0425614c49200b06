import { api } from './api.js';
import { actionButton, oneAtATime, showLoadFailure, signedIn } from './ui.js';
import { paragraphs, when } from './text.js';

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
let t = (key) => key;
let locale = 'en';
let page = -1; // the last page, where the newest posts are
let quote = null;

function button(label, action, secondary = true) {
  return actionButton(label, action, {
    secondary,
    redraw: render,
    failed: (error) => { $('status').textContent = t('community.failed', { reason: error.message }); },
  });
}

function showQuote() {
  $('quote-preview').hidden = !quote;
  $('quote-actions').hidden = !quote;
  if (!quote) return;
  $('quote-preview').textContent = `${quote.author}: ${quote.text}`;
  const drop = document.createElement('button');
  drop.type = 'button';
  drop.className = 'secondary';
  drop.textContent = t('discussion.dropQuote');
  drop.addEventListener('click', () => { quote = null; showQuote(); });
  $('quote-actions').replaceChildren(drop);
}

function postItem(post, data, me) {
  const item = document.createElement('li');
  item.className = post.hidden ? 'post hidden-post' : 'post';
  item.id = `post-${post.id}`;
  const head = document.createElement('p');
  head.className = 'meta';
  const origin = post.origin === 'LMS' ? ` · ${t('discussion.fromMoodle')}` : '';
  const edited = post.editedAt ? ` · ${t('discussion.edited')}` : '';
  head.textContent = `${post.authorName} · ${when(post.createdAt, locale)}${origin}${edited}`;
  item.append(head);
  if (post.quote) {
    const q = document.createElement('blockquote');
    q.textContent = post.quote.text;
    item.append(q);
  }
  const body = document.createElement('div');
  body.className = 'body';
  if (post.body == null) {
    body.textContent = t('discussion.hiddenPost');
  } else {
    // Bodies are sanitised by the server to a small HTML subset before they are stored.
    body.innerHTML = post.body;
  }
  item.append(body);
  const actions = document.createElement('p');
  actions.className = 'actions';
  if (post.seq > 1) {
    const helped = document.createElement('span');
    helped.className = 'helped';
    helped.textContent = t('discussion.helpedCount', { count: post.helped });
    actions.append(helped);
  }
  if (data.canReply && post.body != null) {
    actions.append(button(t('discussion.quote'), async () => {
      const selected = String(window.getSelection() ?? '').trim();
      const whole = body.innerText.trim();
      const text = selected && whole.includes(selected) ? selected : whole.slice(0, 300);
      quote = { postId: post.id, text, author: post.authorName };
      $('reply-body').focus();
    }));
    if (post.seq > 1 && post.authorId !== me) {
      actions.append(button(post.helpedByMe ? t('discussion.notHelped') : t('discussion.helped'),
        () => api('PUT', `/api/v1/posts/${post.id}/helped`, { value: !post.helpedByMe })));
    }
  }
  if (post.editableUntil && post.body != null) {
    actions.append(button(t('discussion.edit'), () => edit(post, item, body)));
  }
  if (data.canModerate) {
    actions.append(button(post.hidden ? t('discussion.show') : t('discussion.hide'),
      () => api('PUT', `/api/v1/posts/${post.id}/hidden`, { value: !post.hidden })));
  }
  item.append(actions);
  return item;
}

function edit(post, item, body) {
  const form = document.createElement('form');
  form.className = 'stack';
  const label = document.createElement('label');
  label.textContent = t('discussion.body');
  label.htmlFor = `edit-${post.id}`;
  const area = document.createElement('textarea');
  area.id = `edit-${post.id}`;
  area.rows = 5;
  area.value = body.innerText;
  const save = document.createElement('button');
  save.type = 'submit';
  save.textContent = t('discussion.save');
  form.append(label, area, save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('PUT', `/api/v1/posts/${post.id}`, { body: paragraphs(area.value) });
      await render();
    } catch (error) {
      $('status').textContent = t('community.failed', { reason: error.message });
    }
  });
  body.replaceWith(form);
  area.focus();
}

async function draw() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  locale = hub.me.locale;
  const data = await api('GET', `/api/v1/threads/${encodeURIComponent(id)}?page=${page}`);
  page = data.page;
  document.title = `${data.thread.title} – ${t('app.name')}`;
  $('title').textContent = data.thread.title;
  $('community-link').textContent = data.communityName;
  $('community-link').href = `/community?id=${encodeURIComponent(data.thread.communityId)}`;
  $('posts').replaceChildren(...data.posts.map((post) => postItem(post, data, hub.me.lmsUserId)));
  $('posts').start = data.page * 50 + 1;
  const nav = [];
  if (data.page > 0) nav.push(button(t('discussion.earlier'), () => { page = data.page - 1; }));
  if (data.page + 1 < data.pages) nav.push(button(t('discussion.later'), () => { page = data.page + 1; }));
  $('pages').replaceChildren(...nav);
  $('moderation').replaceChildren(...(data.canModerate
    ? [button(data.thread.pinned ? t('discussion.unpin') : t('discussion.pin'),
      () => api('PUT', `/api/v1/threads/${id}/pinned`, { value: !data.thread.pinned }))]
    : []));
  $('reply').hidden = !data.canReply;
  showQuote();
}

const render = oneAtATime(draw);

$('reply').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const body = { body: paragraphs($('reply-body').value) };
    if (quote) body.quote = { postId: quote.postId, text: quote.text };
    if (quote) body.parentId = quote.postId;
    await api('POST', `/api/v1/threads/${id}/posts`, body);
    $('reply-body').value = '';
    quote = null;
    page = -1;
    await render();
    $('status').textContent = t('discussion.posted');
  } catch (error) {
    $('status').textContent = t('community.failed', { reason: error.message });
  }
});

// A prompt's thread also has its prompt page (journal, evidence, who answered).
api('GET', `/api/v1/prompt-openings/${encodeURIComponent(id)}/opening`).then(() => {
  $('prompt-page').href = `/prompt?thread=${encodeURIComponent(id)}`;
  $('prompt-link').hidden = false;
}).catch(() => {});

render().catch(showLoadFailure);
