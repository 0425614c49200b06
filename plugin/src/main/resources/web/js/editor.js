// A message box: TinyMCE over a textarea, with a draft kept in the browser. The toolbar makes only
// what the server keeps (it sanitises every post again); if the editor cannot load, the textarea
// stays and its plain text becomes paragraphs, as before.
import { paragraphs } from './text.js';
import { addMentions } from './mentions.js';

// The elements the toolbar makes, as TinyMCE's schema: anything else (a word processor's styles,
// classes, images) is dropped while pasting or typing. A link may be a mention of a member.
const ELEMENTS = 'p,br,strong/b,em/i,u,s,sub,sup,blockquote,ul,ol,li,code,pre,h3,h4,hr,a[href|data-mention],'
  + 'table,thead,tbody,tr,th,td';

// The editor's own words (dialogs, menus) in the pages' other languages: TinyMCE's community
// language packs, served beside the pages; English is built in.
const PACKS = { pt: 'pt_PT', es: 'es' };

// TinyMCE's own words on the toolbar and in the editor's label, by the bundle key that says them.
const WORDS = {
  Bold: 'editor.bold',
  Italic: 'editor.italic',
  'Bullet list': 'editor.bullets',
  'Numbered list': 'editor.numbers',
  'Insert/edit link': 'editor.link',
  'Insert/Edit Link': 'editor.link',
  Blockquote: 'editor.quote',
  Table: 'editor.table',
  Blocks: 'editor.blocks',
  Undo: 'editor.undo',
  Redo: 'editor.redo',
  'Rich Text Area': 'editor.area',
  URL: 'editor.url',
  'Text to display': 'editor.text',
  Save: 'editor.save',
  Cancel: 'action.cancel',
  'More...': 'editor.more',
};

let loading = null;
const packs = new Map();

function loadPack(lang) {
  const code = PACKS[lang];
  if (!code) return Promise.resolve(lang);
  if (!packs.has(lang)) {
    packs.set(lang, new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = `/assets/editor-langs/${lang}.js`;
      // Without its pack the editor still works, its dialogs in English.
      script.addEventListener('load', () => resolve(code));
      script.addEventListener('error', () => resolve(lang));
      document.head.append(script);
    }));
  }
  return packs.get(lang);
}

function loadScript() {
  if (window.tinymce) return Promise.resolve(window.tinymce);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const base = document.querySelector('meta[name=editor]')?.content;
      if (!base) { reject(new Error('no editor')); return; }
      const script = document.createElement('script');
      script.src = `${base}/tinymce.min.js`;
      script.addEventListener('load', () => (window.tinymce ? resolve(window.tinymce) : reject(new Error('no editor'))));
      script.addEventListener('error', () => reject(new Error('no editor')));
      document.head.append(script);
    });
  }
  return loading;
}

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
 * Puts the editor over the textarea; returns the box: html() to send, empty(), clear() once sent,
 * setHtml() to start from a text already written, focus(), remove() when the box goes away. Until
 * the editor is ready (or if it never is) the textarea is the box. Options: mentions, the id of
 * the community whose members "@" suggests; fields, inputs whose values the draft keeps too;
 * pictures (see post-attachments.js): pictures pasted, dropped or picked are sent and shown.
 */
export function messageBox(area, t, { mentions = null, fields = [], pictures = null } = {}) {
  const key = draftKey(area);
  let editor = null;
  let note = null;
  let starting = null; // a text to start from, given before the editor was ready
  const draft = readDraft(key);
  if (draft) area.value = draft.kind === 'html' ? plainText(draft.value) : draft.value;
  if (keepFields(fields) || draft) note = draftNote(area, t);
  area.addEventListener('input', () => {
    if (!editor) writeDraft(key, { kind: 'text', value: area.value });
  });
  const box = {
    html: () => (editor ? ownPictures(editor.getContent()) : paragraphs(area.value)),
    empty: () => (editor
      ? !editor.getContent({ format: 'text' }).trim() && !editor.getBody().querySelector('img')
      : !area.value.trim()),
    clear() {
      if (editor) editor.setContent('');
      area.value = '';
      writeDraft(key, { value: '' });
      for (const field of fields) writeDraft(draftKey(field), { value: '' });
      note?.remove();
      note = null;
    },
    setHtml(html) {
      if (editor) {
        editor.setContent(html);
      } else {
        starting = html;
        area.value = plainText(html);
      }
    },
    focus: () => (editor ? editor.focus() : area.focus()),
    remove() {
      editor?.remove();
      note?.remove();
    },
    ready: null,
  };
  box.ready = start(area, t, { key, draft, mentions, pictures, starting: () => starting }, (made) => {
    editor = made;
    area.required = false; // the hidden textarea cannot be checked by the browser; empty() is
  }).catch(() => null);
  return box;
}

