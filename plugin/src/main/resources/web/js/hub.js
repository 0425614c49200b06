import { api } from './api.js';
import { addCommunityFields, communityFrom } from './community-form.js';
import { el, showLoadFailure, showStatus, signedIn } from './ui.js';

const $ = (id) => document.getElementById(id);

// Where I stand in a community, as a badge: member, facilitator, invited, asked to join, or not in it.
function standing(mine, t) {
  if (!mine) return el('span', t('hub.card.notMember'), 'badge rounded-pill text-bg-light border');
  if (mine.status !== 'active') return el('span', t(`hub.card.mine.${mine.status}`), 'badge rounded-pill text-bg-warning');
  return el('span', t(`hub.card.mine.${mine.role}`), 'badge rounded-pill text-bg-success');
}

// What happened lately in the community, for those who may read it: the last post and, when
// there are any, how many posts are new since my last visit.
function activity(recent, t) {
  const line = el('p', undefined, 'card-text small text-body-secondary activity');
  if (!recent.lastPostAt) {
    line.textContent = t('hub.card.noPosts');
    return line;
  }
  const last = el('span', t('hub.card.lastPost', { when: t.relative(recent.lastPostAt), author: recent.lastAuthorName }));
  last.title = t.date(recent.lastPostAt);
  line.append(last);
  if (recent.newPosts > 0) {
    line.append(' ', el('span', t('hub.card.newPosts', { count: recent.newPosts }), 'badge rounded-pill text-bg-primary new-posts'));
  }
  return line;
}

function card(community, t) {
  const item = el('li', undefined, 'col');
  const box = el('article', undefined, 'card h-100 shadow-sm');
  const body = el('div', undefined, 'card-body d-flex flex-column');
  const name = el('h3', undefined, 'h5 card-title');
  const link = el('a', community.name, 'stretched-link text-decoration-none');
  link.href = `/community?id=${encodeURIComponent(community.id)}`;
  name.append(link);
  const domain = el('p', community.domain, 'card-text clamp-3');
  const facts = el('div', undefined, 'd-flex flex-wrap align-items-center gap-2 mt-auto small');
  facts.append(
    standing(community.mine, t),
    el('span', t('hub.card.joining', { mode: t(`joining.${community.joining}`) }), 'text-body-secondary'),
    el('span', t('hub.members', { count: community.members }), 'text-body-secondary'),
  );
  body.append(name, domain);
  if (community.activity) body.append(activity(community.activity, t));
  body.append(facts);
  box.append(body);
  item.append(box);
  return item;
}

// The list, and what to do next when it is empty or I am in none of it (by role).
function showCommunities(cards, t, role) {
  $('community-list').replaceChildren(...cards.map((c) => card(c, t)));
  $('empty').hidden = cards.length > 0;
  $('empty-next').textContent = t(role === 'member' ? 'hub.empty.member' : 'hub.empty.facilitator');
  const outside = cards.length > 0 && cards.every((c) => !c.mine || c.mine.status !== 'active');
  $('join-hint').hidden = !outside;
  $('join-hint').textContent = outside ? t(role === 'member' ? 'hub.joinHint.member' : 'hub.joinHint.facilitator') : '';
}

async function search(event, t, role) {
  event.preventDefault();
  const text = $('search-text').value.trim();
  try {
    const found = await api('GET', `/api/v1/communities?q=${encodeURIComponent(text)}`);
    showCommunities(found.map((d) => ({
      id: d.community.id,
      name: d.community.name,
      domain: d.community.domain,
      members: d.activeMembers,
      joining: d.community.joining,
      mine: d.mine,
    })), t, role);
    showStatus($('search-status'), text ? t('hub.found', { count: found.length }) : '');
  } catch (error) {
    showStatus($('search-status'), t.error(error), { error: true });
  }
}

async function startCommunity(event, courseId, t, role) {
  event.preventDefault();
  const form = event.target;
  if (!form.reportValidity()) return;
  try {
    await api('POST', '/api/v1/communities', { ...communityFrom(form), courseIds: [courseId] });
    form.reset();
    showStatus($('start-status'), t('form.created'));
    const hub = await api('GET', '/api/v1/hub');
    showCommunities(hub.communities, t, role);
  } catch (error) {
    showStatus($('start-status'), t('form.failed', { reason: t.error(error) }), { error: true });
  }
}

async function start() {
  const { hub, t } = await signedIn();
  document.title = t('app.name');
  if (hub.course) {
    $('course-title').textContent = hub.course.title ?? t('hub.title');
    $('status').textContent = t('hub.participants', { count: hub.course.participants });
    $('training-link').href = `/training?course=${encodeURIComponent(hub.course.id)}`;
    $('course-links').hidden = false;
    if (hub.me.role !== 'member') {
      $('start').hidden = false;
      $('start-form').addEventListener('submit', (event) => startCommunity(event, hub.course.id, t, hub.me.role));
    }
  } else {
    $('status').textContent = t('hub.noCourse');
  }
  showCommunities(hub.communities, t, hub.me.role);
  $('search').addEventListener('submit', (event) => search(event, t, hub.me.role));
  $('communities').hidden = false;
}

addCommunityFields($('start-form'), 'c');
start().catch((error) => showLoadFailure(error));
