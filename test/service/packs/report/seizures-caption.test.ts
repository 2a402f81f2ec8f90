/**
 * The caption under the report's seizure map says what the map shows (tester finding: a
 * 100,000-seizure case said "numbered as in the table" under a map of plain dots). Up to LABELLED
 * dots carry their table row; above that none does, and the caption says so.
 */
import { describe, expect, it } from 'vitest';
import { newSeizureFields, type Seizure } from '../../../../shared/domain/seizure';
import { landFeatures } from '../../../../service/packs/report/basemap';
import { LABELLED } from '../../../../service/packs/report/seizure-map';
import { seizuresHtml } from '../../../../service/packs/report/seizures';
import type { ReportModel } from '../../../../service/packs/report/report-model';

const seizure = (i: number): Seizure => ({ ...newSeizureFields('2026-01-01'), id: `s${i}`, seizureDate: '2025-03-01', country: 'SG', commodity: 'ivory', latitude: 1 + i * 0.01, longitude: 103 + i * 0.01 }) as Seizure;

/** The figure caption of the seizures section for `n` mapped seizures. */
function caption(n: number): string {
  const model = { seizures: Array.from({ length: n }, (_v, i) => seizure(i)), routes: [] } as unknown as ReportModel;
  return /<figcaption>([^<]*)<\/figcaption>/.exec(seizuresHtml(model, landFeatures()))![1]!;
}

describe('seizure map caption', () => {
  it('says the dots are numbered as in the table only when they are', () => {
    const few = caption(3);
    expect(few).toContain('3 seizures with coordinates, numbered as in the table.');
    const many = caption(LABELLED + 1);
    expect(many).toContain(`${LABELLED + 1} seizures with coordinates, each drawn as a red dot without a number (more than ${LABELLED} are too many to number; the table lists them).`);
    expect(many).not.toContain('numbered as in the table');
  });
});
