import { api } from './api.js';
import { showStatus } from './ui.js';

const $ = (id) => document.getElementById(id);

// How the member hears about this thread: following it (every reply at once), as their community
// choice says, or muted. Shown to members only; wired once.
export function showFollow(page, data) {
  $('follow-row').hidden = !data.follow;
  if (!data.follow) return;
  $('follow').value = data.follow;
  if ($('follow').dataset.wired) return;
  $('follow').dataset.wired = 'true';
  $('follow').addEventListener('change', async () => {
    const { t } = page;
    try {
      const saved = await api('PUT', `/api/v1/threads/${encodeURIComponent(data.thread.id)}/follow`, { state: $('follow').value });
      showStatus($('follow-status'), t(`discussion.follow.saved.${saved.state}`));
    } catch (error) {
      showStatus($('follow-status'), t('community.failed', { reason: t.error(error) }), { error: true });
    }
  });
}
