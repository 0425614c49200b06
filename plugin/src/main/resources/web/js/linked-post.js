// A link to one post of a thread (a search result: /thread?id=…&page=…#post-…) opens the page the
// post is on and brings the post into view, marked, once the page has drawn it.

// The page of posts the address asks for, or -1 (the last page) when it names none.
export function pageAsked() {
  const page = Number.parseInt(new URLSearchParams(location.search).get('page') ?? '', 10);
  return Number.isInteger(page) && page >= 0 ? page : -1;
}

export function showLinkedPost() {
  const id = decodeURIComponent(location.hash.slice(1));
  const post = id.startsWith('post-') ? document.getElementById(id) : null;
  if (!post) return;
  post.classList.add('linked-post');
  post.tabIndex = -1;
  post.scrollIntoView({ block: 'start' });
  post.focus({ preventScroll: true });
}
