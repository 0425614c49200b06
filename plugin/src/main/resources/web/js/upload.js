import { apiError } from './api.js';

// Sends a file to the bank with progress shown in a <progress> element; resolves with the upload.
export function uploadFile(file, progress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/uploads');
    request.withCredentials = true;
    // The header proves the request comes from our own pages (see SessionFilter).
    request.setRequestHeader('X-Requested-With', 'cop-connector');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    progress.hidden = false;
    progress.value = 0;
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    request.addEventListener('load', () => {
      let data = null;
      try {
        data = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        data = null;
      }
      if (request.status === 201) {
        progress.value = 100;
        resolve(data);
      } else {
        // A refused file leaves no full bar behind: the error says what happened instead.
        progress.hidden = true;
        reject(apiError(request.status, data));
      }
    });
    request.addEventListener('error', () => {
      progress.hidden = true;
      reject(apiError(0, null));
    });
    request.send(file);
  });
}
