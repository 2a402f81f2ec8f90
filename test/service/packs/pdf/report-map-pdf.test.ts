/**
 * The report's seizure map as Chromium prints it (tester F-PACK-5), read back from the PDF with
 * pdftotext -bbox: at a crowded port no two row labels overlap on the page, and a case around
 * Fiji and Samoa prints its frame in −180…180. The map pages are rendered with pdftoppm to
 * docs/screenshots/report-map-crowded.png and report-map-antimeridian.png (looked at by hand).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Route } from '../../../../shared/domain/route';
import type { Seizure } from '../../../../shared/domain/seizure';
import { chromiumPrinter } from '../../../../service/packs/pdf/chromium-printer';
import { readReportModel, type ReportModel } from '../../../../service/packs/report/report-model';
import { reportHeaderText, reportHtml } from '../../../../service/packs/report/report-html';
import { NOW, reportCase, type ReportCase } from '../report/report-fixture';
import { renderPage } from './poppler';

const SHOTS = path.resolve(import.meta.dirname, '../../../../docs/screenshots');

let rc: ReportCase | null = null;
afterEach(() => {
  rc?.h.close();
  rc = null;
});

interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** Every word of the PDF with its box (points), from pdftotext -bbox. */
function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: Word[] = [];
  html.split('<page ').slice(1).forEach((pageHtml, i) => {
    for (const m of pageHtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page: i + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! });
    }
  });
  return out;
}

/** A seizure of the fixture's first, moved to (lat, lon) with id `id`. */
function at(base: Seizure, id: string, lat: number, lon: number, place: string): Seizure {
  return { ...base, id, latitude: lat, longitude: lon, place };
}

/** Prints the report of the fixture case with `change` applied to its model; the PDF's path. */
async function printWith(change: (m: ReportModel) => void, name: string): Promise<string> {
  rc = await reportCase('Map check');
  const m = await readReportModel(rc.rt, rc.caseId, rc.member, NOW);
  change(m);
  const file = path.join(rc.dir, `${name}.pdf`);
  fs.writeFileSync(file, await chromiumPrinter()(reportHtml(m), { headerText: reportHeaderText(m) }));
  return file;
}

/** The map's area on its page: between the "…, by date." line (or the page header, when the map starts a page) and the caption (points). */
function mapArea(all: Word[]): { page: number; top: number; bottom: number } {
  const caption = all.find((w) => w.text === 'coordinates,');
  if (!caption) throw new Error(`no map caption in: ${all.map((w) => w.text).join(' ').slice(0, 2000)}`);
  const count = all.filter((w) => w.page === caption.page && w.text === 'date.' && w.y1 < caption.y0).pop();
  const header = all.filter((w) => w.page === caption.page && w.text.startsWith('TLP:')).map((w) => w.y1);
  return { page: caption.page, top: count?.y1 ?? Math.max(0, ...header), bottom: caption.y0 };
}

describe('the seizure map in report.pdf', () => {
  it('prints the row labels of a crowded port without overlaps', async () => {
    const file = await printWith((m) => {
      const base = m.seizures[0]!;
      // Fourteen seizures around Singapore's port (8 px apart on the map: separate dots, crowded labels) and two up the strait.
      const port = Array.from({ length: 14 }, (_, i) => at(base, `p${String(i).padStart(2, '0')}`, 1.27 + (i % 4) * 0.12, 103.76 + Math.floor(i / 4) * 0.15, `Pasir Panjang berth ${i + 1}`));
      m.seizures = [...port, at(base, 'q1', 2.2, 102.25, 'Malacca'), at(base, 'q2', 3.0, 101.39, 'Port Klang')];
    }, 'crowded');
    const all = words(file);
    const area = mapArea(all);
    renderPage(file, area.page, 110, path.join(SHOTS, 'report-map-crowded'));
    const inMap = all.filter((w) => w.page === area.page && w.y0 >= area.top && w.y1 <= area.bottom && /^[\d–,]+$/.test(w.text) && /\d/.test(w.text));
    // A label is painted twice, its white halo (a taller box) then its ink: the ink's box is the one read.
    const mid = (w: Word): number => (w.y0 + w.y1) / 2;
    const same = (a: Word, b: Word): boolean => a !== b && a.text === b.text && Math.abs(a.x0 - b.x0) < 0.5 && Math.abs(mid(a) - mid(b)) < 1;
    const labels = inMap.filter((w) => !inMap.some((o) => same(o, w) && o.y1 - o.y0 < w.y1 - w.y0));
    expect(labels.length).toBeGreaterThan(6);
    // Labels of one place are one text ("3, 7–9"), split into words at the spaces: join them back per line.
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        const apart = a.x1 <= b.x0 + 0.5 || b.x1 <= a.x0 + 0.5 || a.y1 <= b.y0 + 0.5 || b.y1 <= a.y0 + 0.5;
        expect(apart, `"${a.text}" and "${b.text}" overlap`).toBe(true);
      }
    }
    // Every row 1–16 is on the map or named in the caption as without room.
    const shown = new Set<number>();
    for (const w of labels) for (const part of w.text.split(',').filter(Boolean)) {
      const [x, y] = part.split('–').map(Number);
      for (let r = x!; r <= (y ?? x!); r++) shown.add(r);
    }
    const captionText = all.filter((w) => w.page === area.page && w.y0 >= area.bottom - 1).map((w) => w.text).join(' ');
    const listed = /lack of room: ([\d–, ]+)\./.exec(captionText)?.[1] ?? '';
    for (const part of listed.split(', ').filter(Boolean)) {
      const [x, y] = part.split('–').map(Number);
      for (let r = x!; r <= (y ?? x!); r++) shown.add(r);
    }
    expect([...shown].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  }, 180_000);

  it('prints a view across the date line with longitudes in −180…180', async () => {
    const route: Route = { id: 'r1', name: 'Suva to Apia', points: [[-18.14, 178.44], [-16, 179.9], [-15.5, -179.5], [-13.83, -171.76]], notes: '', createdBy: 'm', createdAt: 0 };
    const file = await printWith((m) => {
      const base = m.seizures[0]!;
      m.seizures = [at(base, 'f1', -18.14, 178.44, 'Suva'), at(base, 'f2', -16.8, 179.3, 'Labasa'), at(base, 'w1', -13.83, -171.76, 'Apia')];
      m.routes = [route];
    }, 'antimeridian');
    const all = words(file);
    const area = mapArea(all);
    const degrees = all.filter((w) => w.page === area.page && /°[EW]/.test(w.text)).map((w) => Number(/([\d.]+)°/.exec(w.text)![1]));
    expect(degrees).toHaveLength(2);
    for (const d of degrees) expect(d).toBeLessThanOrEqual(180);
    expect(all.some((w) => w.page === area.page && /°W/.test(w.text))).toBe(true);
    renderPage(file, area.page, 110, path.join(SHOTS, 'report-map-antimeridian'));
  }, 180_000);
});
