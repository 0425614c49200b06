import { api, list } from './api.js';
import { el, showLoadFailure, showStatus, signedIn } from './ui.js';

const $ = (id) => document.getElementById(id);

function card(community, t) {
  const item = el('li', undefined, 'col');
  const box = el('article', undefined, 'card h-100 shadow-sm');
  const body = el('div', undefined, 'card-body d-flex flex-column');
  const name = el('h3', undefined, 'h5 card-title');
  const link = el('a', community.name, 'stretched-link text-decoration-none');
  link.href = `/community?id=${encodeURIComponent(community.id)}`;
  name.append(link);
  const domain = el('p', community.domain, 'card-text clamp-3');
  const members = el('p', t('hub.members', { count: community.members }), 'card-text text-body-secondary small mt-auto mb-0');
  body.append(name, domain, members);
  box.append(body);
  item.append(box);
  return item;
}

function showCommunities(cards, t) {
  $('community-list').replaceChildren(...cards.map((c) => card(c, t)));
  $('empty').hidden = cards.length > 0;
}

async function search(event, t) {
  event.preventDefault();
  const text = $('search-text').value.trim();
  try {
    const found = await api('GET', `/api/v1/communities?q=${encodeURIComponent(text)}`);
    showCommunities(found.map((d) => ({ id: d.community.id, name: d.community.name, domain: d.community.domain, members: d.activeMembers })), t);
    showStatus($('search-status'), text ? t('hub.found', { count: found.length }) : '');
  } catch (error) {
    showStatus($('search-status'), t.error(error), { error: true });
  }
}

async function startCommunity(event, courseId, t) {
  event.preventDefault();
  const form = event.target;
  if (!form.reportValidity()) return;
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
    showStatus($('start-status'), t('form.created'));
    const hub = await api('GET', '/api/v1/hub');
    showCommunities(hub.communities, t);
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
    if (hub.me.role !== 'member') {
      $('start').hidden = false;
      $('empty-next').textContent = t('hub.empty.facilitator');
      $('start-form').addEventListener('submit', (event) => startCommunity(event, hub.course.id, t));
    }
  } else {
    $('status').textContent = t('hub.noCourse');
  }
  showCommunities(hub.communities, t);
  $('search').addEventListener('submit', (event) => search(event, t));
  $('communities').hidden = false;
}

start().catch((error) => showLoadFailure(error));
