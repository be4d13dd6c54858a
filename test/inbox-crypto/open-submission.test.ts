// The inbox's decryption (src/inbox-crypto/) against the element's encryption (src/crypto/) and
// against jose, the JOSE library most backends use: both directions open, and everything that
// must not open says why.
import { expect } from '@open-wc/testing';
import { CompactEncrypt, compactDecrypt, exportJWK, generateKeyPair } from 'jose';
import { sealEnvelope } from '../../src/crypto/seal-envelope.js';
import { buildEnvelope } from '../../src/submit/envelope.js';
import {
  DecryptError,
  forgetKeys,
  importKeyFile,
  listKeys,
  openSubmission,
} from '../../src/inbox-crypto/index.js';
import { keyFor } from '../../src/inbox-crypto/key-store.js';
import type { FormDefinition } from '../../src/model/types.js';

const PASSPHRASE = 'Rathaus-Schluessel-2026';

const DEFINITION: FormDefinition = {
  id: 'sicher',
  version: '1',
  encryption: { routing: ['/kommune'] },
  schema: {
    type: 'object',
    required: ['kommune', 'anliegen'],
    properties: {
      kommune: { type: 'string', enum: ['Bergkamen', 'Unna'] },
      anliegen: { type: 'string', maxLength: 200 },
      nachweis: { type: 'string' },
    },
  },
};

const DATA = {
  kommune: 'Bergkamen',
  anliegen: 'Aufenthaltstitel läuft ab – أحتاج موعدًا',
  nachweis: 'data:text/plain;name=a.txt;base64,SGVsbG8=',
};

interface OfficeKey {
  kid: string;
  publicJwk: Record<string, unknown>;
  privateKey: CryptoKey;
  entry: { kid: string; createdAt: string; jwe: string };
}

/** A key pair as `intake-elements keys` makes it, made here with jose (PBES2, few rounds). */
async function officeKey(kid: string, passphrase = PASSPHRASE): Promise<OfficeKey> {
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', {
    modulusLength: 2048,
    extractable: true,
  });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RSA-OAEP-256', use: 'enc' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RSA-OAEP-256', use: 'enc' };
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(privateJwk)))
    .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', kid, cty: 'jwk+json' })
    .setKeyManagementParameters({ p2c: 2000 })
    .encrypt(new TextEncoder().encode(passphrase));
  return {
    kid,
    publicJwk,
    privateKey: privateKey as CryptoKey,
    entry: { kid, createdAt: '2026-12-05T00:00:00.000Z', jwe },
  };
}

const keyFile = (...keys: OfficeKey[]) =>
  JSON.stringify({ format: 'intake-elements-private-keys', keys: keys.map((k) => k.entry) });

async function refusal(promise: Promise<unknown>): Promise<DecryptError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DecryptError);
    return error as DecryptError;
  }
  throw new Error('expected a refusal');
}

