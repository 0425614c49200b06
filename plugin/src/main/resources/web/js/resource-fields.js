import { clearErrors, showError } from './bank-ui.js';
import { hideProgress, uploadFile } from './upload.js';

// The parts the bank's "add a resource" form and the resource page's forms share. Constant
// markup: nothing in it comes from people. Build them when the page's module loads: the page's
// translation (signedIn) then covers them.

function parts(markup) {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content;
}

const FILE_OR_LINK = (p, legendClass, fileHelp) => `
  <fieldset class="col-12">
    <legend class="${legendClass}" data-i18n="bank.source">What are you adding?</legend>
    <div class="form-check form-check-inline">
      <input class="form-check-input" type="radio" name="${p}-source" id="${p}-source-file" value="file" checked>
      <label class="form-check-label" for="${p}-source-file" data-i18n="bank.source.file">a file</label>
    </div>
    <div class="form-check form-check-inline">
      <input class="form-check-input" type="radio" name="${p}-source" id="${p}-source-link" value="link">
      <label class="form-check-label" for="${p}-source-link" data-i18n="bank.source.link">a link</label>
    </div>
  </fieldset>
  <div class="col-12" id="${p}-file-row">
    <label for="${p}-file" class="form-label" data-i18n="bank.file">File</label>
    <input id="${p}-file" class="form-control" type="file" aria-describedby="${fileHelp ? `${p}-file-help ` : ''}${p}-file-error">
    ${fileHelp ? `<div id="${p}-file-help" class="form-text" data-i18n="bank.fileHelp">PDF, document, presentation, spreadsheet, text, or PNG or JPEG picture.</div>` : ''}
    <div id="${p}-progress" class="progress mt-2" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" hidden data-i18n-attr="aria-label:bank.uploading">
      <div class="progress-bar"></div>
    </div>
    <div id="${p}-file-error" class="form-text text-danger fw-semibold" role="alert" hidden></div>
  </div>
  <div class="col-12" id="${p}-link-row" hidden>
    <label for="${p}-url" class="form-label" data-i18n="bank.url">Link</label>
    <input id="${p}-url" class="form-control" type="url" placeholder="https://" maxlength="2000" aria-describedby="${p}-url-error">
    <div id="${p}-url-error" class="form-text text-danger fw-semibold" role="alert" hidden></div>
  </div>`;

// "A file or a link": the choice, then the file (with its upload bar) or the link, whichever is
// chosen. `parts` are to be placed in the form; ids start with `${prefix}-`. Options: the legend
// only for screen readers (when a heading already says it), a line of help under the file.
export function fileOrLink(prefix, { quietLegend = false, fileHelp = false } = {}) {
  const content = parts(FILE_OR_LINK(prefix, quietLegend ? 'visually-hidden' : 'form-label fs-6 fw-semibold', fileHelp));
  const $ = (suffix) => content.getElementById(`${prefix}-${suffix}`);
  const choice = $('source-file');
  const file = $('file');
  const url = $('url');
  const fileRow = $('file-row');
  const linkRow = $('link-row');
  const progress = $('progress');

  // Only the chosen one's control shows.
  const show = () => {
    fileRow.hidden = !choice.checked;
    linkRow.hidden = choice.checked;
    clearErrors(file.form);
  };
  choice.addEventListener('change', show);
  $('source-link').addEventListener('change', show);
  file.addEventListener('change', () => {
    clearErrors(fileRow);
    hideProgress(progress);
  });

  return {
    parts: content,
    file,
    // The controls of the API's fields, for errors the server places on them.
    fields: { uploadId: file, url },
    show,
    hideProgress: () => hideProgress(progress),
    // Says under the control when the chosen one is missing; true then.
    missing(t) {
      if (choice.checked && !file.files[0]) {
        showError(file, t('bank.chooseFile'));
        return true;
      }
      if (!choice.checked && !url.value.trim()) {
        showError(url, t('bank.giveLink'));
        return true;
      }
      return false;
    },
    // Uploads the file (the bar shows how far) or takes the link, into the request's body; false
    // when the upload is refused, with the reason under the file.
    async addTo(body, t) {
      if (!choice.checked) {
        body.url = url.value.trim();
        return true;
      }
      try {
        body.uploadId = (await uploadFile(file.files[0], progress)).uploadId;
        return true;
      } catch (error) {
        showError(file, t.error(error));
        return false;
      }
    },
  };
}

const VISIBILITY = (name, checked) => {
  const check = (value) => `type="radio" name="${name}" id="${name}-${value}" value="${value}"${value === checked ? ' checked' : ''}`;
  return `
  <div class="form-check">
    <input class="form-check-input" ${check('community')}>
    <label class="form-check-label" for="${name}-community" data-i18n="visibility.community">this community</label>
  </div>
  <div class="form-check">
    <input class="form-check-input" ${check('courses')}>
    <label class="form-check-label" for="${name}-courses" data-i18n="visibility.courses">people of my courses</label>
  </div>
  <div class="form-check">
    <input class="form-check-input" ${check('site')}>
    <label class="form-check-label" for="${name}-site" data-i18n="visibility.site">everyone on the site</label>
  </div>`;
};

// Who can find a resource, one radio each (ids `${name}-community`…), under the fieldset's legend.
export function addVisibilityChoices(fieldset, name, { checked } = {}) {
  fieldset.append(parts(VISIBILITY(name, checked)));
}
