/**
 * History sentences for evidence: exhibits, attached files and chain-of-custody entries ("added
 * the exhibit NEST-2026-0001/EX-003 “Tusks, 12 pieces”", "recorded a custody hand-over of …").
 * Split from activity-records.ts (tasks, events, entities, links); called from
 * activity-sentence.ts. An exhibit unknown here is named from the entry's summary, or as "an
 * exhibit" — never by its id. Pure.
 */
import { t } from '../messages';
import type { AuditLine } from './activity-sentence';
import type { PhraseTools } from './activity-records';

/** How evidence sentences name exhibits and files. */
export interface EvidenceContext {
  /** The exhibit's reference (e.g. `NEST-2026-0001/EX-003`) and description, or null when unknown here. */
  exhibit?(id: string): { reference: string; description: string } | null;
  /** The attached file's original name (also of a removed file), or null. */
  file?(id: string): string | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** "the exhibit NEST-2026-0001/EX-003 “Tusks”", from the doc, else the summary, else "an exhibit". */
function exhibitPhrase(e: AuditLine, ctx: EvidenceContext): string {
  const known = e.target ? ctx.exhibit?.(e.target) : null;
  if (known) return t('ui.case.activity.exhibit-named', { reference: known.reference, description: known.description });
  const n = e.summary?.number;
  if (typeof n === 'number' && n > 0) return t('ui.case.activity.exhibit-numbered', { number: n, description: str(e.summary?.description) });
  return t('ui.case.activity.exhibit-unnamed');
}

/** The file's name from the doc, else from the entry's summary, else "an unnamed record". */
function fileName(e: AuditLine, ctx: EvidenceContext): string {
  return (e.target ? ctx.file?.(e.target) : null) || str(e.summary?.name) || t('ui.case.activity.record-unnamed');
}

/** The sentence for an exhibit, file or custody entry, to follow the member's name; null when the action is not one of theirs. */
export function evidenceSentence(e: AuditLine, ctx: EvidenceContext, tools: PhraseTools): string | null {
  switch (e.action) {
    case 'exhibit.add':
      return t('ui.case.activity.exhibit-add', { exhibit: exhibitPhrase(e, ctx) });
    case 'exhibit.update':
    case 'exhibit.renumber':
      if (e.changes) return t('ui.case.activity.exhibit-update', { changes: tools.changes(e.changes), exhibit: exhibitPhrase(e, ctx) });
      return t('ui.case.activity.exhibit-edit', { exhibit: exhibitPhrase(e, ctx) });
    case 'exhibit.delete':
      return t('ui.case.activity.exhibit-delete', { exhibit: exhibitPhrase(e, ctx) });
    case 'file.add':
      return t('ui.case.activity.file-add', { name: fileName(e, ctx) });
    case 'file.delete':
      return t('ui.case.activity.file-delete', { name: fileName(e, ctx) });
    case 'custody.record':
      return t('ui.case.activity.custody-record', { exhibit: exhibitPhrase(e, ctx) });
    case 'custody.correct':
      return t('ui.case.activity.custody-correct', { exhibit: exhibitPhrase(e, ctx) });
    default:
      return null;
  }
}
