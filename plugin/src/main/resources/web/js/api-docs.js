// The API description in Swagger UI (its own words stay in English, as the editor's dialogs do).
import { showLoadFailure, signedIn } from './ui.js';

const $ = (id) => document.getElementById(id);

// Swagger UI's one large script, loaded once the page has drawn.
function loadBrowser(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function render() {
  await signedIn();
  await loadBrowser($('swagger-ui').dataset.script);
  window.SwaggerUIBundle({
    url: '/api/openapi.json',
    domNode: $('swagger-ui'),
    deepLinking: false,
    // No call to the public validator: the document stays on this server.
    validatorUrl: null,
    // Changes tried here need the header the connector's own pages send.
    requestInterceptor: (request) => {
      request.headers['X-Requested-With'] = 'cop-connector';
      return request;
    },
    onComplete: () => { $('status').hidden = true; },
  });
}

render().catch((error) => showLoadFailure(error));
