// The rich-text editor of a message box (message-box.js): TinyMCE over its textarea, loaded with
// this module when the box is first used. The toolbar makes only what the server keeps (it
// sanitises every post again).
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

/**
 * Puts the editor over the textarea, starting with content() (HTML); changed(html) is told of
 * every change. Resolves with the editor once it is ready; rejects when it cannot load.
 */
export async function startEditor(area, t, { mentions, pictures, content, changed }) {
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
      ed.on('init', () => ed.setContent(content()));
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
      ed.on('input change undo redo SetContent', () => changed(ed.getContent()));
    },
  });
  if (!editor) throw new Error('no editor');
  return editor;
}
