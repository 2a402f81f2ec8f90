/**
 * The report's seizure map (tester F-PACK-5): a view across ±180° is framed on the short arc and
 * draws no line across the map (land rings of Fiji and Chukotka, a route from Suva to Apia); the
 * printed extent names longitudes in −180…180 ("150.7°W", never "209.3°E"); the row labels of
 * crowded dots never overlap each other or a dot, and a row without room is named in the caption.
 */
import { describe, expect, it } from 'vitest';
import type { Route } from '../../../../shared/domain/route';
import type { Seizure } from '../../../../shared/domain/seizure';
import { landFeatures } from '../../../../service/packs/report/basemap';
import { DOT_R, groupDots, layoutLabels, overlaps, rowsText, type Box } from '../../../../service/packs/report/map-labels';
import { arcOf, frameOf, longitudeText, MAP_HEIGHT, MAP_WIDTH } from '../../../../service/packs/report/map-view';
import { seizureMap } from '../../../../service/packs/report/seizure-map';

const seizure = (lat: number, lon: number, id = `${lat},${lon}`): Seizure => ({ latitude: lat, longitude: lon, id }) as Seizure;
const route = (points: [number, number][]): Route => ({ id: 'r1', name: 'Suva to Apia', points, notes: '', createdBy: 'm', createdAt: 0 });

/** Every straight segment of the SVG paths' `d`s ("M x,y L x,y … Z"), as [x1, y1, x2, y2]. */
function segments(svg: string, cls = ''): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const re = cls ? new RegExp(`<path class="${cls}" d="([^"]*)"`, 'g') : /<path d="([^"]*)"/g;
  for (const m of svg.matchAll(re)) {
    for (const ring of m[1]!.split('M').filter(Boolean)) {
      const pts = ring.replace(/Z$/, '').split('L').map((p) => p.split(',').map(Number) as [number, number]);
      for (let i = 1; i < pts.length; i++) out.push([...pts[i - 1]!, ...pts[i]!]);
    }
  }
  return out;
}

/** Segments with both ends inside the visible frame that run across more than half its width: stray lines. */
function strays(svg: string, cls = ''): number {
  const inside = (x: number, y: number): boolean => x > 1 && x < MAP_WIDTH - 1 && y > 1 && y < MAP_HEIGHT - 1;
  return segments(svg, cls).filter(([x1, y1, x2, y2]) => inside(x1, y1) && inside(x2, y2) && Math.abs(x2 - x1) > MAP_WIDTH / 2).length;
}

/** The longitudes printed in the map's extent line, signed (east positive). */
function printedLongitudes(svg: string): number[] {
  const extent = /aria-label="([^"]*)"/.exec(svg)![1]!;
  return [...extent.matchAll(/([\d.]+)°([EW])/g)].map((m) => Number(m[1]) * (m[2] === 'E' ? 1 : -1));
}

describe('seizure map across the antimeridian', () => {
  it('places longitudes on the shortest arc', () => {
    const across = arcOf([170, -170]);
    expect([across(170), across(-170)]).toEqual([170, 190]);
    const plain = arcOf([100, 103.5]);
    expect([plain(100), plain(103.5)]).toEqual([100, 103.5]);
    // 0° and 359° (= −1°) are 1° apart, not 359°.
    const zero = arcOf([0, 359]);
    expect(Math.abs(zero(0) - zero(359))).toBe(1);
  });

  it('prints longitudes normalised to −180…180 (150.7°W, not 209.3°E)', () => {
    expect(longitudeText(209.3)).toBe('150.7°W');
    expect(longitudeText(-150.7)).toBe('150.7°W');
    expect(longitudeText(103.76)).toBe('103.8°E');
    const { svg } = seizureMap([seizure(-14, 170), seizure(-14.3, -150.7)], landFeatures());
    const lons = printedLongitudes(svg);
    expect(lons).toHaveLength(2);
    for (const lon of lons) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    // West edge east of 170°E… and the east edge past the date line, west of 150.7°W.
    expect(lons[0]).toBeGreaterThan(150);
    expect(lons[1]).toBeLessThan(-140);
  });

  it('keeps the frame within the poles (the old frame printed "126.4°N")', () => {
    const v = frameOf([
      [-60, 78],
      [60, 80],
    ]);
    expect(v.n).toBeLessThanOrEqual(90);
    expect(v.s).toBeGreaterThanOrEqual(-90);
    expect(v.n).toBeGreaterThan(80);
  });

  it('frames Fiji and Samoa on the short arc and draws no land ring or route across the map', () => {
    const suva = [-18.14, 178.44] as [number, number];
    const apia = [-13.83, -171.76] as [number, number];
    const { svg } = seizureMap([seizure(...suva), seizure(-16.8, 179.3), seizure(...apia)], landFeatures(), () => 0, [route([suva, [-16, 179.9], [-15.5, -179.5], apia])]);
    // The frame is the ~10° between them, not the ~350° around the other side.
    const v = frameOf([
      [arcOf([178.44, -171.76])(178.44), -18.14],
      [arcOf([178.44, -171.76])(-171.76), -13.83],
    ]);
    expect(v.e - v.w).toBeLessThan(40);
    expect(segments(svg).length).toBeGreaterThan(10); // Fiji's islands are drawn
    expect(strays(svg)).toBe(0);
    const line = segments(svg, 'route');
    expect(line).toHaveLength(3);
    for (const [x1, y1, x2, y2] of line) {
      expect(x2).toBeGreaterThan(x1); // eastwards, across the date line, never back across the map
      for (const [x, y] of [[x1, y1], [x2, y2]] as const) {
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(MAP_WIDTH);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(MAP_HEIGHT);
      }
    }
  });

  it('draws Chukotka and Alaska at the Bering Strait without a stripe', () => {
    const { svg } = seizureMap([seizure(65.5, 178.5), seizure(64.5, -168)], landFeatures());
    expect(segments(svg).length).toBeGreaterThan(100);
    expect(strays(svg)).toBe(0);
  });
});

