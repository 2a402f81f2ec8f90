/**
 * The chain of custody of an exhibit, in the terms of ISO/IEC 27037 (identification, collection,
 * acquisition and preservation of evidence) and the ACPO/NPCC principles: every hand-over is one
 * entry (who released it, who received it, when, where, why, the seal and the condition), recorded
 * by a member and never edited or removed. A mistake is fixed by a new entry that `corrects` the
 * wrong one; both stay on record and both are shown.
 *
 * {@link custodyChain} is the one place that decides what the log says: the entries in force (a
 * corrected entry replaced by its latest correction, in the corrected entry's place) and the
 * problems a court would ask about — a gap (the one who received the exhibit is not the next one to
 * release it), a time inversion (a hand-over dated before the one recorded before it), a correction
 * pointing at nothing, and a current holder that is not the last receiver. Pure and isomorphic.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { idSchema, lineSchema } from './fields';

/**
 * The fields a member records for one hand-over. `at`: when it happened, ms since epoch (UTC).
 * Built afresh on each call (its messages in the catalogue's current locale), not when the module
 * loads, so that mutation testing can credit its mutants to the tests that reach them.
 */
export function custodyFieldsSchema() {
  return z
    .object({
      exhibitId: idSchema,
      releasedBy: lineSchema(200).min(1, t('field.required')),
      receivedBy: lineSchema(200).min(1, t('field.required')),
      at: z.number().int().min(0),
      place: lineSchema(300),
      purpose: lineSchema(500),
      sealIntact: z.boolean(),
      newSealNumber: lineSchema(100),
      condition: lineSchema(1000),
      /** The entry this one corrects, or null. */
      corrects: idSchema.nullable(),
    })
    .refine((e) => e.sealIntact || e.newSealNumber.length > 0, { message: t('custody.new-seal-required'), path: ['newSealNumber'] });
}
/** Custody entry fields. */
export type CustodyFields = z.infer<ReturnType<typeof custodyFieldsSchema>>;

/** A custody entry as stored: its fields, id and who recorded it when (ms since epoch). */
export type CustodyEntry = CustodyFields & { id: string; recordedBy: string; recordedAt: number };

/** A problem of a chain, naming the entries (ids) concerned. */
export type CustodyIssue =
  /** `entryId` was released by someone other than the receiver of `previousId`. */
  | { kind: 'gap'; entryId: string; previousId: string }
  /** `entryId` is dated before `previousId`, recorded before it. */
  | { kind: 'time-inversion'; entryId: string; previousId: string }
  /** `entryId` corrects an entry that is not in this exhibit's log. */
  | { kind: 'unknown-correction'; entryId: string }
  /** The exhibit's current holder is not the last receiver (`entryId`). */
  | { kind: 'holder-mismatch'; entryId: string };

/** One entry in force, with the entries it replaced (oldest first; empty when never corrected). */
export interface ChainLink {
  entry: CustodyEntry;
  replaces: CustodyEntry[];
}

/** What a custody log says. */
export interface CustodyChain {
  /** The entries in force, in recording order of the entries they stand for. */
  links: ChainLink[];
  issues: CustodyIssue[];
}

/** Recording order: recorded time, then id (independent of how concurrent appends merged). */
function byRecording(a: CustodyEntry, b: CustodyEntry): number {
  return a.recordedAt - b.recordedAt || a.id.localeCompare(b.id);
}

/**
 * Names compared as people write them: compatibility forms folded (NFKC: full-width letters,
 * ligatures), case, inner spacing and a trailing full stop or comma ignored, accents kept (Adé is
 * not Ade). An invisible format character (zero-width space, joiner, direction mark: Unicode Cf)
 * matches either nothing or a space, so "Jane\u200BDoe" is "Jane Doe" and "Ja\u200Bne" is "Jane"
 * (tester G-CUS-1). Look-alike letters of other scripts (Cyrillic а) are not folded.
 */
export function samePerson(a: string, b: string): boolean {
  const norm = (s: string, cf: '' | ' '): string =>
    s.normalize('NFKC').replace(/\p{Cf}/gu, cf).replace(/[\s.,]+$/u, '').trim().replace(/\s+/g, ' ');
  const eq = (x: string, y: string): boolean => x.localeCompare(y, 'en', { sensitivity: 'accent' }) === 0;
  return eq(norm(a, ''), norm(b, '')) || eq(norm(a, ' '), norm(b, ' '));
}

