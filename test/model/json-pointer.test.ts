import { expect } from '@open-wc/testing';
import {
  appendPointer,
  compilePointer,
  escapeToken,
  getAtPointer,
  isPointerWithin,
  parentPointer,
  parsePointer,
  setAtPointer,
  unescapeToken,
} from '../../src/model/json-pointer.js';
import type { JsonValue } from '../../src/model/types.js';

describe('json-pointer', () => {
  describe('escapeToken / unescapeToken', () => {
    it('escapes ~ as ~0 and / as ~1', () => {
      expect(escapeToken('a/b')).to.equal('a~1b');
      expect(escapeToken('a~b')).to.equal('a~0b');
      expect(escapeToken(3)).to.equal('3');
    });

    it('escapes ~ before / (escaping / first would turn "/" into "~01")', () => {
      expect(escapeToken('/')).to.equal('~1');
      expect(escapeToken('~1')).to.equal('~01');
      expect(escapeToken('/~')).to.equal('~1~0');
    });

    it('unescapes ~1 before ~0 (RFC 6901 §4), so "~01" is "~1", not "/"', () => {
      expect(unescapeToken('~01')).to.equal('~1');
      expect(unescapeToken('~10')).to.equal('/0');
      expect(unescapeToken('a~1b~0c')).to.equal('a/b~c');
    });

    it('round-trips awkward names', () => {
      for (const name of ['', '~', '/', '~0', '~1', '~01', 'a/b~c', '%25', ' ', '0', '-'])
        expect(unescapeToken(escapeToken(name)), name).to.equal(name);
    });
  });

  describe('parsePointer / compilePointer', () => {
    it('parses the whole document and RFC 6901 examples', () => {
      expect(parsePointer('')).to.deep.equal([]);
      expect(parsePointer('/')).to.deep.equal(['']);
      expect(parsePointer('/foo/0')).to.deep.equal(['foo', '0']);
      expect(parsePointer('/a~1b/m~0n')).to.deep.equal(['a/b', 'm~n']);
    });

    it('rejects a string that is not a pointer', () => {
      expect(() => parsePointer('foo')).to.throw(SyntaxError);
      expect(() => parsePointer('#/foo')).to.throw(SyntaxError);
    });

    it('round-trips tokens and pointers', () => {
      const tokens = ['address', 'a/b', 'm~n', '', '0'];
      expect(compilePointer(tokens)).to.equal('/address/a~1b/m~0n//0');
      expect(parsePointer(compilePointer(tokens))).to.deep.equal(tokens);
      expect(compilePointer(['children', 0, 'birthDate'])).to.equal('/children/0/birthDate');
      expect(compilePointer([])).to.equal('');
    });

    it('appends one escaped token', () => {
      expect(appendPointer('', 'a')).to.equal('/a');
      expect(appendPointer('/a', 'b/c')).to.equal('/a/b~1c');
      expect(appendPointer('/a', 2)).to.equal('/a/2');
    });
  });

  describe('getAtPointer', () => {
    const doc = {
      a: { b: [10, { c: 'x' }] },
      'x/y': 1,
      'm~n': 2,
      empty: '',
      nothing: null,
    } as JsonValue;

    it('reads objects, arrays and escaped names', () => {
      expect(getAtPointer(doc, '')).to.equal(doc);
      expect(getAtPointer(doc, '/a/b/0')).to.equal(10);
      expect(getAtPointer(doc, '/a/b/1/c')).to.equal('x');
      expect(getAtPointer(doc, '/x~1y')).to.equal(1);
      expect(getAtPointer(doc, '/m~0n')).to.equal(2);
      expect(getAtPointer(doc, '/empty')).to.equal('');
      expect(getAtPointer(doc, '/nothing')).to.equal(null);
    });

    it('gives undefined for missing paths', () => {
      expect(getAtPointer(doc, '/missing')).to.be.undefined;
      expect(getAtPointer(doc, '/a/b/2')).to.be.undefined;
      expect(getAtPointer(doc, '/a/b/-')).to.be.undefined;
      expect(getAtPointer(doc, '/a/b/01')).to.be.undefined;
      expect(getAtPointer(doc, '/a/b/length')).to.be.undefined;
      expect(getAtPointer(doc, '/empty/length')).to.be.undefined;
      expect(getAtPointer(doc, '/nothing/x')).to.be.undefined;
      expect(getAtPointer(undefined, '/a')).to.be.undefined;
    });

    it('does not read inherited properties', () => {
      expect(getAtPointer({}, '/toString')).to.be.undefined;
      expect(getAtPointer({}, '/__proto__')).to.be.undefined;
    });
  });

  describe('setAtPointer', () => {
    it('writes a copy; untouched branches keep their identity', () => {
      const keep = { deep: [1, 2] };
      const doc = { a: { b: 1 }, keep, list: [{ x: 1 }, { x: 2 }] } as Record<string, JsonValue>;
      const before = JSON.stringify(doc);
      const next = setAtPointer(doc, '/a/b', 2) as Record<string, JsonValue>;
      expect(next).to.deep.equal({ a: { b: 2 }, keep, list: [{ x: 1 }, { x: 2 }] });
      expect(JSON.stringify(doc), 'the original is unchanged').to.equal(before);
      expect(next).not.to.equal(doc);
      expect(next.a).not.to.equal(doc.a);
      expect(next.keep).to.equal(keep);
      expect(next.list).to.equal(doc.list);

      const inList = setAtPointer(doc, '/list/1/x', 3) as Record<string, JsonValue[]>;
      expect(inList.list).not.to.equal(doc.list);
      expect(inList.list[0]).to.equal((doc.list as JsonValue[])[0]);
      expect(inList.list[1]).to.deep.equal({ x: 3 });
      expect(inList.keep).to.equal(keep);
    });

    it('creates missing objects on the path and replaces primitives on it', () => {
      expect(setAtPointer(undefined, '/a/b', 1)).to.deep.equal({ a: { b: 1 } });
      expect(setAtPointer({ a: 5 }, '/a/b', 1)).to.deep.equal({ a: { b: 1 } });
      expect(setAtPointer({}, '/a~1b/c~0d', 1)).to.deep.equal({ 'a/b': { 'c~d': 1 } });
    });

    it('replaces the whole document at the root pointer', () => {
      expect(setAtPointer({ a: 1 }, '', 'x')).to.equal('x');
      expect(setAtPointer({ a: 1 }, '', undefined)).to.be.undefined;
    });

    it('removes a property when the value is undefined', () => {
      const doc = { a: { b: 1, c: 2 }, d: 3 };
      const next = setAtPointer(doc, '/a/b', undefined) as Record<string, JsonValue>;
      expect(next).to.deep.equal({ a: { c: 2 }, d: 3 });
      expect('b' in (next.a as object)).to.equal(false);
      expect(doc.a.b, 'original untouched').to.equal(1);
    });

    it('removing what is not there changes nothing (no empty objects are created)', () => {
      const doc = { a: 1 } as JsonValue;
      expect(setAtPointer(doc, '/x/y', undefined)).to.equal(doc);
      expect(setAtPointer(doc, '/b', undefined)).to.equal(doc);
      expect(setAtPointer(undefined, '/b', undefined)).to.be.undefined;
      const list = { l: [1] } as JsonValue;
      expect(setAtPointer(list, '/l/5', undefined)).to.equal(list);
    });

    it('sets an array item to null when removed, keeping later indexes', () => {
      expect(setAtPointer({ l: [1, 2, 3] }, '/l/1', undefined)).to.deep.equal({ l: [1, null, 3] });
    });

    it('appends with "-" and fills holes with null', () => {
      expect(setAtPointer({ l: [1] }, '/l/-', 2)).to.deep.equal({ l: [1, 2] });
      const filled = setAtPointer({ l: [] }, '/l/2', 'x') as { l: JsonValue[] };
      expect(filled.l).to.deep.equal([null, null, 'x']);
      expect(JSON.parse(JSON.stringify(filled))).to.deep.equal(filled);
    });

    it('does not lose a write under a name into an array', () => {
      // A schema changed from array to object: the write must land, not vanish in JSON.
      const next = setAtPointer({ a: [1, 2] }, '/a/name', 'x');
      expect(JSON.parse(JSON.stringify(next))).to.deep.equal({ a: { name: 'x' } });
    });
  });

  describe('isPointerWithin / parentPointer', () => {
    it('knows ancestors, including the root and the pointer itself', () => {
      expect(isPointerWithin('/a/b', '/a')).to.equal(true);
      expect(isPointerWithin('/a', '/a')).to.equal(true);
      expect(isPointerWithin('/a/b', '')).to.equal(true);
      expect(isPointerWithin('', '')).to.equal(true);
    });

    it('does not take a name prefix for an ancestor', () => {
      expect(isPointerWithin('/ab', '/a')).to.equal(false);
      expect(isPointerWithin('/a', '/a/b')).to.equal(false);
      expect(isPointerWithin('', '/a')).to.equal(false);
    });

    it('gives the parent pointer; the root is its own parent', () => {
      expect(parentPointer('/a/b/0')).to.equal('/a/b');
      expect(parentPointer('/a')).to.equal('');
      expect(parentPointer('')).to.equal('');
      expect(parentPointer('/a~1b/c')).to.equal('/a~1b');
      expect(parentPointer('/a/b~1c')).to.equal('/a');
    });
  });
});
