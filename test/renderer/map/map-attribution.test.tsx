// @vitest-environment happy-dom
/**
 * The map's attribution box (renderer/src/map/map-attribution.tsx, breaker G-MAP-3): it names Natural Earth, the chosen offline basemap's source (or that the file
 * names none) and the online layer's; text that looks like markup stays text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { BasemapInfo } from '../../../shared/rpc/basemaps';
import { MapAttribution } from '../../../renderer/src/map/map-attribution';

afterEach(cleanup);

const FILE: BasemapInfo = { id: 'lamu', name: 'Lamu 2024', kind: 'mbtiles', format: 'png', minZoom: 3, maxZoom: 9, bounds: null, attribution: 'KPA survey' };

function shown(active: BasemapInfo | null, online: { urlTemplate: string; attribution: string } | null): HTMLElement {
  const { container } = render(<MapAttribution active={active} online={online} />);
  const box = container.querySelector<HTMLElement>('[data-testid="map-attribution"]');
  expect(box).not.toBeNull();
  return box!;
}

describe('MapAttribution', () => {
  it('names Natural Earth alone on the built-in map', () => {
    expect([...shown(null, null).children].map((c) => c.textContent)).toEqual(['Natural Earth (public domain)']);
  });

  it('adds the offline file’s source, or says that it names none', () => {
    expect([...shown(FILE, null).children].map((c) => c.textContent)).toEqual(['Natural Earth (public domain)', 'Lamu 2024: KPA survey']);
    cleanup();
    expect([...shown({ ...FILE, attribution: null }, null).children].map((c) => c.textContent)).toEqual(['Natural Earth (public domain)', 'Lamu 2024 (the file names no source)']);
  });

  it('adds the online layer’s attribution', () => {
    expect(shown(null, { urlTemplate: 'https://tile.example.org/{z}/{x}/{y}.png', attribution: '© Example' }).lastElementChild?.textContent).toBe('© Example (online)');
  });

  it('keeps markup in a file’s attribution as text: no element is made from it', () => {
    const evil = '<img src=x onerror="window.hit=1"><a href="javascript:alert(1)">click</a>';
    const box = shown({ ...FILE, name: '<b>bold</b>', attribution: evil }, null);
    expect(box.querySelectorAll('img, a, b, script')).toHaveLength(0);
    expect(box.lastElementChild?.textContent).toBe(`<b>bold</b>: ${evil}`);
  });
});