describe('src/inbox-crypto', function () {
  this.timeout(60_000);
  let oldKey: OfficeKey;
  let newKey: OfficeKey;

  before(async () => {
    [oldKey, newKey] = await Promise.all([officeKey('2026-01-old'), officeKey('2026-12-new')]);
  });
  beforeEach(() => forgetKeys());

  it('imports the key file as non-extractable keys and lists them without key material', async () => {
    const result = await importKeyFile(keyFile(oldKey, newKey), PASSPHRASE);
    expect(result).to.deep.equal({ imported: ['2026-01-old', '2026-12-new'], failed: [] });
    const stored = await keyFor('2026-12-new');
    expect(stored!.key.extractable).to.equal(false);
    expect(stored!.key.usages).to.deep.equal(['unwrapKey']);
    let exported = true;
    await crypto.subtle.exportKey('jwk', stored!.key).catch(() => (exported = false));
    expect(exported, 'the private key cannot be read out').to.equal(false);
    const listed = await listKeys();
    expect(listed.map((k) => k.kid).sort()).to.deep.equal(['2026-01-old', '2026-12-new']);
    expect(JSON.stringify(listed)).not.to.contain('"d"');
  });

  it('a wrong passphrase imports nothing and says so', async () => {
    const result = await importKeyFile(keyFile(newKey), 'not the passphrase');
    expect(result.imported).to.deep.equal([]);
    expect(result.failed[0].message).to.match(/passphrase is not right/);
    expect(await listKeys()).to.deep.equal([]);
    const notAFile = await refusal(importKeyFile('{"keys": []}', PASSPHRASE));
    expect(notAFile.message).to.match(/not a key file/);
  });

  it('opens what the element encrypted, and jose opens it too', async () => {
    await importKeyFile(keyFile(oldKey, newKey), PASSPHRASE);
    const envelope = buildEnvelope({ id: 'sicher', version: '1' }, 'ar', DATA);
    const sealed = await sealEnvelope(
      envelope,
      { key: newKey.publicJwk, routing: ['/kommune'] },
      'https://amt.example/api/forms/sicher/submissions',
    );
    expect(sealed.routing).to.deep.equal({ '/kommune': 'Bergkamen' });
    expect(JSON.stringify(sealed)).not.to.contain('Aufenthaltstitel');
    expect(JSON.stringify(sealed)).not.to.contain('SGVsbG8');

    const opened = await openSubmission(sealed.encrypted, DEFINITION, {
      formId: 'sicher',
      routing: sealed.routing,
    });
    expect(opened.kid).to.equal('2026-12-new');
    expect(opened.envelope).to.deep.equal(envelope);
    expect(opened.problems).to.deep.equal([]);

    const { plaintext, protectedHeader } = await compactDecrypt(
      sealed.encrypted,
      newKey.privateKey,
    );
    expect(protectedHeader).to.include({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: '2026-12-new' });
    expect(JSON.parse(new TextDecoder().decode(plaintext))).to.deep.equal(envelope);
  });

  it('opens a JWE jose made to an older key after a rotation', async () => {
    await importKeyFile(keyFile(oldKey, newKey), PASSPHRASE);
    const envelope = buildEnvelope({ id: 'sicher', version: '1' }, 'de', DATA);
    const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(envelope)))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: oldKey.kid })
      .encrypt(
        await crypto.subtle.importKey(
          'jwk',
          { ...oldKey.publicJwk, key_ops: undefined } as JsonWebKey,
          { name: 'RSA-OAEP', hash: 'SHA-256' },
          true,
          ['encrypt'],
        ),
      );
    const opened = await openSubmission(jwe, DEFINITION, { formId: 'sicher' });
    expect(opened.data).to.deep.equal(DATA);
  });

  it('refuses tampered ciphertext, an unknown kid, another form, and reports invalid answers', async () => {
    await importKeyFile(keyFile(newKey), PASSPHRASE);
    const seal = (data: object, key = newKey.publicJwk) =>
      sealEnvelope(
        buildEnvelope({ id: 'sicher', version: '1' }, 'de', data as never),
        { key },
        'https://amt.example/api/forms/sicher/submissions',
      );
    const { encrypted } = await seal(DATA);
    const parts = encrypted.split('.');
    const flipped = parts[3].startsWith('A') ? `B${parts[3].slice(1)}` : `A${parts[3].slice(1)}`;
    const tampered = [parts[0], parts[1], parts[2], flipped, parts[4]].join('.');
    expect(
      (await refusal(openSubmission(tampered, DEFINITION, { formId: 'sicher' }))).code,
    ).to.equal('tampered');

    const unknown = await seal(DATA, oldKey.publicJwk);
    const noKey = await refusal(
      openSubmission(unknown.encrypted, DEFINITION, { formId: 'sicher' }),
    );
    expect(noKey.code).to.equal('no-key');
    expect(noKey.message).to.contain('2026-01-old');

    const moved = await refusal(openSubmission(encrypted, DEFINITION, { formId: 'anderes' }));
    expect(moved.code).to.equal('wrong-form');

    const bad = await seal({ kommune: 'Atlantis', anliegen: 'x'.repeat(300) });
    const opened = await openSubmission(bad.encrypted, DEFINITION, {
      formId: 'sicher',
      routing: { '/kommune': 'Bergkamen' },
    });
    expect(opened.problems.map((p) => `${p.pointer} ${p.keyword}`).sort()).to.deep.equal([
      '/anliegen maxLength',
      '/kommune enum',
      '/kommune routing',
    ]);
  });

  it('the element refuses keys of the wrong type before anything is sent', async () => {
    const envelope = buildEnvelope({ id: 'sicher', version: '1' }, 'de', DATA);
    const action = 'https://amt.example/api/forms/sicher/submissions';
    const ec = { kty: 'EC', crv: 'P-256', kid: 'ec', x: 'a', y: 'b' };
    for (const [key, message] of [
      [ec, /not RSA/],
      [{ ...newKey.publicJwk, kid: undefined }, /no kid/],
      [{ ...newKey.publicJwk, alg: 'RSA1_5' }, /not RSA-OAEP-256/],
      [{ ...newKey.publicJwk, n: 'AQAB' }, /2048 bits/],
    ] as const) {
      let caught: Error | undefined;
      await sealEnvelope(envelope, { key: key as Record<string, unknown> }, action).catch(
        (e: Error) => (caught = e),
      );
      expect(caught?.name).to.equal('EncryptionKeyError');
      expect(caught?.message).to.match(message);
    }
  });
});
