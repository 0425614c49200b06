// Runs in the head before the styles and modules load, and starts what the page waits for: the
// strings of the language the person had on their last page, and the requests on data-early (who
// is signed in, the page's own first data: addresses with {name} taken from the page's query,
// {lang} the language of the last page, and {answer.field} a field of the answer to the read before,
// filled in by the server; the server leaves it empty for someone not signed in).
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
  const fromAnswer = (path) => path.includes('{answer.');
  let kept = true;
  for (const template of (document.currentScript.dataset.early ?? '').split(' ').filter(Boolean)) {
    // A read made from the answer before goes only with that read.
    let complete = kept || !fromAnswer(template);
    const path = template.replace(/\{(\w+)\}/g, (_, name) => {
      const value = name === 'lang' ? language : query.get(name);
      if (value === null || value === '') complete = false;
      return encodeURIComponent(value ?? '');
    });
    kept = complete && !paths.includes(path);
    if (kept) paths.push(path);
  }
  if (paths.length === 1 && !fromAnswer(paths[0])) json(paths[0]);
  if (paths.length < 2) return;
  const answered = (read) => ({
    ok: read.status >= 200 && read.status < 300, status: read.status, text: async () => read.body ?? '',
  });
  // Several reads travel as one request (/api/v1/page-reads), answered in order; each is then taken
  // as if fetched alone. A read left unanswered there (not JSON) is fetched alone; one made from
  // an answer is known by its address only now, and left to the page when not made.
  const reads = new URLSearchParams(paths.map((path) => ['get', path]));
  const all = fetch(`/api/v1/page-reads?${reads}`, {
    credentials: 'same-origin', headers: { 'X-Requested-With': 'cop-connector' },
  }).then(async (response) => {
    const text = await response.text();
    if (!response.ok) return { refused: { ok: false, status: response.status, text: async () => text } };
    const answers = new Map();
    JSON.parse(text).reads.forEach((read, i) => {
      if (!fromAnswer(paths[i])) {
        answers.set(paths[i], read);
      } else if (read.status !== 0) {
        early.set(read.path, Promise.resolve(answered(read)));
      }
    });
    return { answers };
  });
  for (const path of paths.filter((p) => !fromAnswer(p))) {
    early.set(path, all.then(({ refused, answers }) => {
      if (refused) return refused;
      const read = answers.get(path);
      if (!read || read.status === 0) {
        return fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'cop-connector' } });
      }
      return answered(read);
    }));
  }
}());
