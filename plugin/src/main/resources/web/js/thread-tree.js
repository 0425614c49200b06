import { el } from './ui.js';

// A page of a thread as a conversation: the server places each post (data.tree, in drawing order)
// at a level, 0 to 2, and names the post it answers when that is not the one it is drawn under.
// Each reply goes in a list under the post it is drawn under; item(post, placement) draws a post.
export function drawTree(list, data, item) {
  const posts = new Map(data.posts.map((post) => [post.id, post]));
  const lastAt = [];
  const items = [];
  for (const placement of data.tree) {
    const post = posts.get(placement.postId);
    if (!post) continue;
    const li = item(post, placement);
    li.dataset.level = String(placement.level);
    const above = placement.level > 0 ? lastAt[placement.level - 1] : null;
    if (above) {
      let replies = above.querySelector(':scope > ol.replies');
      if (!replies) {
        replies = el('ol', undefined, 'replies');
        above.append(replies);
      }
      replies.append(li);
    } else {
      items.push(li);
    }
    lastAt[placement.level] = li;
    lastAt.length = placement.level + 1;
  }
  list.replaceChildren(...items);
}

// "In reply to <name>": a link to the post answered, on this page or on another one (go(page)
// draws that page first).
export function replyToLink(replyTo, t, { page, go }) {
  const link = el('a', t('discussion.inReplyTo', { name: replyTo.authorName }), 'd-inline-block small mb-1 reply-to');
  link.href = `#post-${replyTo.postId}`;
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    if (replyTo.page !== page) await go(replyTo.page);
    reach(replyTo.postId);
  });
  return link;
}

// Scrolls to a post and puts the keyboard there, so reading goes on from it.
export function reach(postId) {
  const target = document.getElementById(`post-${postId}`);
  if (!target) return false;
  target.tabIndex = -1;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}
