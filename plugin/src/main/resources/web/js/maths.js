// Maths in what people write: TeX between \( \) (in the line), \[ \] or $$ $$ (on its own line),
// the delimiters of Moodle's MathJax filter, drawn in the browser by KaTeX with its auto-render
// extension (served by the connector, loaded only once a text has some). The stored text keeps the
// TeX, and so does the copy in Moodle; TeX that does not parse stays as it was typed. This module
// itself is loaded by ui.js only for a text with TeX.
import { hasMaths } from './ui.js';

const DELIMITERS = [
  { left: '$$', right: '$$', display: true },
  { left: '\\[', right: '\\]', display: true },
  { left: '\\(', right: '\\)', display: false },
];

// What each element held before its maths was drawn, for typedText().
const typed = new WeakMap();
let loading = null;

function script(src) {
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = src;
    element.addEventListener('load', resolve);
    element.addEventListener('error', () => reject(new Error(`no ${src}`)));
    document.head.append(element);
  });
}

// KaTeX's style sheet, script and auto-render extension, once per page.
function renderer() {
  if (!loading) {
    const base = document.querySelector('meta[name=maths]')?.content;
    if (!base) return Promise.reject(new Error('no maths'));
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${base}/katex.min.css`;
    document.head.append(style);
    loading = script(`${base}/katex.min.js`)
      .then(() => script(`${base}/contrib/auto-render.min.js`))
      .then(() => window.renderMathInElement);
    loading.catch(() => { loading = null; });
  }
  return loading;
}

/**
 * Draws the maths of an element showing stored text; resolves to whether there was any. TeX that
 * does not parse is left as typed, without a word on the console (it is the writer's text).
 */
export async function typeset(element) {
  if (!hasMaths(element.textContent)) return false;
  try {
    const render = await renderer();
    typed.set(element, element.innerHTML);
    render(element, {
      delimiters: DELIMITERS,
      throwOnError: true,
      errorCallback: () => {},
      strict: 'ignore',
      trust: false,
      maxSize: 20,
      maxExpand: 500,
    });
    element.classList.add('with-maths');
    return true;
  } catch {
    return false; // no KaTeX: the TeX stays readable as typed
  }
}

/**
 * The text of an element as its writer typed it (TeX and all), paragraphs apart by a blank line:
 * for quoting and editing it.
 */
export function typedText(element) {
  const markup = typed.get(element);
  if (markup === undefined) return element.innerText;
  const withBreaks = markup
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|blockquote|pre|ul|ol|table)>/gi, '$&\n\n')
    .replace(/<\/(li|tr)>/gi, '$&\n');
  const text = new DOMParser().parseFromString(withBreaks, 'text/html').body.textContent;
  return text.replace(/\n{3,}/g, '\n\n').trim();
}
