import { takeEarly } from './api.js';

// Strings come from one bundle per language (assets/i18n/<lang>.json, flat key → text with
// {param} placeholders). Plurals are keys ending in .one/.other… chosen by Intl.PluralRules;
// numbers and dates are formatted by Intl in the page's language.
const bundles = new Map();
const reported = new Set();

// The regional variant whose rules we follow: European Portuguese says "0 membros", not "0 membro".
const INTL_LOCALE = { pt: 'pt-PT', en: 'en-GB', es: 'es-ES' };

// One request per language and page, however many ask for it at once.
function bundle(lang) {
  if (!bundles.has(lang)) {
    const path = `/assets/i18n/${lang}.json`;
    bundles.set(lang, (takeEarly(path) ?? fetch(path)).then((response) => (response.ok ? response.json() : {})));
  }
  return bundles.get(lang);
}

// A missing string is a defect: it is reported once on the console (tests fail on it) and the
// key stands in; English is read then (not before: every bundle is complete, BundlesTest checks
// it) and stands in for the strings drawn after.
let english = null;

function missing(key, lang) {
  if (!reported.has(key)) {
    reported.add(key);
    console.error(`Missing translation: ${key}`);
  }
  if (english === null && lang !== 'en') {
    english = {};
    bundle('en').then((strings) => { english = strings; }, () => {});
  }
}

function fill(text, params, numbers) {
  return text.replace(/\{(\w+)\}/g, (_, name) => {
    const value = params[name];
    if (typeof value === 'number') return numbers().format(value);
    return String(value ?? '');
  });
}

// The translator of one language: t(key, params), with t.has, t.date, t.relative, t.number,
// t.list and t.error beside it.
export async function load(lang) {
  const strings = await bundle(lang);
  const locale = INTL_LOCALE[lang] ?? lang;
  // Each formatter is made when first used: making one costs the page's first paint a few
  // milliseconds, and most pages use two or three of the six.
  const once = (make) => {
    let made = null;
    return () => (made ??= make());
  };
  const plurals = once(() => new Intl.PluralRules(locale));
  const numbers = once(() => new Intl.NumberFormat(locale));
  const dates = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const days = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
  const relative = once(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const lists = once(() => new Intl.ListFormat(locale, { type: 'conjunction' }));
  document.documentElement.lang = lang;

  const lookup = (key, params) => {
    if (typeof params.count === 'number' && strings[key] === undefined) {
      const form = strings[`${key}.${plurals().select(params.count)}`] ?? strings[`${key}.other`];
      if (form !== undefined) return form;
    }
    return strings[key];
  };
  const t = (key, params = {}) => {
    const text = lookup(key, params);
    if (text === undefined) {
      missing(key, lang);
      const fallback = english?.[key] ?? english?.[`${key}.other`];
      return fill(fallback ?? key, params, numbers);
    }
    return fill(text, params, numbers);
  };
  t.lang = lang;
  t.locale = locale;
  t.has = (key) => strings[key] !== undefined || strings[`${key}.other`] !== undefined;
  t.number = (n) => numbers().format(n);
  t.date = (iso) => (iso ? dates().format(new Date(iso)) : '');
  t.day = (iso) => (iso ? days().format(new Date(iso)) : '');
  t.list = (items) => lists().format(items);
  // "3 hours ago", "in 2 days", "yesterday": the largest unit that fits.
  t.relative = (iso) => {
    if (!iso) return '';
    const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
    const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return relative().format(Math.round(seconds / size), unit);
    }
    return relative().format(0, 'second');
  };
  // What went wrong, in the reader's language: by the reason the server gave, then by status;
  // the server's English message only when neither is known.
  t.error = (error) => {
    const details = { ...(error.details ?? {}) };
    if (details.field && t.has(`field.${details.field}`)) details.field = t(`field.${details.field}`);
    if (error.reason && t.has(`error.${error.reason}`)) return t(`error.${error.reason}`, details);
    if (error.status && t.has(`error.status.${error.status}`)) return t(`error.status.${error.status}`, details);
    if (!error.status) return t('problem.network');
    return error.message;
  };
  return t;
}

export function translatePage(t) {
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute, t(key));
    }
  }
}

// The language a signed-out visitor reads: the browser's, if we have it.
export function browserLanguage(supported = ['en', 'pt', 'es']) {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = tag?.toLowerCase().split('-')[0];
    if (supported.includes(lang)) return lang;
  }
  return 'en';
}