// The editor writes every address whole; our pictures are kept by their path (the server takes no
// other address for a picture).
function ownPictures(html) {
  return html.split(`src="${location.origin}/api/v1/post-files/`).join('src="/api/v1/post-files/');
}

// Image files among what is pasted or dropped.
function pictureFiles(data) {
  return [...(data?.files ?? [])].filter((file) => /^image\/(png|jpeg)$/.test(file.type));
}

// Sends the pictures and shows each where the cursor is, once the server kept it.
async function insertPictures(ed, pictures, files) {
  for (const file of files) {
    try {
      const { url, alt } = await pictures.upload(file);
      const img = ed.dom.create('img', { src: url, alt });
      ed.insertContent(ed.dom.getOuterHTML(img));
    } catch {
      // The box's status says what went wrong.
    }
  }
}

// A toolbar button that picks pictures from the computer (or the phone's camera).
function pictureButton(ed, t, pictures) {
  ed.ui.registry.addButton('picture', {
    icon: 'image',
    tooltip: t('editor.picture'),
    onAction: () => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/png,image/jpeg';
      input.multiple = true;
      input.addEventListener('change', () => insertPictures(ed, pictures, [...input.files]));
      input.click();
    },
  });
}

async function start(area, t, { key, draft, mentions, pictures, starting }, started) {
  const tinymce = await loadScript();
  const language = await loadPack(t.lang);
  const words = {};
  for (const [english, bundleKey] of Object.entries(WORDS)) words[english] = t(bundleKey);
  tinymce.addI18n(language, words);
  const [editor] = await tinymce.init({
    target: area,
    license_key: 'gpl',
    language,
    base_url: document.querySelector('meta[name=editor]').content,
    suffix: '.min',
    menubar: false,
    iframe_aria_text: t('editor.area'),
    statusbar: false,
    branding: false,
    promotion: false,
    plugins: 'lists link table autoresize',
    toolbar: `blocks | bold italic | bullist numlist | link blockquote inlinecode | table${pictures ? ' picture' : ''} | undo redo`,
    toolbar_mode: 'wrap',
    block_formats: `${t('editor.paragraph')}=p; ${t('editor.heading')}=h3; ${t('editor.subheading')}=h4; ${t('editor.code')}=pre`,
    // Pictures only at the addresses the server gives them (it keeps no others).
    valid_elements: pictures ? `${ELEMENTS},img[src|alt]` : ELEMENTS,
    entity_encoding: 'raw',
    paste_data_images: false,
    paste_block_drop: !pictures,
    paste_webkit_styles: 'none',
    paste_remove_styles_if_webkit: true,
    link_default_protocol: 'https',
    link_target_list: false,
    link_title: false,
    link_assume_external_targets: 'https',
    relative_urls: false,
    remove_script_host: false,
    table_default_attributes: {},
    table_default_styles: {},
    table_appearance_options: false,
    table_advtab: false,
    table_style_by_css: false,
    table_resize_bars: false,
    object_resizing: false,
    contextmenu: false,
    min_height: 220,
    // The skin's own content styles, and ours: a picture fits the box.
    content_css: pictures ? ['default', '/assets/app.css'] : 'default',
    autoresize_bottom_margin: 16,
    setup(ed) {
      ed.ui.registry.addToggleButton('inlinecode', {
        icon: 'sourcecode',
        tooltip: t('editor.inlineCode'),
        onAction: () => ed.execCommand('mceToggleFormat', false, 'code'),
        onSetup: (api) => {
          api.setActive(ed.formatter.match('code'));
          return ed.formatter.formatChanged('code', (active) => api.setActive(active)).unbind;
        },
      });
      if (mentions) addMentions(ed, mentions);
      ed.on('init', () => {
        if (draft) ed.setContent(draft.kind === 'html' ? draft.value : paragraphs(draft.value));
        else if (starting() !== null) ed.setContent(starting());
      });
      if (pictures) {
        pictureButton(ed, t, pictures);
        // Before the editor's own handling: a pasted or dropped picture is sent, not inlined.
        ed.on('paste', (event) => {
          const files = pictureFiles(event.clipboardData);
          if (files.length === 0) return;
          event.preventDefault();
          insertPictures(ed, pictures, files);
        });
        ed.on('drop', (event) => {
          const files = pictureFiles(event.dataTransfer);
          if (files.length === 0) return;
          event.preventDefault();
          if (event.clientX !== undefined) {
            const range = ed.getDoc().caretRangeFromPoint?.(event.clientX, event.clientY);
            if (range) ed.selection.setRng(range);
          }
          insertPictures(ed, pictures, files);
        });
      }
      ed.on('input change undo redo SetContent', () => writeDraft(key, { kind: 'html', value: ed.getContent() }));
    },
  });
  if (!editor) throw new Error('no editor');
  started(editor);
  return editor;
}
