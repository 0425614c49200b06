import { api } from './api.js';
import { el, showStatus } from './ui.js';
import { badge, button } from './community-actions.js';
import { hasDraft, messageBox } from './message-box.js';
import { attachmentField, postPictures } from './post-attachments.js';

const $ = (id) => document.getElementById(id);
let threadPage = 0;

function threadItem(page, { thread, unread, answered }, member) {
  const { t } = page;
  const item = el('li', undefined, `list-group-item${thread.pinned ? ' border-start border-4 border-warning' : ''}`);
  item.dataset.thread = thread.id;
  const head = el('div', undefined, 'd-flex flex-wrap align-items-center gap-2');
  const link = el('a', thread.title, 'fw-semibold text-break');
  link.href = `/thread?id=${encodeURIComponent(thread.id)}`;
  head.append(link);
  if (thread.pinned) head.append(badge(t('discussion.pinned'), 'text-bg-warning pinned'));
  if (unread > 0 && member) {
    // The count leads to the first unread post.
    const jump = el('a', t('discussion.unread', { count: unread }), 'badge rounded-pill text-bg-primary unread text-decoration-none');
    jump.href = `/thread?id=${encodeURIComponent(thread.id)}#first-unread`;
    head.append(jump);
  }
  if (answered) head.append(badge(t('discussion.answered'), 'text-bg-success answered'));
  const meta = el('div', undefined, 'small text-body-secondary');
  const when = el('time', t.relative(thread.lastPostAt));
  when.dateTime = thread.lastPostAt;
  when.title = t.date(thread.lastPostAt);
  meta.append(t('discussion.by', { author: thread.authorName }), ' · ',
    t('discussion.posts', { count: thread.postCount }), ' · ', t('discussion.last'), ' ', when);
  item.append(head, meta);
  return item;
}

export async function showDiscussions(page, details, manages) {
  const { t } = page;
  const member = details.mine?.status === 'active';
  const readable = member || manages || details.community.joining === 'open';
  $('discussions').hidden = !readable;
  if (!readable) return;
  $('new-thread-box').hidden = !member || Boolean(details.community.archivedAt);
  if (!$('new-thread-box').hidden && !page.threadBox) {
    // The editor starts when the form opens; an unsent draft (title or message) opens it at once.
    const start = () => {
      page.threadBox ??= messageBox($('thread-body'), t, {
        mentions: page.id,
        fields: [$('thread-title')],
        pictures: postPictures(page.id, t, $('new-thread-status')),
      });
      page.threadFiles ??= attachmentField($('thread-files'), page.id, t);
    };
    if (hasDraft($('thread-body')) || hasDraft($('thread-title'))) {
      $('new-thread-box').open = true;
      start();
    } else {
      $('new-thread-box').addEventListener('toggle', start, { once: true });
    }
  }
  $('notify-row').hidden = !member;
  const [notifications, list] = await Promise.all([
    member ? api('GET', `/api/v1/notifications/${page.id}`) : null,
    api('GET', `/api/v1/threads?community=${encodeURIComponent(page.id)}&page=${threadPage}`),
  ]);
  if (notifications) $('notify').value = notifications.delivery;
  $('threads').replaceChildren(...(list.threads.length === 0
    ? [el('li', t(member ? 'discussion.none' : 'discussion.noneYet'), 'list-group-item text-body-secondary')]
    : list.threads.map((listed) => threadItem(page, listed, member))));
  const pages = Math.ceil(list.total / list.pageSize);
  const nav = [];
  const status = $('threads-status');
  if (threadPage > 0) nav.push(button(page, t('discussion.newer'), () => { threadPage -= 1; }, { status, secondary: true }));
  if (threadPage + 1 < pages) nav.push(button(page, t('discussion.older'), () => { threadPage += 1; }, { status, secondary: true }));
  $('thread-pages').replaceChildren(...nav);
}

// The new-thread form and the notification choice, wired once.
export function watchDiscussions(page) {
  $('new-thread').addEventListener('submit', async (event) => {
    event.preventDefault();
    const { t } = page;
    const submit = event.target.querySelector('button[type=submit]');
    const box = page.threadBox;
    if (box.empty()) {
      showStatus($('new-thread-status'), t('editor.empty'), { error: true });
      box.focus();
      return;
    }
    if (page.threadFiles.busy()) {
      showStatus($('new-thread-status'), t('post.stillSending'), { error: true });
      return;
    }
    submit.disabled = true;
    try {
      const thread = await api('POST', '/api/v1/threads', {
        communityId: page.id, title: $('thread-title').value, body: box.html(), attachments: page.threadFiles.ids(),
      });
      box.clear();
      page.threadFiles.clear();
      location.href = `/thread?id=${encodeURIComponent(thread.id)}`;
    } catch (error) {
      submit.disabled = false;
      showStatus($('new-thread-status'), t('form.failed', { reason: t.error(error) }), { error: true });
    }
  });
  $('notify').addEventListener('change', async () => {
    const { t } = page;
    try {
      await api('PUT', `/api/v1/notifications/${page.id}`, { delivery: $('notify').value });
      showStatus($('notify-status'), t('discussion.notifySaved'));
    } catch (error) {
      showStatus($('notify-status'), t('community.failed', { reason: t.error(error) }), { error: true });
    }
  });
}
