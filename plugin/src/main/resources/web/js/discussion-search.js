import { api } from './api.js';
import { clearErrors, showFailure } from './bank-ui.js';
import { el, showLoadFailure, showStatus, signedIn } from './ui.js';

// The search inside discussions: the form mirrors the address (?q=&community=&author=&from=&to=&page=),
// so a search from the hub or a community page, a result page and the back button all agree.
const $ = (id) => document.getElementById(id);
const FIELDS = [['q', 'q'], ['community', 'f-community'], ['author', 'f-author'], ['from', 'f-from'], ['to', 'f-to']];
let t = (key) => key;

function fromAddress() {
  const params = new URLSearchParams(location.search);
  for (const [name, id] of FIELDS) $(id).value = params.get(name) ?? '';
  const page = Number.parseInt(params.get('page') ?? '0', 10);
  return Number.isInteger(page) && page > 0 ? page : 0;
}

function query(page) {
  const params = new URLSearchParams();
  for (const [name, id] of FIELDS) {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  }
  if (page > 0) params.set('page', page);
  return params;
}

// One result: the thread's title (marked where it matched), where and by whom, and a marked passage.
function resultItem(found) {
  const item = el('li', undefined, 'list-group-item search-result');
  const link = el('a', undefined, 'fw-semibold text-break');
  link.href = `/thread?id=${encodeURIComponent(found.threadId)}&page=${found.threadPage}#post-${encodeURIComponent(found.postId)}`;
  // Highlights come escaped from the server: only <mark> is markup.
  if (found.highlights.title) link.innerHTML = found.highlights.title;
  else link.textContent = found.first ? found.threadTitle : t('search.replyIn', { title: found.threadTitle });
  const facts = el('div', undefined, 'd-flex flex-wrap column-gap-2 small text-body-secondary');
  const when = el('time', t.day(found.createdAt));
  when.dateTime = found.createdAt;
  facts.append(el('span', found.communityName, 'text-break'), el('span', t('discussion.by', { author: found.authorName }), 'text-break'), when);
  if (found.hidden) facts.append(el('span', t('discussion.hiddenBadge'), 'badge text-bg-secondary align-self-center'));
  item.append(link, facts);
  if (found.highlights.text) {
    const passage = el('p', undefined, 'snippet small mb-0 mt-1 text-break');
    passage.innerHTML = `… ${found.highlights.text} …`;
    item.append(passage);
  }
  return item;
}

function pager(found, page) {
  const pages = Math.ceil(found.total / found.pageSize);
  const nav = [];
  for (const [label, target] of [[t('bank.previous'), page - 1], [t('bank.next'), page + 1]]) {
    if (target >= 0 && target < pages && target <= 49) {
      const link = el('a', label, 'btn btn-sm btn-outline-secondary');
      link.href = `/discussions?${query(target)}`;
      nav.push(link);
    }
  }
  return nav;
}

async function search(page) {
  clearErrors($('search'));
  showStatus($('status'), '');
  const params = query(page);
  if (![...params.keys()].some((name) => name !== 'page')) {
    $('total').textContent = '';
    $('results').replaceChildren();
    $('pages').replaceChildren();
    return;
  }
  try {
    const found = await api('GET', `/api/v1/discussions/search?${params}`);
    const count = found.totalExact ? 'search.total' : 'search.totalAtLeast';
    $('total').textContent = t(count, { count: found.total });
    $('results').replaceChildren(...found.results.map(resultItem));
    if (found.results.length === 0) $('results').append(el('li', t('search.none'), 'list-group-item text-body-secondary'));
    $('pages').replaceChildren(...pager(found, page));
  } catch (error) {
    $('total').textContent = '';
    $('results').replaceChildren();
    $('pages').replaceChildren();
    showFailure(t, error, {
      fields: { q: $('q'), community: $('f-community'), author: $('f-author'), from: $('f-from'), to: $('f-to') },
      status: $('status'),
    });
  }
}

// The communities whose discussions I read, for the filter.
async function communities(chosen) {
  const listed = await api('GET', '/api/v1/communities');
  const readable = listed.filter((d) => d.mine?.status === 'active' || d.community.joining === 'open');
  $('f-community').append(...readable.map((d) => new Option(d.community.name, d.community.id)));
  if (chosen && !readable.some((d) => d.community.id === chosen)) $('f-community').append(new Option(chosen, chosen));
  $('f-community').value = chosen;
}

async function start() {
  ({ t } = await signedIn());
  document.title = `${t('search.title')} – ${t('app.name')}`;
  const page = fromAddress();
  await communities($('f-community').value);
  await search(page);
}

$('search').addEventListener('submit', (event) => {
  event.preventDefault();
  history.pushState(null, '', `/discussions?${query(0)}`);
  search(0);
});

window.addEventListener('popstate', () => search(fromAddress()));

start().catch(showLoadFailure);
