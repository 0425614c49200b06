// Calls the JSON API with the session cookie; failures carry the API's message.
export async function api(method, path, body) {
  // The header proves the request comes from our own pages (see SessionFilter).
  const options = { method, credentials: 'same-origin', headers: { 'X-Requested-With': 'cop-connector' } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(data?.message ?? `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

export const list = (text) => text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

// The request without its empty fields: the API refuses null where it expects an object.
export const compact = (body) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null && v !== undefined));
