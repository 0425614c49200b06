// Backup: a download of the database and the stored files as one archive, made while it is sent.
import { api } from './api.js';
import { el, oneAtATime, showStatus } from './ui.js';

const $ = (id) => document.getElementById(id);

export function backupSection(t) {
  const draw = oneAtATime(async () => {
    try {
      const about = await api('GET', '/api/v1/admin/backup');
      if (!about.available) {
        // The demo keeps nothing; any other database than the embedded one has its own tools.
        const why = about.reason?.startsWith('the demo') ? 'admin.backup.demo' : 'admin.backup.unavailable';
        $('backup-body').replaceChildren(el('div', t(why), 'alert alert-info'));
      } else {
        const link = el('a', t('admin.backup.download'), 'btn btn-primary mb-3');
        link.href = '/api/v1/admin/backup/archive';
        link.setAttribute('download', '');
        $('backup-body').replaceChildren(
          link,
          el('p', t('admin.backup.restore'), 'small mb-1'),
          el('p', t('admin.backup.command'), 'small text-body-secondary'),
        );
      }
      showStatus($('backup-status'), '');
    } catch (error) {
      showStatus($('backup-status'), t.error(error), { error: true });
    }
  });
  return { draw };
}
