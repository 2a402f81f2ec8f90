/**
 * Colour contrast of the renderer's fixed palettes (pure computation, no browser): white
 * initials on every avatar colour must meet WCAG 2.1 AA for normal text (4.5:1). Avatar colours
 * are picked by a hash of the member id, so a bad colour would only show up for some people.
 */
import { test, expect } from '@playwright/test';
import { MEMBER_COLORS, memberColor } from '../../renderer/src/domain/member-color';

/** WCAG 2.1 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2.1 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('white initials meet 4.5:1 on every avatar colour', () => {
  const low = MEMBER_COLORS.map((c) => ({ c, ratio: contrast(c, '#ffffff') })).filter((x) => x.ratio < 4.5);
  expect(low).toEqual([]);
});

test('a member id always gets the same colour from the palette', () => {
  const id = '3f2b7c1e-0000-4000-8000-000000000001';
  expect(memberColor(id)).toBe(memberColor(id));
  expect(MEMBER_COLORS).toContain(memberColor(id));
});
