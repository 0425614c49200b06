import { api } from './api.js';
import { el, oneAtATime, sanitisedHtml, showLoadFailure, showStatus, signedIn } from './ui.js';
import { badge, button } from './community-actions.js';
import { hasDraft, messageBox } from './editor.js';
import { pageAsked, showLinkedPost } from './linked-post.js';
import { attachmentField, attachmentList, postPictures } from './post-attachments.js';

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
const page = { t: (key) => key, render: null };
let postPage = pageAsked(); // the page a link asks for, else -1: the last, with the newest posts
let quote = null;
let replyBox = null; // the reply's editor, made once the page knows its language
let replyFiles = null; // the reply's attached files

// Quoted words as paragraphs (the server keeps one line per paragraph or line break).
function quotedLines(text) {
  return text.split('\n').filter((line) => line.trim()).map((line) => el('p', line, 'mb-1'));
}

// A quote with whose words they are: "Name wrote:" above the quoted paragraphs.
function quoteFigure(q, t) {
  const figure = el('figure', undefined, 'quote-figure mb-2');
  if (q.authorName) figure.append(el('figcaption', t('discussion.wrote', { name: q.authorName }), 'small text-body-secondary mb-1'));
  const block = el('blockquote', undefined, 'quote mb-0');
  block.append(...quotedLines(q.text));
  figure.append(block);
  return figure;
}

function showQuote() {
  const { t } = page;
  $('quote-box').hidden = !quote;
  if (!quote) return;
  $('quote-who').textContent = t('discussion.wrote', { name: quote.author });
  $('quote-preview').replaceChildren(...quotedLines(quote.preview));
}

function header(post, t) {
  const head = el('div', undefined, 'd-flex flex-wrap align-items-baseline gap-2 small text-body-secondary mb-2');
  const when = el('time', t.relative(post.createdAt));
  when.dateTime = post.createdAt;
  when.title = t.date(post.createdAt);
  head.append(el('strong', post.authorName, 'text-body'), when);
  if (post.origin === 'LMS') head.append(badge(t('discussion.fromMoodle'), 'text-bg-light border'));
  if (post.editedAt) head.append(badge(t('discussion.edited'), 'text-bg-light border'));
  if (post.hidden) head.append(badge(t('discussion.hiddenBadge'), 'text-bg-secondary'));
  return head;
}

async function showHistory(post, box, status) {
  const { t } = page;
  if (!box.hidden) {
    box.hidden = true;
    return;
  }
  try {
    const history = await api('GET', `/api/v1/posts/${post.id}/history`);
    box.replaceChildren(el('h3', t('discussion.history'), 'h6'), ...history.earlier.map((revision) => {
      const item = el('div', undefined, 'border-start border-3 ps-2 mb-2');
      item.append(el('div', t('discussion.versionOf', { when: t.date(revision.writtenAt) }), 'small text-body-secondary'),
        sanitisedHtml(revision.body));
      return item;
    }));
    box.hidden = false;
  } catch (error) {
    showStatus(status, t('community.failed', { reason: t.error(error) }), { error: true });
  }
}

function postItem(post, data, me) {
  const { t } = page;
  const item = el('li', undefined, `post card mb-3${post.hidden ? ' hidden-post border-secondary' : ''}`);
  item.id = `post-${post.id}`;
  const card = el('div', undefined, 'card-body');
  card.append(header(post, t));
  if (post.quote) card.append(quoteFigure(post.quote, t));
  const body = post.body == null ? el('div', t('discussion.hiddenPost'), 'body') : sanitisedHtml(post.body);
  card.append(body);
  if (post.attachments?.length) card.append(attachmentList(post, t, { canSave: data.canReply }));
  const actions = el('div', undefined, 'd-flex flex-wrap align-items-center gap-2 mt-2');
  const status = el('p', undefined, 'small mt-2 mb-0');
  status.setAttribute('role', 'status');
  status.hidden = true;
  const history = el('div', undefined, 'mt-2');
  history.hidden = true;
  if (post.seq > 1 && post.helped > 0) actions.append(badge(t('discussion.helpedCount', { count: post.helped }), 'text-bg-light border helped'));
  if (data.canReply && post.body != null) {
    actions.append(button(page, t('discussion.quote'), async () => {
      const selected = String(window.getSelection() ?? '').trim();
      const whole = body.innerText.trim();
      const chosen = selected && whole.replace(/\s+/g, ' ').includes(selected.replace(/\s+/g, ' ')) ? selected : null;
      const preview = chosen ?? (whole.length > 300 ? `${whole.slice(0, 300).trim()}…` : whole);
      quote = { postId: post.id, text: chosen, preview, author: post.authorName };
      replyBox?.focus();
    }, { status, secondary: true }));
    if (post.seq > 1 && post.authorId !== me) {
      actions.append(button(page, post.helpedByMe ? t('discussion.notHelped') : t('discussion.helped'),
        () => api('PUT', `/api/v1/posts/${post.id}/helped`, { value: !post.helpedByMe }), { status, secondary: true }));
    }
  }
  if (post.editableUntil && post.body != null) {
    // Not an action button: redrawing the page would take the form away at once.
    const change = el('button', t('discussion.edit'), 'btn btn-sm btn-outline-primary');
    change.type = 'button';
    change.addEventListener('click', () => edit(post, body, status, data.thread.communityId));
    actions.append(change);
  }
  if (post.editedAt && post.body != null) {
    const earlier = el('button', t('discussion.showHistory'), 'btn btn-link btn-sm');
    earlier.type = 'button';
    earlier.addEventListener('click', () => showHistory(post, history, status));
    actions.append(earlier);
  }
  if (data.canModerate) {
    actions.append(post.hidden
      ? button(page, t('discussion.show'), () => api('PUT', `/api/v1/posts/${post.id}/hidden`, { value: false }), { status, secondary: true })
      : button(page, t('discussion.hide'), () => api('PUT', `/api/v1/posts/${post.id}/hidden`, { value: true }), {
        status,
        danger: true,
        confirm: { title: t('discussion.hideTitle'), body: t('discussion.hideBody', { name: post.authorName }), confirm: t('discussion.hide') },
      }));
  }
  card.append(actions, status, history);
  item.append(card);
  return item;
}

