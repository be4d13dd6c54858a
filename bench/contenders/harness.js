// The in-page half of the benchmark, the same for every contender: loads the form and the
// contender's module, times the first render and each keystroke, and answers run.js through
// `window.__bench`. Its own bytes are not counted for any contender.
//
// A contender module's default export:
//   prepare(form, params)  optional, before anything is timed (e.g. load a compiled definition)
//   render(container, form) starts rendering; returns the node whose subtree holds the controls
//   afterInput()           resolves with performance.now() at the end of the library's update
//                          caused by the input event that has just been dispatched
//   value()                the target field's value as the library's own state holds it
//   caveats                optional list of strings recorded with the results
/* global URLSearchParams, location, performance, MutationObserver, fetch, URL, document, window, setTimeout */
import { nextPaint } from './shared.js';

const params = new URLSearchParams(location.search);
const name = params.get('c');
const n = Number(params.get('n'));
const CONTROLS = 'input, select, textarea';
/**
 * Controls that fill more than a first screen (a phone shows 5 to 8 questions, a laptop some 12):
 * a contender that draws a long form in parts can be answered from then on.
 */
const FIRST_SCREEN = 20;

function countControls(root) {
  return root.querySelectorAll(CONTROLS).length;
}

/**
 * Resolves with the times at which `root` first holds `first` and then `all` controls: one
 * observer counts for both, so the measured render pays for one count per mutation, as before.
 */
function controlsPresent(root, first, all) {
  return new Promise((resolve) => {
    let firstAt;
    const check = () => {
      const count = countControls(root);
      if (firstAt === undefined && count >= first) firstAt = performance.now();
      if (count < all) return false;
      resolve({ first: firstAt, all: performance.now() });
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

const state = { contender: undefined, form: undefined, root: undefined, target: undefined };
let pending;

async function load() {
  const [form, module] = await Promise.all([
    fetch(`/form/${n}.json`).then((response) => response.json()),
    import(new URL(`./${name}.js`, import.meta.url).href),
  ]);
  state.form = form;
  state.contender = module.default;
  await state.contender.prepare?.(form, params);
}

async function render() {
  const container = document.getElementById('app');
  performance.mark('bench:render:start');
  const start = performance.now();
  const root = state.contender.render(container, state.form);
  const returned = performance.now();
  state.root = root;
  const present = await controlsPresent(root, Math.min(FIRST_SCREEN, state.form.n), state.form.n);
  performance.mark('bench:render:controls');
  const painted = await nextPaint();
  performance.mark('bench:render:paint');
  return {
    call: returned - start,
    controls: present.all - start,
    firstScreen: present.first - start,
    paint: painted - start,
    count: countControls(root),
  };
}

/** Focuses the target field with the caret at the end of its text. */
function focusTarget() {
  const { value } = state.form.target;
  const target = [...state.root.querySelectorAll('input')].find((input) => input.value === value);
  if (!target) throw new Error(`no input holds ${JSON.stringify(value)}`);
  state.target = target;
  target.focus();
  target.setSelectionRange(value.length, value.length);
  return document.activeElement !== null;
}

/**
 * Prepares the measurement of keystroke `index`; `result()` reports it. The marks
 * (`bench:key:<index>:down|paint`, the last `paint` counts) let run.js read the main thread's CPU
 * time from a trace.
 */
function arm(index) {
  let keydown;
  let resolveResult;
  const result = new Promise((resolve) => {
    resolveResult = resolve;
  });
  const onKeydown = () => {
    keydown = performance.now();
    performance.mark(`bench:key:${index}:down`);
    if (window.__benchCommits) window.__benchCommits.atKeydown = window.__benchCommits.count;
  };
  const onInput = async () => {
    const settled = state.contender.afterInput();
    const firstPaint = nextPaint().then((time) => {
      performance.mark(`bench:key:${index}:paint`);
      return time;
    });
    const end = await settled;
    let painted = await firstPaint;
    // The update ended after that frame: the change is seen in the first frame after it.
    if (painted < end) {
      painted = await nextPaint();
      performance.mark(`bench:key:${index}:paint`);
    }
    resolveResult({ js: end - keydown, paint: painted - keydown });
  };
  window.addEventListener('keydown', onKeydown, { capture: true, once: true });
  window.addEventListener('input', onInput, { once: true });
  pending = result;
}

function result() {
  return Promise.race([
    pending,
    new Promise((resolve) =>
      setTimeout(() => resolve({ js: NaN, paint: NaN, timeout: true }), 5000),
    ),
  ]);
}

function idle(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

window.__bench = {
  name,
  n,
  load,
  render,
  focusTarget,
  arm,
  result,
  idle,
  value: () => state.contender.value(),
  targetText: () => state.target?.value,
  caveats: () => state.contender?.caveats ?? [],
};
