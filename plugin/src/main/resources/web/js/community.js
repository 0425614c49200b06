import { api } from './api.js';
import { el, oneAtATime, showLoadFailure, showStatus, signedIn } from './ui.js';
import { badge, button } from './community-actions.js';
import { showMembers } from './community-members.js';
import { showDiscussions, watchDiscussions } from './community-threads.js';
import { showTools, watchTools } from './community-tools.js';

const $ = (id) => document.getElementById(id);

// What the page's parts share: the community's id, the translator, and a redraw.
const page = { id: new URLSearchParams(location.search).get('id'), t: (key) => key, render: null };
// The discussions' search box searches this community.
$('discussion-community').value = page.id ?? '';

// The profile as a list of labelled, translated values; empty fields are left out.
function showProfile(community, t) {
  const p = community.profile;
  const facts = [
    ['form.subjects', p.subjects.join(', ')],
    ['form.cycles', p.cycles.join(', ')],
    ['form.focus', p.focus.join(', ')],
    ['form.sharing', t(`sharing.${p.sharing}`)],
    ['form.framework', t(`framework.${p.framework}`)],
    ['form.context', t(`context.${p.context}`)],
    ['form.joining', t(`joining.${community.joining}`)],
  ].filter(([, value]) => value);
  $('profile').replaceChildren(...facts.flatMap(([label, value]) => [
    el('dt', t(label), 'col-sm-4 fw-semibold'),
    el('dd', value, 'col-sm-8 mb-1 text-break'),
  ]));
}

// Where I stand and what I can do about it; leaving is a quiet control behind a confirmation.
function showMembership(details, t) {
  const { community, mine } = details;
  const status = $('membership-status');
  const actions = [];
  let standing;
  let hint = '';
  if (mine?.status === 'active') {
    standing = t(`community.you.${mine.role}`);
    const onlyFacilitator = mine.role === 'facilitator'
      && (details.members ?? []).filter((m) => m.status === 'active' && m.role === 'facilitator').length < 2;
    if (onlyFacilitator) hint = t('community.onlyFacilitator');
    const leave = button(page, t('community.leave'), () => api('POST', `/api/v1/communities/${page.id}/leave`), {
      status,
      danger: true,
      confirm: { title: t('community.leaveTitle'), body: t('community.leaveBody', { name: community.name }), confirm: t('community.leave') },
    });
    leave.disabled = onlyFacilitator;
    actions.push(leave);
  } else if (mine?.status === 'invited') {
    standing = t('community.you.invited');
    if (!community.archivedAt) {
      actions.push(button(page, t('community.acceptInvitation'), () => api('POST', `/api/v1/communities/${page.id}/join`), { status }));
    }
    actions.push(button(page, t('community.decline'), () => api('POST', `/api/v1/communities/${page.id}/leave`), {
      status,
      secondary: true,
      confirm: { title: t('community.declineTitle'), body: t('community.declineBody'), confirm: t('community.decline') },
    }));
  } else if (mine?.status === 'requested') {
    standing = t('community.requested');
    actions.push(button(page, t('community.withdraw'), () => api('POST', `/api/v1/communities/${page.id}/leave`), {
      status,
      secondary: true,
      confirm: { title: t('community.withdrawTitle'), body: t('community.withdrawBody'), confirm: t('community.withdraw') },
    }));
  } else {
    standing = t(`community.you.none.${community.joining}`);
    if (!community.archivedAt && community.joining !== 'invitation') {
      const label = community.joining === 'open' ? 'community.join' : 'community.askToJoin';
      actions.push(button(page, t(label), () => api('POST', `/api/v1/communities/${page.id}/join`), { status }));
    }
  }
  if (community.archivedAt) hint = t('community.archived');
  $('standing').textContent = standing;
  $('standing-hint').textContent = hint;
  $('standing-hint').hidden = !hint;
  $('actions').replaceChildren(...actions);
}

function showBadges(details, t) {
  const { community, mine } = details;
  const badges = [badge(t(`joining.${community.joining}`), 'text-bg-light border')];
  if (mine?.status === 'active') badges.unshift(badge(t(`community.role.${mine.role}`), 'text-bg-success'));
  if (community.archivedAt) badges.unshift(badge(t('community.archivedBadge'), 'text-bg-secondary'));
  badges.push(badge(t('hub.members', { count: details.activeMembers }), 'text-bg-light border'));
  $('badges').replaceChildren(...badges);
}

async function draw() {
  const { hub, t } = await signedIn();
  page.t = t;
  const details = await api('GET', `/api/v1/communities/${encodeURIComponent(page.id)}`);
  const { community, mine } = details;
  const manages = hub.me.role === 'admin' || (mine?.status === 'active' && mine.role === 'facilitator');
  document.title = `${community.name} – ${t('app.name')}`;
  $('name').textContent = community.name;
  $('crumb').textContent = community.name;
  $('domain').textContent = community.domain;
  $('bank-link').href = `/bank?community=${encodeURIComponent(page.id)}`;
  $('reflection-link').href = `/reflection?community=${encodeURIComponent(page.id)}`;
  showStatus($('status'), '');
  showBadges(details, t);
  showProfile(community, t);
  showMembership(details, t);
  showMembers(page, details, manages);
  showTools(page, details, manages);
  await showDiscussions(page, details, manages);
}

page.render = oneAtATime(draw);
watchDiscussions(page);
watchTools(page);
page.render().catch((error) => showLoadFailure(error, page.t.error ? page.t : undefined));