// Edits a post in place, in the editor; the earlier text stays in its history.
function edit(post, body, status, communityId) {
  const { t } = page;
  const form = el('form', undefined, 'mb-2');
  const label = el('label', t('discussion.body'), 'form-label');
  label.htmlFor = `edit-${post.id}`;
  const area = el('textarea', undefined, 'form-control mb-2');
  area.id = `edit-${post.id}`;
  area.rows = 5;
  area.required = true;
  const actions = el('div', undefined, 'mt-2');
  const save = el('button', t('discussion.save'), 'btn btn-primary btn-sm me-2');
  save.type = 'submit';
  const cancel = el('button', t('action.cancel'), 'btn btn-outline-secondary btn-sm');
  cancel.type = 'button';
  actions.append(save, cancel);
  form.append(label, area, actions);
  body.replaceWith(form);
  const restored = hasDraft(area);
  const box = messageBox(area, t, { mentions: communityId });
  if (!restored) box.setHtml(post.body);
  cancel.addEventListener('click', () => {
    box.clear();
    box.remove();
    form.replaceWith(body);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (box.empty()) {
      showStatus(status, t('editor.empty'), { error: true });
      box.focus();
      return;
    }
    save.disabled = true;
    try {
      await api('PUT', `/api/v1/posts/${post.id}`, { body: box.html() });
      box.clear();
      box.remove();
      await page.render();
    } catch (error) {
      save.disabled = false;
      showStatus(status, t('form.failed', { reason: t.error(error) }), { error: true });
    }
  });
  box.ready.then(() => box.focus());
}

async function draw() {
  const { hub, t } = await signedIn();
  page.t = t;
  const data = await api('GET', `/api/v1/threads/${encodeURIComponent(id)}${postPage >= 0 ? `?page=${postPage}` : ''}`);
  postPage = data.page;
  const { thread } = data;
  document.title = `${thread.title} – ${t('app.name')}`;
  $('title').textContent = thread.title;
  $('pinned-badge').hidden = !thread.pinned;
  $('community-link').textContent = data.communityName;
  $('community-link').href = `/community?id=${encodeURIComponent(thread.communityId)}`;
  // A prompt's thread also has its prompt page (journal, evidence, who answered).
  $('prompt-link').hidden = !data.prompt;
  $('prompt-page').href = `/prompt?thread=${encodeURIComponent(id)}`;
  $('posts').replaceChildren(...data.posts.map((post) => postItem(post, data, hub.me.lmsUserId)));
  const status = $('moderation-status');
  const nav = [];
  if (data.page > 0) nav.push(button(page, t('discussion.earlier'), () => { postPage = data.page - 1; }, { status, secondary: true }));
  if (data.page + 1 < data.pages) nav.push(button(page, t('discussion.later'), () => { postPage = data.page + 1; }, { status, secondary: true }));
  $('pages').replaceChildren(...nav);
  $('moderation').replaceChildren(...(data.canModerate
    ? [button(page, thread.pinned ? t('discussion.unpin') : t('discussion.pin'),
      () => api('PUT', `/api/v1/threads/${id}/pinned`, { value: !thread.pinned }), { status, secondary: true })]
    : []));
  $('toolbar').hidden = nav.length === 0 && !data.canModerate;
  $('reply').hidden = !data.canReply;
  if (data.canReply && !replyBox) {
    replyBox = messageBox($('reply-body'), t, {
      mentions: thread.communityId,
      pictures: postPictures(thread.communityId, t, $('reply-status')),
    });
    replyFiles = attachmentField($('reply-files'), thread.communityId, t);
  }
  showQuote();
}

page.render = oneAtATime(draw);

$('drop-quote').addEventListener('click', () => {
  quote = null;
  showQuote();
});

$('reply').addEventListener('submit', async (event) => {
  event.preventDefault();
  const { t } = page;
  const submit = event.target.querySelector('button[type=submit]');
  if (replyBox.empty()) {
    showStatus($('reply-status'), t('editor.empty'), { error: true });
    replyBox.focus();
    return;
  }
  if (replyFiles.busy()) {
    showStatus($('reply-status'), t('post.stillSending'), { error: true });
    return;
  }
  submit.disabled = true;
  try {
    const body = { body: replyBox.html(), attachments: replyFiles.ids() };
    if (quote) {
      body.quote = quote.text ? { postId: quote.postId, text: quote.text } : { postId: quote.postId };
      body.parentId = quote.postId;
    }
    await api('POST', `/api/v1/threads/${id}/posts`, body);
    replyBox.clear();
    replyFiles.clear();
    quote = null;
    postPage = -1;
    await page.render();
    showStatus($('reply-status'), t('discussion.posted'));
  } catch (error) {
    showStatus($('reply-status'), t('form.failed', { reason: t.error(error) }), { error: true });
  } finally {
    submit.disabled = false;
  }
});

page.render().then(showLinkedPost).catch(showLoadFailure);
