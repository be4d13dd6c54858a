/**
 * Stored submissions for the inbox's tests and its benchmark (bench/inbox-list.js): a form
 * routed by town (`/kommune`) and `count` submissions spread over the towns, written straight
 * into the storage in batches (with their routing and search rows, as the receiver's ingest
 * writes them), so that 100 000 take seconds, not an hour of HTTP.
 */
import { createHash } from 'node:crypto';
import { searchText } from '../inbox/search.js';

export const TOWNS = Object.freeze(['Bergkamen', 'Bönen', 'Fröndenberg', 'Holzwickede', 'Kamen']);

/** A form whose answers route by town, with a file and an Arabic translation of two labels. */
export const HILFE = Object.freeze({
  id: 'hilfe',
  version: '1',
  lang: 'de',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Hilfe im Alltag',
    type: 'object',
    additionalProperties: false,
    required: ['kommune', 'name'],
    properties: {
      kommune: { type: 'string', title: 'Kommune', enum: [...TOWNS] },
      name: { type: 'string', title: 'Name', maxLength: 200 },
      anliegen: { type: 'string', title: 'Anliegen', maxLength: 2000 },
      dringend: { type: 'boolean', title: 'Dringend' },
      nachweis: { type: 'string', format: 'data-url', title: 'Nachweis' },
    },
  },
  translations: {
    ar: {
      '/schema/properties/kommune/title': 'البلدية',
      '/schema/properties/name/title': 'الاسم',
      '/schema/properties/anliegen/title': 'طلبك',
    },
  },
});

const GIVEN = ['Olena', 'Ahmad', 'Mariam', 'Yusuf', 'Irina', 'Samir', 'Leyla', 'Dmytro', 'Fatima'];
const FAMILY = ['Koval', 'Haddad', 'Yilmaz', 'Rahimi', 'Petrenko', 'Nasser', 'Demir', 'Bondar'];
const TOPICS = [
  'Wohnungssuche und Mietvertrag',
  'Anmeldung beim Sprachkurs',
  'Kita-Platz für zwei Kinder',
  'Anerkennung des Berufsabschlusses',
  'Termin bei der Ausländerbehörde',
  'Schulanmeldung der Tochter',
];

/**
 * Stores the HILFE definition and `count` submissions: town `i % towns.length`, received one
 * `stepMs` apart going back from `start` (every `sameTime` in a row share one instant, to test
 * ties in the paging).
 *
 * @param {object} storage an open storage
 * @param {{ count: number, towns?: readonly string[], start?: number, stepMs?: number,
 *   sameTime?: number, prefix?: string, batch?: number, data?: (i: number) => object }} options
 * @returns {Promise<Array<{ reference: string, town: string, receivedAt: string, name: string }>>}
 */
export async function seedInbox(storage, options) {
  const {
    count,
    towns = TOWNS,
    start = Date.parse('2026-11-30T12:00:00Z'),
    stepMs = 60_000,
    sameTime = 1,
    prefix = 'HI',
    batch = 500,
    data: makeData,
  } = options;
  const text = JSON.stringify(HILFE);
  const hash = createHash('sha256').update(text).digest('hex');
  await storage.saveDefinition({
    hash,
    formId: HILFE.id,
    formVersion: HILFE.version,
    definition: text,
    firstSeenAt: new Date(start - (count + 1) * stepMs).toISOString(),
  });
  const seeded = [];
  for (let first = 0; first < count; first += batch) {
    const submissions = [];
    const routing = [];
    const search = [];
    for (let i = first; i < Math.min(count, first + batch); i++) {
      const town = towns[i % towns.length];
      const name = `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]}`;
      const data = makeData?.(i) ?? {
        kommune: town,
        name,
        anliegen: `${TOPICS[i % TOPICS.length]} (Fall ${i})`,
        dringend: i % 3 === 0,
      };
      const receivedAt = new Date(start - Math.floor(i / sameTime) * stepMs).toISOString();
      const reference = referenceFor(prefix, i);
      const envelope = {
        form: { id: HILFE.id, version: HILFE.version },
        locale: i % 4 === 0 ? 'ar' : 'de',
        submittedAt: receivedAt,
        data,
      };
      submissions.push({
        reference,
        form_id: HILFE.id,
        form_version: HILFE.version,
        locale: envelope.locale,
        submitted_at: receivedAt,
        received_at: receivedAt,
        idempotency_key: `seed-${prefix}-${i}`,
        body_hash: createHash('sha256').update(JSON.stringify(envelope)).digest('hex'),
        envelope: JSON.stringify(envelope),
        response_status: 201,
        response_body: JSON.stringify({ reference }),
        definition_hash: hash,
      });
      if (typeof data.kommune === 'string') {
        routing.push({ reference, pointer: '/kommune', value: data.kommune });
      }
      search.push({ reference, body: searchText(reference, data) });
      seeded.push({ reference, town: data.kommune, receivedAt, name: data.name });
    }
    await storage.db.insertInto('submissions').values(submissions).execute();
    if (routing.length > 0)
      await storage.db.insertInto('submission_routing').values(routing).execute();
    await storage.db.insertInto('submission_search').values(search).execute();
  }
  return seeded;
}

/** References the real alphabet allows (no 0/1/I/L/O), distinct per index. */
function referenceFor(prefix, i) {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let n = i;
  let code = '';
  for (let k = 0; k < 8; k++) {
    code = alphabet[n % alphabet.length] + code;
    n = Math.floor(n / alphabet.length);
  }
  return `${prefix}-${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Sets up the teams of the seeded towns: team `<town>` (lower case, ASCII) sees HILFE where
 * `/kommune` is the town.
 *
 * @returns {Promise<string[]>} the team ids, in TOWNS order
 */
export async function seedTeams(storage, towns = TOWNS) {
  const ids = [];
  for (const town of towns) {
    const id = teamId(town);
    await storage.db
      .insertInto('teams')
      .values({ id, name: town, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await storage.db
      .insertInto('team_forms')
      .values({ team_id: id, form_id: HILFE.id, route_pointer: '/kommune', route_value: town })
      .execute();
    ids.push(id);
  }
  return ids;
}

/** "Fröndenberg" → "froendenberg". */
export function teamId(town) {
  return town
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9_-]/g, '-');
}
