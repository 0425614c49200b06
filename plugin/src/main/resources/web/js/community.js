import { api } from './api.js';
import { actionButton, oneAtATime, showLoadFailure, signedIn } from './ui.js';
import { paragraphs, when } from './text.js';

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
let t = (key) => key;
let threadPage = 0;
let locale = 'en';

function button(label, action, secondary = false) {
  return actionButton(label, action, {
    secondary,
    redraw: render,
    failed: (error) => { $('status').textContent = t('community.failed', { reason: error.message }); },
  });
}

async function draw() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  locale = hub.me.locale;
  const details = await api('GET', `/api/v1/communities/${encodeURIComponent(id)}`);
  const community = details.community;
  const p = community.profile;
  const manages = hub.me.role === 'admin' || (details.mine?.status === 'active' && details.mine?.role === 'facilitator');
  document.title = `${community.name} – ${t('app.name')}`;
  $('name').textContent = community.name;
  $('domain').textContent = community.domain;
  $('bank-link').href = `/bank?community=${encodeURIComponent(id)}`;
  $('reflection-link').href = `/reflection?community=${encodeURIComponent(id)}`;
  $('profile').textContent = [
    p.subjects.join(', '), p.cycles.join(', '), t(`sharing.${p.sharing}`), t(`framework.${p.framework}`),
    t(`context.${p.context}`), p.focus.join(', '), t(`joining.${community.joining}`),
  ].filter((part) => part).join(' · ');
  $('status').textContent = community.archivedAt ? t('community.archived')
    : details.mine?.status === 'requested' ? t('community.requested')
      : !details.mine && community.joining === 'invitation' ? t('community.invitationOnly') : t('hub.members', { count: details.activeMembers });

  const actions = [];
  if (!community.archivedAt) {
    if (!details.mine && community.joining !== 'invitation') {
      actions.push(button(t(community.joining === 'open' ? 'community.join' : 'community.askToJoin'), () => api('POST', `/api/v1/communities/${id}/join`)));
    } else if (details.mine?.status === 'invited') {
      actions.push(button(t('community.acceptInvitation'), () => api('POST', `/api/v1/communities/${id}/join`)));
    } else if (details.mine) {
      actions.push(button(t('community.leave'), () => api('POST', `/api/v1/communities/${id}/leave`), true));
    }
  }
  $('actions').replaceChildren(...actions);

  const members = details.members;
  if (!members) {
    const hidden = document.createElement('li');
    hidden.textContent = t('community.membersHidden');
    $('members').replaceChildren(hidden);
  } else {
    $('members').replaceChildren(...members.map((m) => {
      const item = document.createElement('li');
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = `${m.name} · ${m.status === 'active' ? t(`community.role.${m.role}`) : t(`community.status.${m.status}`)}`;
      item.append(who);
      if (manages && m.lmsUserId !== details.mine?.lmsUserId) {
        if (m.status === 'requested') item.append(button(t('community.approve'), () => api('POST', `/api/v1/communities/${id}/requests/${m.lmsUserId}/approve`)));
        if (m.status === 'active') {
          const next = m.role === 'member' ? 'facilitator' : 'member';
          item.append(button(t(next === 'facilitator' ? 'community.makeFacilitator' : 'community.makeMember'),
            () => api('PUT', `/api/v1/communities/${id}/members/${m.lmsUserId}/role`, { role: next }), true));
        }
        item.append(button(t('community.remove'), () => api('DELETE', `/api/v1/communities/${id}/members/${m.lmsUserId}`), true));
      }
      return item;
    }));
  }
  await renderDiscussions(details, manages);
  $('tools').hidden = !manages;
  if (manages) {
    $('archive-actions').replaceChildren(community.archivedAt
      ? button(t('community.restore'), () => api('POST', `/api/v1/communities/${id}/restore`))
      : button(t('community.archive'), () => api('POST', `/api/v1/communities/${id}/archive`), true));
  }
}

const render = oneAtATime(draw);

async function renderDiscussions(details, manages) {
  const member = details.mine?.status === 'active';
  const readable = member || manages || details.community.joining === 'open';
  $('discussions').hidden = !readable;
  if (!readable) return;
  $('new-thread-box').hidden = !member || Boolean(details.community.archivedAt);
  $('notify-row').hidden = !member;
  if (member) {
    $('notify').value = (await api('GET', `/api/v1/notifications/${id}`)).delivery;
  }
  const list = await api('GET', `/api/v1/threads?community=${encodeURIComponent(id)}&page=${threadPage}`);
  if (list.threads.length === 0) {
    const none = document.createElement('li');
    none.className = 'empty';
    none.textContent = t('discussion.none');
    $('threads').replaceChildren(none);
  } else {
    $('threads').replaceChildren(...list.threads.map(({ thread, unread }) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `/thread?id=${encodeURIComponent(thread.id)}`;
      link.textContent = thread.title;
      item.append(link);
      if (thread.pinned) {
        const pin = document.createElement('span');
        pin.className = 'tag';
        pin.textContent = t('discussion.pinned');
        item.append(' ', pin);
      }
      if (unread > 0 && member) {
        const badge = document.createElement('span');
        badge.className = 'tag unread';
        badge.textContent = t('discussion.unread', { count: unread });
        item.append(' ', badge);
      }
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = t('discussion.meta', { author: thread.authorName, count: thread.postCount, when: when(thread.lastPostAt, locale) });
      item.append(meta);
      return item;
    }));
  }
  const pages = Math.ceil(list.total / list.pageSize);
  const nav = [];
  if (threadPage > 0) nav.push(button(t('discussion.newer'), () => { threadPage -= 1; }, true));
  if (threadPage + 1 < pages) nav.push(button(t('discussion.older'), () => { threadPage += 1; }, true));
  $('thread-pages').replaceChildren(...nav);
}

$('new-thread').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const thread = await api('POST', '/api/v1/threads', {
      communityId: id, title: $('thread-title').value, body: paragraphs($('thread-body').value),
    });
    location.href = `/thread?id=${encodeURIComponent(thread.id)}`;
  } catch (error) {
    $('status').textContent = t('community.failed', { reason: error.message });
  }
});

$('notify').addEventListener('change', async () => {
  try {
    await api('PUT', `/api/v1/notifications/${id}`, { delivery: $('notify').value });
    $('status').textContent = t('discussion.notifySaved');
  } catch (error) {
    $('status').textContent = t('community.failed', { reason: error.message });
  }
});

render().catch(showLoadFailure);
