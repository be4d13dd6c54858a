// The builder demo: opens the example definitions from /schemas/ (or ?example=<id>) and switches
// the builder's own language. Unexported work stays in this browser between visits.
const builder = document.getElementById('builder');
const form = document.getElementById('open-example');
const select = document.getElementById('example');
const locale = document.getElementById('ui-locale');
const EXAMPLES = new Set(['ki-erstberatung', 'sprachkurs-anmeldung']);

/** Examples whose translations live in files beside them, with the command line's .meta.json. */
const WITH_TRANSLATION_FILES = new Set(['ki-erstberatung']);

async function open(id) {
  if (!EXAMPLES.has(id)) return;
  // By URL, the builder reads the translation files and their recorded source hashes too, so the
  // translation table shows what is missing or outdated exactly as `translations status` does.
  if (WITH_TRANSLATION_FILES.has(id)) {
    builder.src = `/schemas/${id}.json`;
    return;
  }
  const response = await fetch(`/schemas/${id}.json`);
  if (response.ok) builder.definition = await response.json();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void open(select.value);
});
locale.addEventListener('change', () => {
  builder.setAttribute('locale', locale.value);
  document.documentElement.lang = locale.value;
});

const requested = new URLSearchParams(location.search).get('example');
if (requested) {
  select.value = requested;
  void open(requested);
}

// "Export compiled module": the receiver compiles for staff signed in to the inbox (/inbox/).
const COMPILE_TEXTS = {
  de: {
    signIn: 'Bitte zuerst im Posteingang (/inbox/) anmelden.',
    failed: (status) => `Der Server antwortete ${status}.`,
  },
  en: {
    signIn: 'Sign in to the inbox (/inbox/) first.',
    failed: (status) => `The server answered ${status}.`,
  },
};

builder.compileModule = async (definition) => {
  const texts = COMPILE_TEXTS[locale.value] ?? COMPILE_TEXTS.de;
  const session = await fetch('/inbox/api/session', { credentials: 'same-origin' });
  if (!session.ok) throw new Error(texts.signIn);
  const { csrfToken } = await session.json();
  const response = await fetch('/inbox/api/compile', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
    body: JSON.stringify(definition),
  });
  if (response.ok) return response.text();
  let problem;
  try {
    problem = await response.json();
  } catch {
    throw new Error(texts.failed(response.status));
  }
  const details = (problem.errors ?? []).map((e) => `${e.pointer || '/'}: ${e.detail}`);
  throw new Error([problem.detail ?? texts.failed(response.status), ...details].join(' '));
};
