// Runs in the head before the styles and modules load, and starts what the page waits for: the
// strings of the language the person had on their last page, and the requests on data-early (who
// is signed in, the page's own first data: addresses with {name} taken from the page's query; the
// server leaves it empty for someone not signed in).
// api.js and i18n.js take these answers instead of asking again.
(function () {
  const early = new Map();
  window.copEarly = early;
  const json = (path) => early.set(path, fetch(path, {
    credentials: 'same-origin', headers: { 'X-Requested-With': 'cop-connector' },
  }));
  let language = null;
  try {
    language = window.localStorage.getItem('cop-connector.language');
  } catch {
    // storage refused (a third-party frame): the strings are read after the hub answers
  }
  if (language && /^[a-z]{2,3}$/.test(language)) {
    const path = `/assets/i18n/${language}.json`;
    early.set(path, fetch(path));
  }
  const query = new URLSearchParams(window.location.search);
  for (const template of (document.currentScript.dataset.early ?? '').split(' ').filter(Boolean)) {
    let complete = true;
    const path = template.replace(/\{(\w+)\}/g, (_, name) => {
      const value = query.get(name);
      if (value === null || value === '') complete = false;
      return encodeURIComponent(value ?? '');
    });
    if (complete) json(path);
  }
}());
