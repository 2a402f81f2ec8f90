/**
 * Catalogue sentences of pack results the screens show: an export's phase, the provenance status
 * of an export, and a verifier sentence the data service names by id and values.
 */
import { isMessageId, t } from '../../../shared/messages';
import { withCountsText } from '../../../shared/packs/pack-counts';
import type { ProvenanceStatus } from '../../../shared/packs/manifest';
import type { PacksProgress } from '../../../shared/rpc/packs';

/** What a pack export is doing, in words (the phase with its counts where known). */
export function phaseSentence(p: PacksProgress): string {
  const counts = { done: p.done, total: p.total ?? 0 };
  switch (p.phase) {
    case 'read':
      return t('ui.packs.export.phase.read', counts);
    case 'provenance':
      return t('ui.packs.export.phase.provenance', counts);
    case 'tables':
      return t('ui.packs.export.phase.tables', counts);
    case 'map':
      return t('ui.packs.export.phase.map', counts);
    case 'report':
      return p.total === null ? t('ui.packs.export.phase.report') : t('ui.packs.export.phase.report-done', counts);
    case 'write':
      return t('ui.packs.export.phase.write', { ...counts, files: p.filesDone ?? 0, totalFiles: p.totalFiles ?? 0 });
    case 'sign':
      return t('ui.packs.export.phase.sign');
    case 'complete':
      return t('ui.packs.export.phase.complete');
  }
}

/** What the pack says about relay provenance. */
export function provenanceSentence(p: ProvenanceStatus): string {
  if (p.status === 'relay') return t('pack.provenance.summary', { records: p.records, upToSeq: p.upToSeq, flagged: p.flagged });
  return t(`pack.provenance.unavailable.${p.reason}`);
}

/** A sentence the data service sent as `{ id, values }`, formatted in this page's locale. */
export function sentence(s: { id: string; values: Record<string, string | number> }): string {
  return isMessageId(s.id) ? t(s.id, withCountsText(s.values)) : s.id;
}
