// intake-elements given the raw JSON definition again, as on a person's second visit: before the
// measured render, the same schema is shown once off screen, so that the element keeps its
// compiled validators (src/validation/validator-cache.ts, IndexedDB). The measured render then
// evaluates the kept code instead of compiling the schema. What this leaves out of a real second
// visit: the compiler chunk is already in memory here (there, from the HTTP cache).
/* global document, indexedDB, setTimeout, URLSearchParams */
import intake from './intake-elements.js';

let cached = false;

/** Whether the validator cache holds an entry (besides its index), read with IndexedDB itself. */
function kept() {
  return new Promise((resolve) => {
    const request = indexedDB.open('intake-elements-validators');
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('validators')) return resolve(false);
      const count = db.transaction('validators').objectStore('validators').count();
      count.onsuccess = () => resolve(count.result >= 2);
      count.onerror = () => resolve(false);
    };
  });
}

export default {
  caveats: intake.caveats,
  async prepare(form) {
    await intake.prepare(form, new URLSearchParams());
    // The first visit, off screen: its form compiles the schema and keeps the code when idle.
    const first = document.createElement('intake-form');
    first.style.cssText = 'position:absolute;visibility:hidden';
    const ready = new Promise((resolve) => first.addEventListener('intake-ready', resolve));
    first.definition = { id: `bench-${form.n}`, version: '1', lang: 'en', schema: form.schema };
    document.body.append(first);
    await ready;
    for (let i = 0; i < 200 && !(await kept()); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    first.remove();
  },
  render(container, form) {
    const root = intake.render(container, form);
    container.firstElementChild.addEventListener('intake-ready', (event) => {
      cached = event.detail.validator === 'cached';
      if (!cached) intake.caveats.push('repeat visit: the kept validators were not used');
    });
    return root;
  },
  afterInput: (...args) => intake.afterInput(...args),
  value: (...args) => intake.value(...args),
};
