/**
 * Volume doc names (`<wid>/case/<caseId>/vol/<n>`, docs/architecture.md "Volume docs"): built by
 * `volumeDocName`, parsed strictly by `parseDocName` (one volume has exactly one name; anything
 * else is not a doc name), and never confused with the case doc they belong to.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseDocName, MAX_VOLUMES, parseDocName, requireDocName, volumeDocName } from '../../../shared/docs/names';
import { NestError } from '../../../shared/errors';

const W = randomUUID();
const C = randomUUID();

describe('volume doc names', () => {
  it('builds and parses a volume name back to its workspace, case and number', () => {
    for (const n of [1, 2, 9, 10, 4711, MAX_VOLUMES]) {
      const name = volumeDocName(W, C, n);
      expect(name).toBe(`${W}/case/${C}/vol/${n}`);
      expect(parseDocName(name)).toEqual({ kind: 'volume', workspaceId: W, caseId: C, volume: n });
    }
    // The case doc itself stays a case doc.
    expect(parseDocName(caseDocName(W, C))).toEqual({ kind: 'case', workspaceId: W, caseId: C });
  });

  it('refuses every other spelling of a volume number, so one volume cannot have two names', () => {
    const base = `${W}/case/${C}/vol/`;
    for (const bad of ['0', '00', '01', '007', '-1', '+1', '1e3', '1.0', '1.', ' 1', '1 ', '0x1', String(MAX_VOLUMES + 1), '1000000', '', 'one', '1/', '1/2', '１']) {
      expect(parseDocName(base + bad), JSON.stringify(bad)).toBeNull();
    }
    expect(parseDocName(`${W}/case/${C}/vol`)).toBeNull();
    expect(parseDocName(`${W}/case/${C}/volume/1`)).toBeNull();
    expect(parseDocName(`${W}/case/${C}/vol/1/vol/2`)).toBeNull();
    expect(parseDocName(`${W}/case/not-a-uuid/vol/1`)).toBeNull();
    expect(parseDocName(`${W}/registry/m1/vol/1`)).toBeNull();
    expect(parseDocName(`${W}/workspace/vol/1`)).toBeNull();
    expect(() => requireDocName(`${base}01`)).toThrow(NestError);
  });

  it('volumeDocName refuses a number no name can carry', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Infinity, MAX_VOLUMES + 1]) {
      expect(() => volumeDocName(W, C, bad), String(bad)).toThrow(NestError);
    }
  });
});
