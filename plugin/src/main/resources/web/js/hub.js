import { load, translatePage } from './i18n.js';

const $ = (id) => document.getElementById(id);

async function start() {
  const response = await fetch('/api/v1/hub', { credentials: 'same-origin' });
  if (!response.ok) {
    const t = await load(navigator.language?.toLowerCase().startsWith('pt') ? 'pt' : 'en');
    translatePage(t);
    $('status').textContent = t(response.status === 401 ? 'hub.signedOut' : 'hub.failed');
    $('status').classList.add('error');
    return;
  }
  const hub = await response.json();
  const t = await load(hub.me.locale);
  translatePage(t);
  document.title = t('app.name');
  $('demo-banner').hidden = !hub.demo;
  $('me').textContent = t('hub.me', { name: hub.me.name, role: t(`role.${hub.me.role}`) });
  if (hub.course) {
    $('course-title').textContent = hub.course.title ?? t('hub.title');
    $('status').textContent = t('hub.participants', { count: hub.course.participants });
  } else {
    $('status').textContent = t('hub.noCourse');
  }
  const list = $('community-list');
  list.replaceChildren(...hub.communities.map((community) => {
    const item = document.createElement('li');
    const name = document.createElement('h3');
    name.textContent = community.name;
    const domain = document.createElement('p');
    domain.textContent = community.domain;
    item.append(name, domain);
    return item;
  }));
  $('empty').hidden = hub.communities.length > 0;
  $('communities').hidden = false;
}

start().catch(() => {
  $('status').textContent = 'The hub could not be loaded. Reload the page.';
  $('status').classList.add('error');
});
