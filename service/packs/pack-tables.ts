/**
 * The pack's `data/entities.csv` and `data/custody.csv`, written by the app's one CSV writer
 * (service/export/export-csv.ts `tableToCsv`: RFC 4180, CRLF, formula-like cells neutralised,
 * the TLP marking as the first line). Times are ISO 8601 UTC; rows come in a stable order, so the
 * same case state always gives the same bytes. Columns documented in docs/case-packs.md.
 */
import { entityLabel, type Entity } from '../../shared/docs/case-entities';
import { custodyChain, type CustodyEntry } from '../../shared/domain/custody';
import { strongIdentifiers } from '../../shared/domain/entities';
import type { Exhibit } from '../../shared/domain/exhibit';
import { exhibitReference } from '../../shared/domain/exhibit';
import { tableToCsv } from '../export/export-csv';

/** ms since epoch → ISO 8601 UTC, '' for 0 (a stamp a record lacks). */
const iso = (ms: number): string => (ms > 0 ? new Date(ms).toISOString() : '');

/** Columns of `data/entities.csv`. */
export const ENTITY_COLUMNS = ['id', 'kind', 'label', 'identifiers', 'aliases', 'notes', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt'] as const;

/**
 * The entities as CSV: one row each, ordered by id; `identifiers` lists each strong identifier as
 * `scheme:value` joined with '; ' (IMO, MMSI, IBAN, passport:NG …; names are in `label`/`aliases`).
 */
export function entitiesCsv(entities: readonly Entity[], markingLine: string): string {
  const rows = [...entities]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => [
      e.id,
      e.kind,
      entityLabel(e),
      strongIdentifiers(e)
        .filter((i) => !i.weak)
        .map((i) => `${i.scheme}:${i.value}`)
        .join('; '),
      'aliases' in e ? e.aliases.join('; ') : '',
      e.notes,
      e.createdBy,
      iso(e.createdAt),
      e.updatedBy,
      iso(e.updatedAt),
    ]);
  return tableToCsv(ENTITY_COLUMNS, rows, markingLine);
}

/** Columns of `data/custody.csv`. */
export const CUSTODY_COLUMNS = [
  'id',
  'exhibitId',
  'exhibit',
  'releasedBy',
  'receivedBy',
  'at',
  'place',
  'purpose',
  'sealIntact',
  'newSealNumber',
  'condition',
  'corrects',
  'correctedBy',
  'inForce',
  'recordedBy',
  'recordedAt',
] as const;

/**
 * Every custody entry of `exhibits` as CSV, in recording order: a correction names the entry it
 * `corrects`, the corrected entry lists the corrections that replaced it (`correctedBy`, ids joined
 * with '; '), and `inForce` says whether the entry is the one the chain stands on (shared/domain/custody.ts).
 */
export function custodyCsv(entries: readonly CustodyEntry[], exhibits: readonly Exhibit[], caseNumber: string, markingLine: string): string {
  const byExhibit = new Map(exhibits.map((e) => [e.id, e]));
  const inForce = new Set<string>();
  for (const e of exhibits) for (const link of custodyChain(e.id, entries).links) inForce.add(link.entry.id);
  const correctedBy = new Map<string, string[]>();
  for (const c of entries) if (c.corrects) correctedBy.set(c.corrects, [...(correctedBy.get(c.corrects) ?? []), c.id]);
  const rows = entries.map((c) => {
    const ex = byExhibit.get(c.exhibitId);
    return [
      c.id,
      c.exhibitId,
      ex ? exhibitReference(caseNumber, ex.number) : '',
      c.releasedBy,
      c.receivedBy,
      iso(c.at),
      c.place,
      c.purpose,
      c.sealIntact,
      c.newSealNumber,
      c.condition,
      c.corrects ?? '',
      (correctedBy.get(c.id) ?? []).join('; '),
      inForce.has(c.id),
      c.recordedBy,
      iso(c.recordedAt),
    ];
  });
  return tableToCsv(CUSTODY_COLUMNS, rows, markingLine);
}