/**
 * How far ahead of the recording device's clock a hand-over may be dated (ms): five minutes, for
 * the clocks of two devices that disagree a little and a time typed to the minute. A hand-over
 * dated later than that has not happened yet.
 */
export const CUSTODY_CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Why a hand-over cannot be recorded as given: the field at fault and the catalogue id of the reason. */
export interface CustodyRefusal {
  field: 'at' | 'receivedBy';
  id: 'custody.future' | 'custody.self-handover';
}

/**
 * The rules a new custody entry (or correction) must meet beyond its fields' shapes — the one home
 * of these rules, used by the form (custody-entry-dialog.tsx) and by {@link CaseCustody.record}:
 * - it is not dated more than {@link CUSTODY_CLOCK_TOLERANCE_MS} after `now` (ms since epoch, the
 *   recording device's clock): a log records what happened, never what is planned;
 * - the receiver is not the releaser ({@link samePerson}): a hand-over moves an exhibit from one
 *   person to another, each answerable for it. Work done on the exhibit by its holder
 *   (examination, resealing) is recorded at the holder's next hand-over (seal, new seal number,
 *   condition), not as a hand-over to themselves (docs/evidence.md § Refused hand-overs).
 * Returns every refusal (empty when the entry may be recorded).
 */
export function custodyRefusals(fields: Pick<CustodyFields, 'releasedBy' | 'receivedBy' | 'at'>, now: number): CustodyRefusal[] {
  const out: CustodyRefusal[] = [];
  if (fields.at > now + CUSTODY_CLOCK_TOLERANCE_MS) out.push({ field: 'at', id: 'custody.future' });
  // Blank names are the schema's to refuse; two blanks are not "the same person".
  const released = fields.releasedBy.trim();
  if (released !== '' && samePerson(released, fields.receivedBy)) out.push({ field: 'receivedBy', id: 'custody.self-handover' });
  return out;
}

/**
 * The chain of custody of one exhibit from its log entries (any order; entries of other exhibits
 * are ignored). A correction takes the place of the entry it corrects; when an entry was corrected
 * more than once, the correction recorded last is in force (a correction of a correction replaces
 * both). `currentHolder` (the exhibit's field), when given and not empty, is compared with the last
 * receiver.
 */
export function custodyChain(exhibitId: string, entries: readonly CustodyEntry[], currentHolder?: string): CustodyChain {
  const own = entries.filter((e) => e.exhibitId === exhibitId).sort(byRecording);
  const byId = new Map(own.map((e) => [e.id, e]));
  const issues: CustodyIssue[] = [];
  // The original each entry stands for (following corrections back to the first entry).
  const rootOf = (e: CustodyEntry): string => {
    const seen = new Set<string>();
    let cur = e;
    for (let next = byId.get(cur.corrects ?? ''); next && !seen.has(cur.id); next = byId.get(cur.corrects ?? '')) {
      seen.add(cur.id);
      cur = next;
    }
    return cur.id;
  };
  const groups = new Map<string, CustodyEntry[]>();
  for (const e of own) {
    if (e.corrects !== null && !byId.has(e.corrects)) issues.push({ kind: 'unknown-correction', entryId: e.id });
    const root = rootOf(e);
    const group = groups.get(root);
    if (group) group.push(e);
    else groups.set(root, [e]);
  }
  // Groups in the order of their originals; within a group the latest recorded is in force.
  const links: ChainLink[] = [...groups.values()].map((g) => ({ entry: g[g.length - 1]!, replaces: g.slice(0, -1) }));
  for (let i = 1; i < links.length; i++) {
    const prev = links[i - 1]!.entry;
    const cur = links[i]!.entry;
    if (!samePerson(prev.receivedBy, cur.releasedBy)) issues.push({ kind: 'gap', entryId: cur.id, previousId: prev.id });
    if (cur.at < prev.at) issues.push({ kind: 'time-inversion', entryId: cur.id, previousId: prev.id });
  }
  const last = links[links.length - 1];
  if (last && currentHolder && currentHolder.trim() && !samePerson(currentHolder, last.entry.receivedBy)) {
    issues.push({ kind: 'holder-mismatch', entryId: last.entry.id });
  }
  return { links, issues };
}
