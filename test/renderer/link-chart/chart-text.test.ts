/**
 * Link chart legibility (renderer/src/link-chart/chart-text.ts): labels stay at least 12 px on
 * screen at any zoom up to a cap, long names are shortened with an ellipsis at a word boundary,
 * and nodes are sized by kind.
 */
import { describe, expect, it } from 'vitest';
import { labelFontSize, MAX_FONT, MIN_SCREEN_PX, nodeSize, shortLabel } from '../../../renderer/src/link-chart/chart-text';

describe('labelFontSize', () => {
  it('keeps the base size at zoom 1 and above, and at least 12 px on screen when zoomed out', () => {
    expect(labelFontSize(1)).toBe(12);
    expect(labelFontSize(2.5)).toBe(12);
    expect(labelFontSize(0.5)).toBe(24);
    expect(labelFontSize(0.5) * 0.5).toBeGreaterThanOrEqual(MIN_SCREEN_PX);
    expect(labelFontSize(0.8, 10)).toBe(15);
  });
  it('is capped when zoomed far out, and falls back to the base on a bad zoom', () => {
    expect(labelFontSize(0.2)).toBe(MAX_FONT);
    expect(labelFontSize(0)).toBe(12);
    expect(labelFontSize(Number.NaN, 10)).toBe(10);
  });
});

describe('shortLabel', () => {
  it('keeps short labels whole', () => {
    expect(shortLabel('Kota Hapas')).toBe('Kota Hapas');
    expect(shortLabel('NEST-2026-0002\nSecond')).toBe('NEST-2026-0002\nSecond');
  });
  it('cuts a long line at a word with an ellipsis, and a line without spaces mid-word', () => {
    expect(shortLabel('Hai Phong Trading and Logistics Company Limited')).toBe('Hai Phong Trading and…');
    expect(shortLabel('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toBe('1BoatSLRHtKNngkdXEeobR7…');
    expect([...shortLabel('Ngọc Phát Đông Nam Á Import Export Co')].length).toBeLessThanOrEqual(24);
  });
  it('keeps at most the first lines, marking what was left out', () => {
    expect(shortLabel('a\nb\nc')).toBe('a\nb…');
    expect(shortLabel('IMO 9074729 and a very long scheme text', 28, 1)).toBe('IMO 9074729 and a very long…');
  });
});

describe('nodeSize', () => {
  it('makes people, companies and vessels larger than phones and addresses, bridges largest', () => {
    expect(nodeSize('organisation')).toBeGreaterThan(nodeSize('phone'));
    expect(nodeSize('person')).toBeGreaterThan(nodeSize('address'));
    expect(nodeSize('case')).toBe(48);
    expect(nodeSize('something-new')).toBe(34);
  });
});
