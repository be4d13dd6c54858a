/**
 * Fault injection for tests of clients (retries, outbox): with a given probability per request to
 * the submission route, the receiver misbehaves the way real networks and servers do. Off unless
 * asked for (`FAULTS` or `startReceiver({ faults })`); never enable it in production.
 *
 *   drop            the connection is destroyed before anything is read; nothing is stored
 *   dropAfterStore  the submission is processed and stored, then the connection is destroyed
 *                   instead of answering (a lost response: a retry with the same key replays)
 *   status500       500 before anything is processed; nothing is stored
 *   status503       503 with Retry-After: 1; nothing is stored
 *   status429       429 with Retry-After: 1; nothing is stored
 *   stall           waits `stallMs` (default 30 s) after reading the body, then carries on as
 *                   usual: stores and answers (a client that gave up and retried gets a replay)
 *
 * One draw from a seeded PRNG per request, in arrival order, so a test run is repeatable.
 *
 *   FAULTS='seed=7,dropAfterStore=0.2,status503=0.1'   or   FAULTS='{"seed":7,"drop":0.5}'
 */

export const FAULT_KINDS = [
  'drop',
  'dropAfterStore',
  'status500',
  'status503',
  'status429',
  'stall',
];

/** Parses the FAULTS environment variable; undefined when empty. Throws on a typo. */
export function parseFaults(text) {
  if (text === undefined || text.trim() === '') return undefined;
  if (text.trim().startsWith('{')) return checkFaults(JSON.parse(text));
  const options = {};
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!key) continue;
    options[key] = Number(value);
  }
  return checkFaults(options);
}

function checkFaults(options) {
  let total = 0;
  for (const [key, value] of Object.entries(options)) {
    if (key === 'seed' || key === 'stallMs') {
      if (!Number.isFinite(value) || value < 0) throw new Error(`FAULTS: ${key} must be ≥ 0`);
      continue;
    }
    if (!FAULT_KINDS.includes(key)) throw new Error(`FAULTS: unknown fault ${key}`);
    if (!(value >= 0 && value <= 1)) throw new Error(`FAULTS: ${key} must be between 0 and 1`);
    total += value;
  }
  if (total > 1 + 1e-9) throw new Error('FAULTS: the probabilities add up to more than 1');
  return options;
}

/** mulberry32: small, fast, good enough to pick faults; not for anything secret. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {Record<string, number> | undefined} options
 * @returns {undefined | { pick: () => string | undefined, stallMs: number }}
 */
export function createFaults(options) {
  if (!options) return undefined;
  const checked = checkFaults({ ...options });
  const random = seededRandom(checked.seed ?? 1);
  const kinds = FAULT_KINDS.filter((kind) => checked[kind] > 0);
  if (kinds.length === 0) return undefined;
  return {
    stallMs: checked.stallMs ?? 30_000,
    pick() {
      let r = random();
      for (const kind of kinds) {
        r -= checked[kind];
        if (r < 0) return kind;
      }
      return undefined;
    },
  };
}
