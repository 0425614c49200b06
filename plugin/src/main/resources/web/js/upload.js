import { apiError } from './api.js';

// Shows how far along something is in a Bootstrap .progress (role=progressbar) and its .progress-bar.
export function setProgress(progress, percent, label) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  progress.hidden = false;
  progress.setAttribute('aria-valuenow', String(value));
  if (label !== undefined) progress.setAttribute('aria-valuetext', label);
  const bar = progress.querySelector('.progress-bar');
  bar.style.width = `${value}%`;
  bar.textContent = label ?? '';
}

// Hides a progress bar and empties it, so no full bar is left behind.
export function hideProgress(progress) {
  progress.hidden = true;
  progress.setAttribute('aria-valuenow', '0');
  progress.removeAttribute('aria-valuetext');
  progress.querySelector('.progress-bar').style.width = '0%';
}

// Sends a file to the bank with progress shown in a Bootstrap .progress; resolves with the upload.
// A refused file hides the bar and rejects with the API's error (status, reason, details) for t.error.
export function uploadFile(file, progress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/uploads');
    request.withCredentials = true;
    // The header proves the request comes from our own pages (see SessionFilter).
    request.setRequestHeader('X-Requested-With', 'cop-connector');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    setProgress(progress, 0);
    request.upload.addEventListener('progress', (event) => {
      // The last bytes sent are not yet a file taken: the bar stops short of full until the answer.
      if (event.lengthComputable) setProgress(progress, (event.loaded / event.total) * 95);
    });
    request.addEventListener('load', () => {
      let data = null;
      try {
        data = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        data = null;
      }
      if (request.status === 201) {
        setProgress(progress, 100);
        resolve(data);
      } else {
        hideProgress(progress);
        reject(apiError(request.status, data));
      }
    });
    request.addEventListener('error', () => {
      hideProgress(progress);
      reject(apiError(0, null));
    });
    request.send(file);
  });
}
