// Pictures in a post's text and files attached to it: sent to the connector as soon as they are
// chosen (pasted, dropped or picked), then named by the post when it is sent.
import { api, apiError } from './api.js';
import { el, showStatus } from './ui.js';
import { fileSize } from './bank-ui.js';
import { hideProgress, setProgress } from './upload.js';

// The most files one post takes (the server says so too, in the reader's language).
const MAX_ATTACHMENTS = 5;

// Sends one file as the request body, with progress; resolves with what the server kept.
function send(path, file, progress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    // The header proves the request comes from our own pages (see SessionFilter).
    request.setRequestHeader('X-Requested-With', 'cop-connector');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name || 'picture'));
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    if (progress) {
      setProgress(progress, 0);
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) setProgress(progress, (event.loaded / event.total) * 95);
      });
    }
    request.addEventListener('load', () => {
      let data = null;
      try {
        data = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        data = null;
      }
      if (progress) hideProgress(progress);
      if (request.status === 201) resolve(data);
      else reject(apiError(request.status, data));
    });
    request.addEventListener('error', () => {
      if (progress) hideProgress(progress);
      reject(apiError(0, null));
    });
    request.send(file);
  });
}

/**
 * Pictures for the editor of a community's post: upload(file) resolves with the picture's address
 * and its text alternative (the file's name without its extension); what went wrong is said in
 * {@code status}.
 */
export function postPictures(communityId, t, status) {
  return {
    async upload(file) {
      showStatus(status, t('post.pictureSending'));
      try {
        const picture = await send(`/api/v1/post-pictures?community=${encodeURIComponent(communityId)}`, file);
        showStatus(status, '');
        const alt = (file.name || '').replace(/\.[^.]*$/, '').replace(/^image$/, '');
        return { url: picture.url, alt };
      } catch (error) {
        showStatus(status, t('post.pictureFailed', { reason: t.error(error) }), { error: true });
        throw error;
      }
    },
  };
}

/**
 * The "attach files" field of a post form, in {@code container}: each chosen file is sent at once
 * and listed with a button to remove it. ids() are the files to name in the post; clear() once
 * it is sent; busy() while a file is still on its way.
 */
export function attachmentField(container, communityId, t) {
  const chosen = []; // { id, name, size } once sent
  let sending = 0;
  const inputId = `${container.id}-input`;
  const label = el('label', t('post.attach'), 'form-label');
  label.htmlFor = inputId;
  const input = el('input', undefined, 'form-control');
  input.type = 'file';
  input.id = inputId;
  input.multiple = true;
  const help = el('div', t('post.attachHelp', { max: MAX_ATTACHMENTS }), 'form-text');
  help.id = `${inputId}-help`;
  input.setAttribute('aria-describedby', help.id);
  const progress = el('div', undefined, 'progress mt-2');
  progress.setAttribute('role', 'progressbar');
  progress.setAttribute('aria-label', t('post.attaching'));
  progress.setAttribute('aria-valuemin', '0');
  progress.setAttribute('aria-valuemax', '100');
  progress.append(el('div', undefined, 'progress-bar'));
  progress.hidden = true;
  const list = el('ul', undefined, 'list-unstyled mb-0 mt-2 attachment-choices');
  const status = el('p', undefined, 'small mt-1 mb-0');
  status.setAttribute('role', 'status');
  status.hidden = true;
  container.replaceChildren(label, input, help, progress, list, status);

  function draw() {
    list.replaceChildren(...chosen.map((file) => {
      const item = el('li', undefined, 'd-flex align-items-center gap-2 small');
      const remove = el('button', t('post.remove'), 'btn btn-link btn-sm p-0');
      remove.type = 'button';
      remove.setAttribute('aria-label', t('post.removeFile', { name: file.name }));
      remove.addEventListener('click', () => {
        chosen.splice(chosen.indexOf(file), 1);
        draw();
        input.focus();
      });
      item.append(el('span', `${file.name} (${fileSize(t, file.size)})`), remove);
      return item;
    }));
  }

  input.addEventListener('change', async () => {
    const files = [...input.files];
    input.value = '';
    showStatus(status, '');
    for (const file of files) {
      if (chosen.length >= MAX_ATTACHMENTS) {
        showStatus(status, t('error.too_many_attachments', { max: MAX_ATTACHMENTS }), { error: true });
        break;
      }
      sending += 1;
      try {
        const kept = await send(`/api/v1/post-attachments?community=${encodeURIComponent(communityId)}`, file, progress);
        chosen.push({ id: kept.id, name: kept.fileName, size: kept.size });
        draw();
      } catch (error) {
        showStatus(status, t('post.attachFailed', { name: file.name, reason: t.error(error) }), { error: true });
      } finally {
        sending -= 1;
      }
    }
  });

  return {
    ids: () => chosen.map((file) => file.id),
    busy: () => sending > 0,
    clear() {
      chosen.length = 0;
      draw();
      showStatus(status, '');
    },
  };
}

/**
 * A post's attachments, listed under it: each downloads; a member can save it into the
 * community's resource bank (once there, it links to the resource).
 */
export function attachmentList(post, t, { canSave }) {
  const box = el('div', undefined, 'attachments border-top mt-2 pt-2');
  box.append(el('h3', t('post.attachments'), 'h6 small fw-semibold mb-1'));
  const list = el('ul', undefined, 'list-unstyled mb-0');
  for (const file of post.attachments) {
    const item = el('li', undefined, 'd-flex flex-wrap align-items-center gap-2 small mb-1');
    const link = el('a', t('post.download', { name: file.fileName, size: fileSize(t, file.size) }));
    link.href = file.url;
    link.setAttribute('download', file.fileName);
    item.append(link);
    const status = el('span', undefined, 'small');
    status.setAttribute('role', 'status');
    status.hidden = true;
    if (file.resourceId) {
      item.append(bankLink(file.resourceId, t));
    } else if (canSave) {
      const save = el('button', t('post.saveToBank'), 'btn btn-outline-secondary btn-sm py-0');
      save.type = 'button';
      save.setAttribute('aria-label', t('post.saveToBankNamed', { name: file.fileName }));
      save.addEventListener('click', async () => {
        save.disabled = true;
        try {
          const saved = await api('POST', `/api/v1/post-files/${encodeURIComponent(file.id)}/bank`);
          file.resourceId = saved.resourceId;
          save.replaceWith(bankLink(saved.resourceId, t));
          showStatus(status, t('post.savedToBank'));
        } catch (error) {
          save.disabled = false;
          showStatus(status, t('community.failed', { reason: t.error(error) }), { error: true });
        }
      });
      item.append(save);
    }
    item.append(status);
    list.append(item);
  }
  box.append(list);
  return box;
}

function bankLink(resourceId, t) {
  const link = el('a', t('post.inBank'), 'small');
  link.href = `/resource?id=${encodeURIComponent(resourceId)}`;
  return link;
}
