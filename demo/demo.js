// Demo-only glue. Lives in its own file because the page runs under `script-src 'self'`,
// which forbids inline scripts — the same constraint a municipal CMS usually imposes.

const status = document.getElementById('submission-status');
const output = document.getElementById('envelope');

// event.detail may carry a Response or an Error, which JSON.stringify would flatten to `{}`.
function toJson(_key, value) {
  if (typeof Response !== 'undefined' && value instanceof Response) {
    return { status: value.status, statusText: value.statusText, url: value.url };
  }
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

function show(event, summary) {
  status.textContent = summary;
  output.textContent = JSON.stringify(event.detail, toJson, 2);
}

// Listening on document works because the element's events bubble and are composed.
document.addEventListener('intake-submitted', (event) => {
  const { reference } = event.detail ?? {};
  show(event, reference ? `Angenommen. Aktenzeichen: ${reference}` : 'Angenommen.');
});

document.addEventListener('intake-error', (event) => {
  const { type, message } = event.detail ?? {};
  show(event, `Fehler (${type ?? 'unbekannt'}): ${message ?? ''}`.trim());
});
