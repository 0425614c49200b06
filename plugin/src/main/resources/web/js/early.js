// Runs in the head before the styles and modules load, and starts what the page waits for: the
// strings of the language the person had on their last page, and the requests on data-early (who
// is signed in, the page's own first data: addresses with {name} taken from the page's query, and
// {lang} the language of the last page; the server leaves it empty for someone not signed in).
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
  if (!/^[a-z]{2,3}$/.test(language ?? '')) language = null;
  if (language) {
    const path = `/assets/i18n/${language}.json`;
    early.set(path, fetch(path));
  }
  const query = new URLSearchParams(window.location.search);
  const paths = [];
  for (const template of (document.currentScript.dataset.early ?? '').split(' ').filter(Boolean)) {
    let complete = true;
    const path = template.replace(/\{(\w+)\}/g, (_, name) => {
      const value = name === 'lang' ? language : query.get(name);
      if (value === null || value === '') complete = false;
      return encodeURIComponent(value ?? '');
    });
    if (complete) paths.push(path);
  }
  if (paths.length === 1) json(paths[0]);
  if (paths.length < 2) return;
  // Several reads travel as one request (/api/v1/page-reads); each is then taken as if fetched
  // alone. A read left unanswered there (not JSON) is fetched alone.
  const reads = new URLSearchParams(paths.map((path) => ['get', path]));
  const all = fetch(`/api/v1/page-reads?${reads}`, {
    credentials: 'same-origin', headers: { 'X-Requested-With': 'cop-connector' },
  }).then(async (response) => {
    const text = await response.text();
    if (!response.ok) return { refused: { ok: false, status: response.status, text: async () => text } };
    return { answers: new Map(JSON.parse(text).reads.map((read) => [read.path, read])) };
  });
  for (const path of paths) {
    early.set(path, all.then(({ refused, answers }) => {
      if (refused) return refused;
      const read = answers.get(path);
      if (!read || read.status === 0) {
        return fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'cop-connector' } });
      }
      return { ok: read.status >= 200 && read.status < 300, status: read.status, text: async () => read.body ?? '' };
    }));
  }
}());
