/**
 * Catalogue sentences of pack results the screens show: the provenance status of an export, and a
 * verifier sentence the data service names by id and values.
 */
import { isMessageId, t } from '../../../shared/messages';
import type { ProvenanceStatus } from '../../../shared/packs/manifest';

/** What the pack says about relay provenance. */
export function provenanceSentence(p: ProvenanceStatus): string {
  if (p.status === 'relay') return t('pack.provenance.summary', { records: p.records, upToSeq: p.upToSeq, flagged: p.flagged });
  return t(`pack.provenance.unavailable.${p.reason}`);
}

/** A sentence the data service sent as `{ id, values }`, formatted in this page's locale. */
export function sentence(s: { id: string; values: Record<string, string | number> }): string {
  return isMessageId(s.id) ? t(s.id, s.values) : s.id;
}
