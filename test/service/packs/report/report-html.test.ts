/**
 * The report's HTML from a real case: every section is there with the case's values, case text is
 * escaped (a script typed into the notes prints as text), Arabic text is marked for its own
 * direction, the document references nothing outside itself, and the seizure map has one dot per
 * seizure with coordinates, inside the frame.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readReportModel } from '../../../../service/packs/report/report-model';
import { reportHeaderText, reportHtml } from '../../../../service/packs/report/report-html';
import { frameOf, MAP_HEIGHT, MAP_WIDTH, seizureMapSvg } from '../../../../service/packs/report/seizure-map';
import { landFeatures } from '../../../../service/packs/report/basemap';
import { NOW, reportCase, type ReportCase } from './report-fixture';

let rc: ReportCase | null = null;
afterEach(() => {
  rc?.h.close();
  rc = null;
});

describe('reportHtml', () => {
  it('holds every section with the case’s values, escaped, and nothing remote', async () => {
    rc = await reportCase('عاج عبر باسير بانجانغ');
    const m = await readReportModel(rc.rt, rc.caseId, rc.member, NOW);
    const html = reportHtml(m);
    expect(reportHeaderText(m)).toBe(`TLP:AMBER · ${rc.number} · Case report`);
    // Cover.
    expect(html).toContain(`<p class="case-number">${rc.number}</p>`);
    expect(html).toContain('<h1 class="case-title" dir="auto" lang="ar">عاج عبر باسير بانجانغ</h1>');
    expect(html).toContain('TLP:AMBER');
    expect(html).toMatch(/<code class="hash">[A-Za-z0-9_-]{43}<\/code>/);
    expect(html).toContain('6 Dec 2026, 13:30 UTC');
    // Notes: heading, bold, link target as text, the script escaped.
    expect(html).toContain('<h3 dir="auto">Background</h3>');
    expect(html).toContain('<strong>plastic scrap</strong>');
    expect(html).toContain('(https://example.org/m)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    // Timeline, entities and links, seizures, valuation, exhibits, history.
    expect(html).toContain('Tip-off received from the port authority');
    expect(html).toContain('Jean-Baptiste Müller');
    expect(html).toContain('master of');
    expect(html).toContain('MV Señora del Mar');
    expect(html).toContain('3 seizures, by date.');
    expect(html).toContain('Pangolin scales'.toLowerCase());
    // A quantity and its unit in one unbreakable cell, as markup (not escaped markup printed as text).
    expect(html).toMatch(/<td><span class="nowrap">[\d,.]+ (?:kg|t)<\/span><\/td>/);
    expect(html).not.toContain('&lt;span');
    expect(html).toContain('TEST PRICE for the report test');
    expect(html).toContain(rc.pdfFile.hash);
    expect(html).toContain(`${rc.number}/EX-001`);
    expect(html).toContain('Gap: released by someone other than the last receiver');
    expect(html).toContain('Pasir Panjang Terminal gate 3');
    expect(html).toMatch(/<s class="replaced">/);
    expect(html).toMatch(/The newest \d+ changes of \d+, newest first/);
    // Self-contained: no reference to anything outside the document.
    const refs = [...html.matchAll(/(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((x) => x[1]);
    expect(refs).toEqual([]);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).toContain('font/ttf;base64,');
  });

  it('draws one dot per seizure with coordinates, inside the frame, over land', () => {
    const pts: [number, number][] = [
      [103.764, 1.274],
      [101.39, 3.0],
    ];
    const v = frameOf(pts);
    for (const [lon, lat] of pts) {
      expect(lon).toBeGreaterThan(v.w);
      expect(lon).toBeLessThan(v.e);
      expect(lat).toBeGreaterThan(v.s);
      expect(lat).toBeLessThan(v.n);
    }
    const seizure = (lat: number, lon: number) => ({ latitude: lat, longitude: lon, id: `${lat}` }) as never;
    const svg = seizureMapSvg([seizure(1.274, 103.764), seizure(3.0, 101.39)], landFeatures(), () => 1);
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((x) => [Number(x[1]), Number(x[2])]);
    expect(circles).toHaveLength(2);
    for (const [x, y] of circles) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(MAP_WIDTH);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(MAP_HEIGHT);
    }
    // The Malay peninsula is drawn: the land path is not empty.
    expect(svg).toMatch(/<path d="M-?[\d.]+,-?[\d.]+L/);
    expect(svg.length).toBeLessThan(200_000);
  });

  it('labels a correction "(correction)" and the entry it replaced "(corrected: superseded)", and keeps seal numbers whole (issue 14 F-PACK-8/6)', async () => {
    rc = await reportCase('Corrections');
    const html = reportHtml(await readReportModel(rc.rt, rc.caseId, rc.member, NOW));
    const timeline = html.slice(html.indexOf('<section id="timeline">'), html.indexOf('</section>', html.indexOf('<section id="timeline">')));
    expect(timeline).toContain(`<span dir="auto">${rc.number}/EX-001: released by Officer Lee, received by Sergeant Wong at Pasir Panjang Terminal gate 3 (correction)</span>`);
    expect(timeline).toContain(`<s dir="auto" class="replaced">${rc.number}/EX-001: released by Officer Lee, received by Sergeant Wong at Pasir Panjang (corrected: superseded)</s>`);
    expect(timeline).not.toContain('corrected entry');
    expect(timeline).not.toContain('class="flag"');
    expect(html).toContain('<span class="nowrap"><bdi dir="auto">SG-0001</bdi></span>');
  });
});