/** A seeded pseudo-random generator (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('seizure map labels', () => {
  it('writes rows as runs', () => {
    expect(rowsText([9, 3, 7, 8])).toBe('3, 7–9');
    expect(rowsText([1, 2])).toBe('1, 2');
    expect(rowsText([5])).toBe('5');
  });

  it('seizures at one place share one label', () => {
    const groups = groupDots([
      { x: 100, y: 100, row: 3 },
      { x: 102, y: 101, row: 1 },
      { x: 200, y: 100, row: 2 },
    ]);
    expect(groups.map((g) => g.rows)).toEqual([[1, 3], [2]]);
  });

  it('no label overlaps another label, a dot or the reserved box, and each row is either printed or listed (200 seeded crowded maps)', () => {
    const random = rng(20261207);
    const reserved: Box = { x: MAP_WIDTH - 200, y: MAP_HEIGHT - 17, w: 200, h: 17 };
    let printed = 0;
    let unlabelled = 0;
    for (let trial = 0; trial < 200; trial++) {
      // A few ports, each with several seizures within a few pixels to tens of pixels.
      const dots = [];
      const ports = 1 + Math.floor(random() * 5);
      for (let row = 1; row <= 5 + Math.floor(random() * 35); row++) {
        const port = Math.floor(random() * ports);
        const cx = 60 + ((port * 173) % 560);
        const cy = 50 + ((port * 97) % 280);
        dots.push({ x: cx + (random() - 0.5) * 60, y: cy + (random() - 0.5) * 40, row });
      }
      const layout = layoutLabels(dots, MAP_WIDTH, MAP_HEIGHT, [reserved]);
      const boxes = layout.labels.map((l) => l.box);
      for (const [i, b] of boxes.entries()) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(MAP_WIDTH);
        expect(b.y + b.h).toBeLessThanOrEqual(MAP_HEIGHT);
        expect(overlaps(b, reserved)).toBe(false);
        for (const other of boxes.slice(i + 1)) expect(overlaps(b, other), `trial ${trial}`).toBe(false);
        for (const d of dots) expect(overlaps(b, { x: d.x - DOT_R, y: d.y - DOT_R, w: 2 * DOT_R, h: 2 * DOT_R }), `trial ${trial} row ${d.row}`).toBe(false);
      }
      const shown = layout.labels.flatMap((l) => l.text.split(', ').flatMap((part) => {
        const [a, b] = part.split('–').map(Number);
        return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k);
      }));
      expect([...shown, ...layout.unlabelled].sort((a, b) => a - b)).toEqual(dots.map((d) => d.row));
      printed += shown.length;
      unlabelled += layout.unlabelled.length;
    }
    // Most rows find room; the rest are listed, never lost.
    expect(printed).toBeGreaterThan(unlabelled * 10);
  });

  it('a crowded port in the report: the labels laid out, none on another', () => {
    const port = Array.from({ length: 14 }, (_, i) => seizure(1.264 + (i % 4) * 0.02, 103.82 + Math.floor(i / 4) * 0.025, `s${i}`));
    const { svg, unlabelled } = seizureMap([...port, seizure(3.0, 101.39, 'klang')], landFeatures(), (s) => (s.id === 'klang' ? 15 : Number(s.id.slice(1)) + 1));
    const labels = [...svg.matchAll(/<text class="label" x="([\d.]+)" y="([\d.]+)">([^<]*)<\/text>/g)].map((m) => m[3]);
    expect(labels.length).toBeGreaterThan(1);
    // Every row is on the map (as itself or inside a run "3–5") or named in the caption.
    const covered = new Set(unlabelled);
    for (const part of labels.join(', ').split(', ')) {
      const [a, b] = part.split('–').map(Number);
      for (let r = a!; r <= (b ?? a!); r++) covered.add(r);
    }
    expect([...covered].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });
});

describe('the seizure map drawn in steps', () => {
  it('is the same map as drawn at once, and counts every dot while pausing between chunks', async () => {
    const { DRAW_CHUNK, seizureMapPaced } = await import('../../../../service/packs/report/seizure-map');
    const many = Array.from({ length: 2 * DRAW_CHUNK + 31 }, (_v, i) => seizure(-10 + (i % 97) * 0.2, 100 + (i % 89) * 0.3, `s${i}`));
    const counted: number[] = [];
    const paced = await seizureMapPaced(many, landFeatures(), () => 0, [], async (n) => void counted.push(n));
    expect(paced).toEqual(seizureMap(many, landFeatures()));
    expect(counted.reduce((a, b) => a + b, 0)).toBe(many.length);
    expect(counted.filter((n) => n > 0)).toEqual([DRAW_CHUNK, DRAW_CHUNK, 31]);
    // Few dots: numbered, as before.
    const few = [seizure(1.274, 103.764, 'a'), seizure(3.0, 101.39, 'b')];
    expect(await seizureMapPaced(few, landFeatures(), (s) => (s.id === 'a' ? 1 : 2), [], async () => undefined)).toEqual(seizureMap(few, landFeatures(), (s) => (s.id === 'a' ? 1 : 2)));
  });
});
