// API requests on their way, for whenIdle.
let pending = 0;
let idleWaiters = [];

// Checks for idleness a task later, when what the last answer started has started too.
function settled() {
  setTimeout(() => {
    if (pending > 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  }, 0);
}

// Resolves once no API request is on its way, not even one started by a previous answer.
export function whenIdle() {
  return new Promise((resolve) => {
    idleWaiters.push(resolve);
    settled();
  });
}

// GET requests a page starts as its script loads (those it can only know then, e.g. from a form's
// defaults; early.js starts the others sooner), so that they travel together instead of one after
// the other; the first api('GET', path) takes the answer.
const early = new Map();

// A request early.js started in the head for this address, if any; taken once.
export function takeEarly(path) {
  const answer = window.copEarly?.get(path);
  if (answer) window.copEarly.delete(path);
  return answer;
}

export function prefetch(...paths) {
  for (const path of paths) {
    if (early.has(path)) continue;
    const answer = api('GET', path);
    answer.catch(() => {}); // whoever takes it handles the failure
    early.set(path, answer);
  }
}

// Calls the JSON API with the session cookie; a failure carries the API's status, reason and
// details, so pages can say what went wrong in the reader's language (t.error).
export async function api(method, path, body) {
  if (method === 'GET' && early.has(path)) {
    const answer = early.get(path);
    early.delete(path);
    return answer;
  }
  // The header proves the request comes from our own pages (see SessionFilter).
  const options = { method, credentials: 'same-origin', headers: { 'X-Requested-With': 'cop-connector' } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const started = method === 'GET' ? takeEarly(path) : undefined;
  pending += 1;
  let response;
  let text;
  try {
    response = await (started ?? fetch(path, options));
    text = await response.text();
  } finally {
    pending -= 1;
    if (pending === 0) settled();
  }
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw apiError(response.status, data);
  }
  return data;
}

// The error a refused request becomes (also used by uploads, which do not go through fetch).
export function apiError(status, data) {
  const error = new Error(data?.message ?? `HTTP ${status}`);
  error.status = status;
  error.code = data?.error;
  error.reason = data?.reason;
  error.details = data?.details ?? {};
  return error;
}

export const list = (text) => text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

// The request without its empty fields: the API refuses null where it expects an object.
export const compact = (body) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null && v !== undefined));
