// A message box: a textarea with a draft kept in the browser, which becomes the rich-text editor
// (editor.js, TinyMCE) when the person first goes into it. Until then, and if the editor cannot
// load, the textarea is the box and its plain text becomes paragraphs; what was typed there goes
// into the editor when it arrives. The editor is not loaded with the page: its script is most of
// what a page with a box would otherwise compile before it can draw.
import { paragraphs } from './text.js';

// The key of a draft: this page (with its thread or community) and this box.
function draftKey(area) {
  return `draft:${location.pathname}${location.search}#${area.id}`;
}

function readDraft(key) {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? 'null');
    return draft && typeof draft.value === 'string' && draft.value.trim() ? draft : null;
  } catch {
    return null;
  }
}

function writeDraft(key, draft) {
  try {
    if (draft.value.trim()) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // A full or refused storage only means no draft is kept.
  }
}

/** Whether an unsent draft of this box is kept. */
export function hasDraft(area) {
  return readDraft(draftKey(area)) !== null;
}

function plainText(html) {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div.innerText.trim();
}

// The note above the box that says an unsent draft came back.
function draftNote(area, t) {
  const note = document.createElement('p');
  note.className = 'alert alert-info py-1 px-2 small mb-2 draft-note';
  note.setAttribute('role', 'status');
  note.textContent = t('editor.restored');
  area.before(note);
  return note;
}

// Fields typed beside the box (a new thread's title) are kept in the draft too, each by its own key.
function keepFields(fields) {
  let restored = false;
  for (const field of fields) {
    const draft = readDraft(draftKey(field));
    if (draft && !field.value) {
      field.value = draft.value;
      restored = true;
    }
    field.addEventListener('input', () => writeDraft(draftKey(field), { kind: 'text', value: field.value }));
  }
  return restored;
}

/**
 * Makes a message box of the textarea; returns the box: html() to send, empty(), clear() once sent,
 * setHtml() to start from a text already written, focus(), remove() when the box goes away, and
 * ready, which settles once the editor is there (or could not come). The editor loads when the
 * textarea is first focused or pointed at, or when setHtml() or focus() is called. Options:
 * mentions, the id of the community whose members "@" suggests; fields, inputs whose values the
 * draft keeps too; pictures (see post-attachments.js): pictures pasted, dropped or picked are sent
 * and shown.
 */
export function messageBox(area, t, { mentions = null, fields = [], pictures = null } = {}) {
  const key = draftKey(area);
  let editor = null;
  let note = null;
  let removed = false;
  const draft = readDraft(key);
  // The editor's first content, as HTML: a rich draft, or a text given to edit, until the person
  // types in the textarea (then what is there).
  let richText = draft?.kind === 'html' ? draft.value : null;
  if (draft) area.value = draft.kind === 'html' ? plainText(draft.value) : draft.value;
  if (keepFields(fields) || draft) note = draftNote(area, t);
  area.addEventListener('input', () => {
    if (editor) return;
    richText = null;
    writeDraft(key, { kind: 'text', value: area.value });
  });
  // Whether the person is in the textarea: the editor, hiding it, takes the focus away, and gives
  // it back in its own frame.
  let inBox = false;
  area.addEventListener('focus', () => { inBox = true; });
  area.addEventListener('blur', () => { if (area.getClientRects().length > 0) inBox = false; });
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });
  let loading = null;
  // The editor's state on the textarea, for whoever waits for it (tests): loading, ready or none.
  const load = () => {
    area.dataset.editor ??= 'loading';
    loading ??= import('./editor.js')
      .then(({ startEditor }) => startEditor(area, t, {
        mentions,
        pictures,
        content: () => richText ?? (area.value.trim() ? paragraphs(area.value) : ''),
        changed: (html) => writeDraft(key, { kind: 'html', value: html }),
      }))
      .then((made) => {
        if (removed) {
          made.remove();
          return null;
        }
        editor = made;
        area.required = false; // the hidden textarea cannot be checked by the browser; empty() is
        // Where the person was typing, they go on typing, now in the editor.
        if (inBox || document.activeElement === area) {
          editor.focus();
          editor.selection.select(editor.getBody(), true);
          editor.selection.collapse(false);
        }
        return editor;
      })
      .catch(() => null)
      .then((made) => {
        area.dataset.editor = made ? 'ready' : 'none';
        resolveReady(made);
      });
    return loading;
  };
  for (const event of ['focus', 'pointerenter']) area.addEventListener(event, load, { once: true });
  return {
    // Before the editor, a rich draft or a text given to edit is sent as it is, unless retyped.
    html: () => (editor ? ownPictures(editor.getContent()) : richText ?? paragraphs(area.value)),
    empty: () => (editor
      ? !editor.getContent({ format: 'text' }).trim() && !editor.getBody().querySelector('img')
      : !area.value.trim() && !/<img\b/i.test(richText ?? '')),
    clear() {
      if (editor) editor.setContent('');
      area.value = '';
      richText = null;
      writeDraft(key, { value: '' });
      for (const field of fields) writeDraft(draftKey(field), { value: '' });
      note?.remove();
      note = null;
    },
    setHtml(html) {
      if (editor) {
        editor.setContent(html);
      } else {
        richText = html;
        area.value = plainText(html);
        load();
      }
    },
    focus() {
      if (editor) editor.focus();
      else area.focus(); // which loads the editor
    },
    remove() {
      removed = true;
      editor?.remove();
      note?.remove();
    },
    ready,
  };
}

// The editor writes every address whole; our pictures are kept by their path (the server takes no
// other address for a picture).
function ownPictures(html) {
  return html.split(`src="${location.origin}/api/v1/post-files/`).join('src="/api/v1/post-files/');
}
