// "@" in a message box suggests members of the community; the one chosen goes in as a mention: a
// link the server checks again (members only), shows as a link to the member and notifies.
import { api } from './api.js';

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A member's mention as the editor inserts it, with a space to go on typing. */
export function mentionHtml(communityId, member) {
  const href = `/community?id=${encodeURIComponent(communityId)}#member-${encodeURIComponent(member.lmsUserId)}`;
  return `<a data-mention="${escape(member.lmsUserId)}" href="${escape(href)}">@${escape(member.name)}</a>&nbsp;`;
}

/** Adds the "@" suggestions of the community's members to an editor being set up. */
export function addMentions(ed, communityId) {
  const found = new Map();
  ed.ui.registry.addAutocompleter('mentions', {
    trigger: '@',
    minChars: 1,
    columns: 1,
    fetch: async (pattern) => {
      try {
        const members = await api('GET', `/api/v1/mentionable?community=${encodeURIComponent(communityId)}`
          + `&q=${encodeURIComponent(pattern.slice(0, 100))}`);
        return members.map((member) => {
          found.set(member.lmsUserId, member);
          return { type: 'autocompleteitem', value: member.lmsUserId, text: member.name };
        });
      } catch {
        return []; // no suggestions: what is typed stays plain text
      }
    },
    onAction: (autocomplete, range, value) => {
      ed.selection.setRng(range);
      ed.insertContent(mentionHtml(communityId, found.get(value)));
      autocomplete.hide();
    },
  });
}
