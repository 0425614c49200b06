import { load, translatePage } from './i18n.js';
import { api, list } from './api.js';

const $ = (id) => document.getElementById(id);
let t = (key) => key;

function card(community) {
  const item = document.createElement('li');
  const name = document.createElement('h3');
  const link = document.createElement('a');
  link.href = `/community?id=${encodeURIComponent(community.id)}`;
  link.textContent = community.name;
  name.append(link);
  const domain = document.createElement('p');
  domain.textContent = community.domain;
  const members = document.createElement('p');
  members.className = 'status';
  members.textContent = t('hub.members', { count: community.members });
  item.append(name, domain, members);
  return item;
}

function showCommunities(cards) {
  $('community-list').replaceChildren(...cards.map(card));
  $('empty').hidden = cards.length > 0;
}

async function search(event) {
  event.preventDefault();
  const found = await api('GET', `/api/v1/communities?q=${encodeURIComponent($('search-text').value)}`);
  showCommunities(found.map((d) => ({ id: d.community.id, name: d.community.name, domain: d.community.domain, members: d.activeMembers })));
}

async function startCommunity(event, courseId) {
  event.preventDefault();
  const form = event.target;
  try {
    await api('POST', '/api/v1/communities', {
      name: form.name.value,
      domain: form.domain.value,
      profile: {
        subjects: list(form.subjects.value),
        cycles: list(form.cycles.value),
        focus: list(form.focus.value),
        sharing: form.sharing.value,
        framework: form.framework.value,
        context: form.context.value,
      },
      joining: form.joining.value,
      courseIds: [courseId],
    });
    form.reset();
    $('start-status').textContent = t('form.created');
    const hub = await api('GET', '/api/v1/hub');
    showCommunities(hub.communities);
  } catch (error) {
    $('start-status').textContent = t('form.failed', { reason: error.message });
  }
}

async function start() {
  let hub;
  try {
    hub = await api('GET', '/api/v1/hub');
  } catch (error) {
    t = await load(navigator.language?.toLowerCase().startsWith('pt') ? 'pt' : 'en');
    translatePage(t);
    $('status').textContent = t(error.status === 401 ? 'hub.signedOut' : 'hub.failed');
    $('status').classList.add('error');
    return;
  }
  t = await load(hub.me.locale);
  translatePage(t);
  document.title = t('app.name');
  $('demo-banner').hidden = !hub.demo;
  $('me').textContent = t('hub.me', { name: hub.me.name, role: t(`role.${hub.me.role}`) });
  if (hub.course) {
    $('course-title').textContent = hub.course.title ?? t('hub.title');
    $('status').textContent = t('hub.participants', { count: hub.course.participants });
    if (hub.me.role !== 'member') {
      $('start').hidden = false;
      $('start-form').addEventListener('submit', (event) => startCommunity(event, hub.course.id));
    }
  } else {
    $('status').textContent = t('hub.noCourse');
  }
  showCommunities(hub.communities);
  $('search').addEventListener('submit', search);
  $('communities').hidden = false;
}

start().catch(() => {
  $('status').textContent = 'The hub could not be loaded. Reload the page.';
  $('status').classList.add('error');
});
