/**
 * The basemap chooser's rules (renderer/src/map/basemap-choice.ts): raster files can be chosen,
 * vector and unknown formats cannot (with their reason); a remembered choice that is gone or not
 * drawable falls back to Natural Earth rather than guessing another file; zoom and bounds texts.
 */
import { describe, expect, it } from 'vitest';
import type { BasemapInfo } from '../../../shared/rpc/basemaps';
import { boundsText, NATURAL_EARTH, resolveChoice, unusableReason, zoomText } from '../../../renderer/src/map/basemap-choice';

const raster: BasemapInfo = { id: 'kenya', name: 'Kenya coast', kind: 'mbtiles', format: 'png', minZoom: 5, maxZoom: 7, bounds: [38.5, -5, 41.5, -1.5], attribution: null };
const vector: BasemapInfo = { ...raster, id: 'lagos', format: 'pbf', bounds: null, minZoom: null, maxZoom: null };
const odd: BasemapInfo = { ...raster, id: 'odd', kind: 'pmtiles', format: 'unknown' };

describe('basemap choice', () => {
  it('lets raster basemaps be chosen, and says why vector or unknown ones cannot', () => {
    expect(unusableReason(raster)).toBeNull();
    expect(unusableReason({ ...raster, format: 'webp' })).toBeNull();
    expect(unusableReason({ ...raster, format: 'jpg' })).toBeNull();
    expect(unusableReason(vector)).toBe('ui.map.basemaps.vector');
    expect(unusableReason(odd)).toBe('ui.map.basemaps.unsupported-format');
  });

  it('resolves the remembered choice only to a registered, drawable basemap', () => {
    const list = [raster, vector, odd];
    expect(resolveChoice('kenya', list)).toBe(raster);
    expect(resolveChoice(NATURAL_EARTH, list)).toBeNull();
    expect(resolveChoice('lagos', list)).toBeNull();
    expect(resolveChoice('gone-since', list)).toBeNull();
    expect(resolveChoice('kenya', [])).toBeNull();
  });

  it('describes zoom range and area', () => {
    expect(zoomText(raster)).toBe('zoom 5–7');
    expect(zoomText(vector)).toBe('zoom range not stated');
    expect(zoomText({ ...raster, maxZoom: null })).toBe('zoom 5–?');
    expect(boundsText(raster)).toBe('5.00° S – 1.50° S, 38.50° E – 41.50° E');
    expect(boundsText({ ...raster, bounds: [-70.25, 10, -60, 12.5] })).toBe('10.00° N – 12.50° N, 70.25° W – 60.00° W');
    expect(boundsText(vector)).toBe('Area not stated in the file');
  });
});
