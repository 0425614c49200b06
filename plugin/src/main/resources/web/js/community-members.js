import { api } from './api.js';
import { el, showStatus } from './ui.js';
import { badge, button, row } from './community-actions.js';

const $ = (id) => document.getElementById(id);

function memberRow(page, m, details, manages) {
  const { t } = page;
  const base = `/api/v1/communities/${page.id}/members/${encodeURIComponent(m.lmsUserId)}`;
  const status = $('members-status');
  const badges = [badge(t(`community.role.${m.role}`), m.role === 'facilitator' ? 'text-bg-primary' : 'text-bg-light border')];
  if (m.lmsUserId === details.mine?.lmsUserId) badges.push(badge(t('community.you'), 'text-bg-info'));
  const buttons = [];
  if (manages && m.lmsUserId !== details.mine?.lmsUserId) {
    const next = m.role === 'member' ? 'facilitator' : 'member';
    buttons.push(button(page, t(next === 'facilitator' ? 'community.makeFacilitator' : 'community.makeMember'),
      () => api('PUT', `${base}/role`, { role: next }), { status, secondary: true }));
    buttons.push(button(page, t('community.remove'), () => api('DELETE', base), {
      status,
      danger: true,
      confirm: { title: t('community.removeTitle'), body: t('community.removeBody', { name: m.name }), confirm: t('community.remove') },
    }));
  }
  const item = row(m.name, badges, buttons);
  item.id = `member-${m.lmsUserId}`; // where a mention of them leads
  return item;
}

// Requests to join (approve or turn down) and invitations (withdraw), for facilitators.
function showPending(page, members) {
  const { t } = page;
  const status = $('members-status');
  const requested = members.filter((m) => m.status === 'requested');
  const invited = members.filter((m) => m.status === 'invited');
  const base = () => `/api/v1/communities/${page.id}`;
  $('requests-box').hidden = requested.length === 0;
  $('requests').replaceChildren(...requested.map((m) => row(m.name, [badge(t('community.status.requested'), 'text-bg-warning')], [
    button(page, t('community.approve'), () => api('POST', `${base()}/requests/${encodeURIComponent(m.lmsUserId)}/approve`), { status }),
    button(page, t('community.turnDown'), () => api('DELETE', `${base()}/members/${encodeURIComponent(m.lmsUserId)}`), {
      status,
      danger: true,
      confirm: { title: t('community.turnDownTitle'), body: t('community.turnDownBody', { name: m.name }), confirm: t('community.turnDown') },
    }),
  ])));
  $('invited-box').hidden = invited.length === 0;
  $('invited').replaceChildren(...invited.map((m) => row(m.name, [badge(t('community.status.invited'), 'text-bg-info')], [
    button(page, t('community.uninvite'), () => api('DELETE', `${base()}/members/${encodeURIComponent(m.lmsUserId)}`), {
      status,
      danger: true,
      confirm: { title: t('community.uninviteTitle'), body: t('community.uninviteBody', { name: m.name }), confirm: t('community.uninvite') },
    }),
  ])));
}

export function showMembers(page, details, manages) {
  const { t } = page;
  if (!details.members) {
    $('members').replaceChildren(el('li', t('community.membersHidden'), 'list-group-item text-body-secondary'));
  } else {
    const active = details.members.filter((m) => m.status === 'active')
      .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'facilitator' ? -1 : 1));
    $('members').replaceChildren(...active.map((m) => memberRow(page, m, details, manages)));
    // A mention's link names a member: the list is drawn after the page (too late for :target),
    // so the member is marked and shown here.
    const named = location.hash.startsWith('#member-') && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (named) {
      named.classList.add('mentioned');
      if (!page.mentionShown) named.scrollIntoView({ block: 'center' });
      page.mentionShown = true;
    }
  }
  showPending(page, manages ? details.members ?? [] : []);
  const open = manages && !details.community.archivedAt;
  $('invite-box').hidden = !open;
  if (!open) return;
  if (!page.inviteWatched) {
    page.inviteWatched = true;
    $('invite-search').addEventListener('submit', (event) => {
      event.preventDefault();
      findCandidates(page, true);
    });
  }
  if (page.candidatesShown) findCandidates(page, false);
}

// Colleagues of the community's courses who are not in it yet, found by name, each with "Invite".
// A new search says when nobody matches; the refresh after an invitation keeps its message.
async function findCandidates(page, fresh) {
  const { t } = page;
  const status = $('invite-status');
  const text = $('invite-q').value.trim();
  try {
    const found = await api('GET', `/api/v1/communities/${page.id}/candidates?q=${encodeURIComponent(text)}`);
    page.candidatesShown = true;
    $('candidates').replaceChildren(...found.map((person) => row(person.name, [], [
      button(page, t('community.inviteOne'), async () => {
        await api('POST', `/api/v1/communities/${page.id}/invitations`, { userId: person.userId });
        showStatus(status, t('community.invitedNow', { name: person.name }));
      }, { status, secondary: true }),
    ])));
    if (fresh) showStatus(status, found.length === 0 ? t('community.noCandidates') : '');
  } catch (error) {
    showStatus(status, t('community.failed', { reason: t.error(error) }), { error: true });
  }
}
