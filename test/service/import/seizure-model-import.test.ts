/**
 * Importing the complete seizure model's columns (issue 11.6): header names in several languages,
 * the vocabularies, missed transit opportunities, and a unit left empty when no quantity is
 * reported; then export → import round-trips every new field.
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile, seizuresToCsv } from '../../../service/import';
import { parseConcealmentMethod, parseDetectionMethod, parseTransportMode } from '../../../service/import/seizure-vocab';
import type { Seizure } from '../../../shared/domain/seizure';
import { utf8 } from './fixtures';

const csv = (text: string) => parseImportFile({ fileName: 'in.csv', bytes: utf8(text) });

describe('vocabulary cells', () => {
  it('read codes, labels and words in five languages; empty is not stated', () => {
    expect(parseTransportMode('Post / courier')).toEqual({ ok: true, value: 'post' });
    expect(parseTransportMode('Luftfracht')).toEqual({ ok: true, value: 'air' });
    expect(parseTransportMode('à pied')).toEqual({ ok: true, value: 'foot' });
    expect(parseTransportMode('')).toEqual({ ok: true, value: null });
    expect(parseDetectionMethod('X-ray')).toEqual({ ok: true, value: 'scanner' });
    expect(parseDetectionMethod('sniffer dog')).toEqual({ ok: true, value: 'sniffer-dog' });
    expect(parseDetectionMethod('Röntgen')).toEqual({ ok: true, value: 'scanner' });
    expect(parseConcealmentMethod('false bottom')).toEqual({ ok: true, value: 'false-compartment' });
    expect(parseConcealmentMethod('Misdeclared as other goods')).toEqual({ ok: true, value: 'misdeclared' });
  });
  it('refuse anything else with the list of codes', () => {
    const r = parseTransportMode('teleport');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('“teleport” is not a transport mode (use one of air, sea, road, rail, inland-water, post, foot, other)');
  });
});

describe('a CSV with the new columns', () => {
  const file = [
    'Date,Country,Commodity,Quantity,Unit,Origin,Export country,Transit,Missed opportunity,Destination,Transport mode,Detection method,Concealment',
    '2024-02-10,SG,Pangolin scales,3.2,t,NG,NG,ET;AE,AE,VN,sea,X-ray,misdeclared',
    '2024-02-11,KE,Rhino horn,,,ZA,,QA,,CN,air,tip-off,luggage',
    '2024-02-12,KE,Rhino horn,1,kg,ZA,,QA,TH,CN,air,,',
    '2024-02-13,KE,Rhino horn,1,kg,ZA,,,,CN,hovercraft,,',
  ].join('\n');
  const parsed = csv(file);

  it('maps the headers and reads every field', () => {
    expect(parsed.seizures[0]!.fields).toMatchObject({
      quantity: 3.2, unit: 't', originCountries: ['NG'], exportCountries: ['NG'], transitCountries: ['ET', 'AE'], missedTransitCountries: ['AE'],
      destinationCountries: ['VN'], transportMode: 'sea', detectionMethod: 'scanner', concealmentMethod: 'misdeclared', locationPrecision: null,
    });
  });
  it('leaves the unit empty when no quantity was reported, never a default', () => {
    expect(parsed.seizures[1]!.fields).toMatchObject({ quantity: null, unit: null, transportMode: 'air', detectionMethod: 'tip-off', concealmentMethod: 'luggage' });
  });
  it('refuses a missed opportunity outside the transit countries and an unknown transport mode', () => {
    expect(parsed.seizures).toHaveLength(2);
    const byLine = (line: number) => parsed.report.rejected.filter((r) => r.line === line).map((r) => [r.field, r.reason]);
    expect(byLine(4)).toEqual([['missedTransitCountries', 'marks TH as a missed opportunity, but the transit column does not list it']]);
    expect(byLine(5)).toEqual([['transportMode', '“hovercraft” is not a transport mode (use one of air, sea, road, rail, inland-water, post, foot, other)']]);
  });
  it('round-trips through the CSV export', () => {
    const seizures: Seizure[] = parsed.seizures.map((s, i) => ({ ...s.fields, id: `00000000-0000-4000-8000-00000000000${i}`, createdBy: 'm', createdAt: 1, updatedBy: 'm', updatedAt: 1 }));
    const again = csv(seizuresToCsv(seizures));
    expect(again.report.rejected).toEqual([]);
    expect(again.seizures.map((s) => s.fields)).toEqual(parsed.seizures.map((s) => s.fields));
  });
});
