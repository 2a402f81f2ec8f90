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
import { CaseDoc } from '../../../../shared/docs/case-doc';
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
    expect(html).toContain('6 December 2026 at 13:30 UTC');
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

  it('writes every date in one style and the history in names and sentences, never a raw id or action code (issue 14 F-PACK-6)', async () => {
    rc = await reportCase('Dates and history');
    const docName = rc.rt.caseDocName(rc.caseId);
    const seizureId = '00000000-0000-4000-8000-000000000002';
    const gone = '7d3c1f0e-5b6a-4c2d-9e8f-0a1b2c3d4e5f';
    rc.rt.host.with(docName, (doc) => {
      const cd = new CaseDoc(doc);
      // Known only to the month, changed by a member this workspace has no record of.
      cd.updateSeizure(seizureId, { seizureDate: '2026-03-01', datePrecision: 'month', quantity: 125 }, { memberId: gone, now: () => NOW - 60_000 });
      cd.updateSeizure(seizureId, { place: 'Port Klang North' }, { memberId: rc!.member.id, now: () => NOW - 30_000 });
    });
    const m = await readReportModel(rc.rt, rc.caseId, rc.member, NOW);
    const html = reportHtml(m);
    const history = html.slice(html.indexOf('<section id="history">'), html.indexOf('</section>', html.indexOf('<section id="history">')));
    // Sentences from the catalogue naming the record; member names; no id, no action code.
    expect(history).toContain('changed the place from “Port Klang” to “Port Klang North” of the seizure “pangolin scales” (Manis spp.)');
    expect(history).toMatch(/changed the seizure date from 2 October 2026 to 1 March 2026, the date precision from Exact day to Month only and the quantity from 120 to 125 of the seizure “pangolin scales”/);
    expect(history).toContain('<bdi dir="auto">Ada Lim</bdi>');
    expect(history).toContain('<bdi dir="auto">an unknown member</bdi>');
    expect(history).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(history).not.toMatch(/\b(?:seizure|case|exhibit|custody|entity|link|event|valuation)\.(?!json)[a-z-]+\b/);
    expect(history).toContain('6 December 2026 at 13:29 UTC');
    expect(history).toContain('recorded a custody hand-over of the exhibit ');
    expect(history).not.toContain('made a change');
    // One date style everywhere a reader sees a date: the month-precision seizure reads "March 2026", no ISO date is printed.
    expect(html).toContain('<td>March 2026</td>');
    const visible = html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
    expect(visible.match(/.{40}\b\d{4}-\d{2}(?:-\d{2})?\b.{20}/g) ?? []).toEqual([]);
    expect(visible).not.toMatch(/\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/);
  });
});
