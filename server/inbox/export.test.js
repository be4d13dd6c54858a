// Export of the filtered selection as CSV, XLSX and JSON: what a spreadsheet would run as a
// formula arrives as text (CSV: a leading apostrophe; XLSX: string cells, read back here from
// the file's XML), the filters apply, and each export is in the audit log without content.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { storageTest } from '../testing/harness.js';
import { addStaff, signIn } from '../testing/inbox-harness.js';
import { TOWNS, seedInbox, seedTeams } from '../testing/seed-inbox.js';
import { csvCell, neutralise } from './export.js';

const HOSTILE = [
  '=HYPERLINK("http://evil.example","Klick")',
  '+49 2307 123',
  '-1+1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
];

async function start(env) {
  const receiver = await env.start({ inbox: true });
  await receiver.ready;
  await seedTeams(receiver.storage);
  const seeded = await seedInbox(receiver.storage, {
    count: HOSTILE.length * 2,
    data: (i) => ({
      kommune: TOWNS[i % 2],
      name: `Person ${i}`,
      anliegen: HOSTILE[i % HOSTILE.length],
    }),
  });
  await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
  return { receiver, seeded, anna: await signIn(receiver, 'anna') };
}

storageTest('CSV export: formulas neutralised, one row per visible submission', async (t, env) => {
  const { receiver, seeded, anna } = await start(env);
  const response = await anna.get('/inbox/api/export?format=csv');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(
    response.headers.get('content-disposition'),
    /^attachment; filename="eingang-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  const bytes = Buffer.from(await response.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.startsWith('"Aktenzeichen";'), 'header');
  const rows = text.trimEnd().split('\r\n');
  const mine = seeded.filter((s) => s.town === 'Bergkamen');
  assert.equal(rows.length, 1 + mine.length);
  // No cell starts with a formula character, quoted or not.
  for (const row of rows) {
    for (const cell of row.split('";"')) {
      assert.doesNotMatch(cell.replace(/^"/, ''), /^[=+\-@\t\r]/, cell);
    }
  }
  assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""Klick"")"`));
  // Filters apply to the export as to the list.
  const one = await (await anna.get(`/inbox/api/export?format=csv&q=${mine[0].reference}`)).text();
  assert.equal(one.trimEnd().split('\r\n').length, 2);
  const audit = await receiver.storage.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'export')
    .execute();
  assert.equal(audit.length, 2);
  assert.deepEqual(JSON.parse(audit[1].detail), {
    format: 'csv',
    count: 1,
    references: [mine[0].reference],
  });
  assert.ok(!audit[0].detail.includes('HYPERLINK') && !audit[0].detail.includes('Person'));
});

storageTest('XLSX export opens as a workbook whose cells are all plain strings', async (t, env) => {
  const { seeded, anna } = await start(env);
  const response = await anna.get('/inbox/api/export?format=xlsx');
  assert.equal(response.status, 200);
  assert.equal(
    response.headers.get('content-type'),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  assert.ok(files['xl/workbook.xml'] && files['[Content_Types].xml'], 'a real workbook');
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  const strings = [
    ...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<t[^>]*>([^<]*)<\/t>/g),
  ].map((m) => unescapeXml(m[1]));
  assert.doesNotMatch(sheet, /<f>/, 'no formula cell');
  const cells = [...sheet.matchAll(/<c [^>]*>/g)].map((m) => m[0]);
  assert.ok(cells.length > 0);
  assert.ok(
    cells.every((c) => /t="s"/.test(c)),
    'every cell a shared string',
  );
  const mine = seeded.filter((s) => s.town === 'Bergkamen');
  for (const s of mine) assert.ok(strings.includes(s.reference));
  assert.ok(
    strings.includes('=HYPERLINK("http://evil.example","Klick")'),
    'kept as text, unchanged',
  );
  assert.ok(
    !strings.some((value) =>
      seeded.filter((s) => s.town !== 'Bergkamen').some((s) => value === s.reference),
    ),
  );
});

storageTest('JSON export lists the answers and refuses an unknown format', async (t, env) => {
  const { anna } = await start(env);
  const body = await (await anna.get('/inbox/api/export?format=json&limit=1&cursor=x')).json();
  assert.equal(body.items.length, HOSTILE.length, 'paging parameters do not cut the export');
  assert.deepEqual(Object.keys(body.items[0]).sort(), [
    'answers',
    'formId',
    'formTitle',
    'formVersion',
    'locale',
    'receivedAt',
    'reference',
    'routing',
    'status',
    'submittedAt',
  ]);
  assert.equal(body.items[0].answers[0].label, 'Kommune');
  assert.equal((await anna.get('/inbox/api/export?format=html')).status, 400);
});

storageTest(
  'a large selection is exported in full, in batches; beyond the limit 413',
  async (t, env) => {
    const receiver = await env.start({ inbox: true });
    await receiver.ready;
    const seeded = await seedInbox(receiver.storage, { count: 5001, sameTime: 7, batch: 1000 });
    await addStaff(receiver.storage, { name: 'root', team: 'admins', isAdmin: true });
    const root = await signIn(receiver, 'root');
    const tooMany = await root.get('/inbox/api/export?format=csv');
    assert.equal(tooMany.status, 413);
    // One town: 1001 submissions, more than five batches, each once, newest first.
    const town = await root.get('/inbox/api/export?format=json&route=/kommune&value=Bergkamen');
    assert.equal(town.status, 200);
    const { items } = await town.json();
    const expected = seeded
      .filter((s) => s.town === 'Bergkamen')
      .sort((a, b) =>
        a.receivedAt === b.receivedAt
          ? b.reference.localeCompare(a.reference)
          : b.receivedAt.localeCompare(a.receivedAt),
      )
      .map((s) => s.reference);
    assert.equal(items.length, 1001);
    assert.deepEqual(
      items.map((i) => i.reference),
      expected,
    );
  },
);

test('neutralise() guards every formula character, quoting doubles quotes', () => {
  for (const value of HOSTILE) assert.equal(neutralise(value), `'${value}`);
  assert.equal(neutralise('Bergkamen'), 'Bergkamen');
  assert.equal(neutralise(42), '42');
  assert.equal(csvCell('a "b"'), '"a ""b"""');
});

function unescapeXml(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
