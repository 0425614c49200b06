// Strings come from bundles (assets/i18n/<lang>.json); pages mark the elements to translate
// with a data-i18n attribute naming the string.
const bundles = new Map();

export async function load(lang) {
  if (!bundles.has(lang)) {
    const response = await fetch(`/assets/i18n/${lang}.json`);
    bundles.set(lang, response.ok ? await response.json() : {});
  }
  const strings = bundles.get(lang);
  document.documentElement.lang = lang;
  return (key, params = {}) => {
    const text = strings[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
  };
}

export function translatePage(t) {
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll('[data-i18n-attr]')) {
    const [attribute, key] = element.dataset.i18nAttr.split(':');
    element.setAttribute(attribute, t(key));
  }
}
