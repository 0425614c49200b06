import { api } from './api.js';
import { el, oneAtATime, sanitisedHtml, showLoadFailure, showStatus, signedIn } from './ui.js';
import { badge, button } from './community-actions.js';
import { hasDraft, messageBox } from './message-box.js';
import { drawTree, reach, replyToLink } from './thread-tree.js';
import { showFollow } from './thread-follow.js';
import { pageAsked, showLinkedPost } from './linked-post.js';
import { attachmentField, attachmentList, postPictures } from './post-attachments.js';

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
const page = { t: (key) => key, render: null };
let postPage = pageAsked(); // the page a link asks for, else -1: the last, with the newest posts
let quote = null;
let parent = null; // the post the reply answers, chosen with its Reply button
let landing = postPage < 0; // without a page asked for, the first draw opens the first unread
let newAfter = null; // posts after this many were new to the reader when the page opened
let firstNew = null; // where the first of them is: { seq, page, count }
let current = null; // what the last draw showed
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

// The post a reply will answer, above the reply's editor.
function showParent() {
  $('parent-box').hidden = !parent;
  if (parent) $('parent-who').textContent = page.t('discussion.replyingTo', { name: parent.author });
}

// Draws another page of the thread, then shows the post wanted there.
async function showPage(number) {
  postPage = number;
  await page.render();
}

async function jumpToFirstNew() {
  if (current.page !== firstNew.page) await showPage(firstNew.page);
  const post = current.posts.find((p) => p.seq === firstNew.seq);
  if (post) reach(post.id);
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

function postItem(post, data, me, placement = {}) {
  const { t } = page;
  // Only for a thread read before: in one never opened, every post would be new.
  const fresh = newAfter > 0 && post.seq > newAfter && post.authorId !== me;
  const accepted = data.acceptedPostId === post.id;
  const item = el('li', undefined, `post mb-3${fresh ? ' new-post' : ''}${accepted ? ' accepted' : ''}`);
  item.id = `post-${post.id}`;
  const box = el('div', undefined, `card${post.hidden ? ' hidden-post border-secondary' : ''}`);
  const card = el('div', undefined, 'card-body');
  const head = header(post, t);
  if (fresh) head.append(badge(t('discussion.newBadge'), 'text-bg-primary'));
  if (accepted) head.append(badge(t('discussion.accepted'), 'text-bg-success'));
  card.append(head);
  if (placement.inReplyTo) card.append(replyToLink(placement.inReplyTo, t, { page: data.page, go: showPage }));
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
    const answer = el('button', t('discussion.answer'), 'btn btn-sm btn-outline-primary');
    answer.type = 'button';
    answer.setAttribute('aria-label', t('discussion.answerTo', { name: post.authorName }));
    answer.addEventListener('click', () => {
      parent = { id: post.id, author: post.authorName };
      showParent();
      $('reply').scrollIntoView({ block: 'start' });
      replyBox?.focus();
    });
    actions.append(answer);
    actions.append(button(page, t('discussion.quote'), async () => {
      const selected = String(window.getSelection() ?? '').trim();
      // A post with maths is quoted as its writer typed it (TeX, not the drawn symbols).
      const whole = (body.classList.contains('with-maths') ? (await import('./maths.js')).typedText(body) : body.innerText).trim();
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
  if (data.canAccept && post.seq > 1 && !post.hidden) {
    actions.append(button(page, accepted ? t('discussion.unaccept') : t('discussion.accept'),
      () => api('PUT', `/api/v1/posts/${post.id}/accepted`, { value: !accepted }), { status, secondary: true }));
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
  box.append(card);
  item.append(box);
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
  box.focus();
}

async function draw() {
  const { hub, t } = await signedIn();
  page.t = t;
  // The first draw asks for the page of the first unread post, as the page's head already did.
  const query = landing ? '?unread=true' : postPage >= 0 ? `?page=${postPage}` : '';
  const data = await api('GET', `/api/v1/threads/${encodeURIComponent(id)}${query}`);
  postPage = data.page;
  current = data;
  if (newAfter === null) {
    newAfter = data.seenBefore;
    const count = data.thread.postCount - data.seenBefore;
    if (count > 0 && data.seenBefore > 0) {
      firstNew = { seq: data.seenBefore + 1, page: Math.floor(data.seenBefore / data.postsPerPage), count };
    }
  }
  const { thread } = data;
  document.title = `${thread.title} – ${t('app.name')}`;
  $('title').textContent = thread.title;
  $('pinned-badge').hidden = !thread.pinned;
  $('community-link').textContent = data.communityName;
  $('community-link').href = `/community?id=${encodeURIComponent(thread.communityId)}`;
  // A prompt's thread also has its prompt page (journal, evidence, who answered).
  $('prompt-link').hidden = !data.prompt;
  $('prompt-page').href = `/prompt?thread=${encodeURIComponent(id)}`;
  drawTree($('posts'), data, (post, placement) => postItem(post, data, hub.me.lmsUserId, placement));
  $('first-unread').hidden = !firstNew;
  if (firstNew) $('first-unread').textContent = t('discussion.firstUnread', { count: firstNew.count });
  showFollow(page, data);
  const status = $('moderation-status');
  const nav = [];
  if (data.page > 0) nav.push(button(page, t('discussion.earlier'), () => { postPage = data.page - 1; }, { status, secondary: true }));
  if (data.page + 1 < data.pages) nav.push(button(page, t('discussion.later'), () => { postPage = data.page + 1; }, { status, secondary: true }));
  $('pages').replaceChildren(...nav);
  $('moderation').replaceChildren(...(data.canModerate
    ? [button(page, thread.pinned ? t('discussion.unpin') : t('discussion.pin'),
      () => api('PUT', `/api/v1/threads/${id}/pinned`, { value: !thread.pinned }), { status, secondary: true })]
    : []));
  $('toolbar').hidden = nav.length === 0 && !data.canModerate && !firstNew;
  $('reply').hidden = !data.canReply;
  if (data.canReply && !replyBox) {
    replyBox = messageBox($('reply-body'), t, {
      mentions: thread.communityId,
      pictures: postPictures(thread.communityId, t, $('reply-status')),
    });
    replyFiles = attachmentField($('reply-files'), thread.communityId, t);
  }
  showQuote();
  showParent();
  if (landing) {
    landing = false;
    // Not awaited: a draw cannot wait for the next one (see oneAtATime).
    if (location.hash === '#first-unread' && firstNew) jumpToFirstNew().catch(showLoadFailure);
  }
}

page.render = oneAtATime(draw);

$('first-unread').addEventListener('click', (event) => {
  event.preventDefault();
  jumpToFirstNew().catch(showLoadFailure);
});

$('drop-parent').addEventListener('click', () => {
  parent = null;
  showParent();
});

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
    if (parent) body.parentId = parent.id;
    const posted = await api('POST', `/api/v1/threads/${id}/posts`, body);
    replyBox.clear();
    replyFiles.clear();
    quote = null;
    parent = null;
    postPage = -1;
    await page.render();
    reach(posted.id);
    showStatus($('reply-status'), t('discussion.posted'));
  } catch (error) {
    showStatus($('reply-status'), t('form.failed', { reason: t.error(error) }), { error: true });
  } finally {
    submit.disabled = false;
  }
});

page.render().then(showLinkedPost).catch(showLoadFailure);
