/**
 * Canonical JSON (RFC 8785 for the values NEST writes) pinned to exact bytes: a pack's manifest is
 * re-serialised and compared byte for byte, so any change in key order, spacing, number form or
 * escaping would either break every signature or let a rewritten manifest pass.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from '../../../shared/packs/canonical-json';

describe('canonicalJson', () => {
  it('writes scalars as JSON does', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson('a"b\\c\n\u0001é')).toBe('"a\\"b\\\\c\\n\\u0001é"');
    expect(canonicalJson('')).toBe('""');
  });

  it('writes numbers in their shortest round-trip form', () => {
    expect(canonicalJson(0)).toBe('0');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(8.8)).toBe('8.8');
    expect(canonicalJson(-12.5)).toBe('-12.5');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(1e-7)).toBe('1e-7');
    expect(canonicalJson(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('refuses what JSON cannot carry exactly, saying what', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(new TypeError('canonical JSON carries finite numbers only, not NaN'));
    expect(() => canonicalJson(Infinity)).toThrow(new TypeError('canonical JSON carries finite numbers only, not Infinity'));
    expect(() => canonicalJson(-Infinity)).toThrow(new TypeError('canonical JSON carries finite numbers only, not -Infinity'));
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(TypeError);
    expect(() => canonicalJson([1, undefined])).toThrow(new TypeError('canonical JSON cannot carry undefined in an array'));
    expect(() => canonicalJson(10n)).toThrow(new TypeError('canonical JSON cannot carry a bigint'));
    expect(() => canonicalJson(() => 1)).toThrow(new TypeError('canonical JSON cannot carry a function'));
    expect(() => canonicalJson(Symbol('s'))).toThrow(new TypeError('canonical JSON cannot carry a symbol'));
    expect(() => canonicalJson(undefined)).toThrow(new TypeError('canonical JSON cannot carry a undefined'));
    expect(() => canonicalJson({ nested: { f: () => 1 } })).toThrow(new TypeError('canonical JSON cannot carry a function'));
  });

  it('writes arrays in order without whitespace', () => {
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([[1, [true]], 'x', null, { b: 1 }])).toBe('[[1,[true]],"x",null,{"b":1}]');
  });

  it('sorts object keys by UTF-16 code units at every level and drops undefined members', () => {
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson({ b: 1, a: 2, c: { z: 1, y: [{ d: 1, c: 2 }] } })).toBe('{"a":2,"b":1,"c":{"y":[{"c":2,"d":1}],"z":1}}');
    // Code units, not locale order: "B" (0x42) < "a" (0x61) < "é" (0xE9); an astral character's
    // high surrogate (0xD83D) sorts before U+FFFD although its code point is higher.
    expect(canonicalJson({ é: 1, a: 2, B: 3 })).toBe('{"B":3,"a":2,"é":1}');
    expect(canonicalJson({ '\uFFFD': 1, '😀': 2 })).toBe('{"😀":2,"\uFFFD":1}');
    expect(canonicalJson({ '10': 1, '9': 2, '1': 3 })).toBe('{"1":3,"10":1,"9":2}');
    expect(canonicalJson({ ab: 1, a: 2, b: 3 })).toBe('{"a":2,"ab":1,"b":3}');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson({ 'k"ey': 'v' })).toBe('{"k\\"ey":"v"}');
  });

  it('gives the same bytes for the same value built in any key order', () => {
    const a = { files: [{ path: 'x', size: 1 }], format: 'nest-case-pack/1', app: { version: '1', name: 'N' } };
    const b = { app: { name: 'N', version: '1' }, format: 'nest-case-pack/1', files: [{ size: 1, path: 'x' }] };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"app":{"name":"N","version":"1"},"files":[{"path":"x","size":1}],"format":"nest-case-pack/1"}');
  });
});

describe('canonicalJsonBytes', () => {
  it('is the canonical text as UTF-8', () => {
    expect([...canonicalJsonBytes({ t: 'é€' })]).toEqual([...Buffer.from('{"t":"é€"}', 'utf8')]);
    expect(canonicalJsonBytes([1])).toBeInstanceOf(Uint8Array);
  });
});
