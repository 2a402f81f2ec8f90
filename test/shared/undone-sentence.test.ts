/**
 * The CLI's `--undo` sentence (shared/domain/import-progress.ts `undoneSentence`) names only what
 * the import had: a routes-only file says "1 route removed", not "0 seizures marked deleted, 1 route" (B4, session 28).
 */
import { describe, expect, it } from 'vitest';
import { undoneSentence } from '../../shared/domain/import-progress';

describe('undoneSentence', () => {
  it('speaks of routes for a routes-only import', () => {
    expect(undoneSentence('b1', 0, 1)).toBe('Undid import b1: 1 route removed.');
    expect(undoneSentence('b1', 0, 3)).toBe('Undid import b1: 3 routes removed.');
  });
  it('names seizures and routes when both were imported', () => {
    expect(undoneSentence('b2', 1, 2)).toBe('Undid import b2: 1 seizure marked deleted, 2 routes removed.');
  });
  it('speaks of seizures only when no route was imported', () => {
    expect(undoneSentence('b3', 1200, 0)).toBe('Undid import b3: 1,200 seizures marked deleted.');
    expect(undoneSentence('b3', 0, 0)).toBe('Undid import b3: 0 seizures marked deleted.');
  });
});
