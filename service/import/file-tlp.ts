/**
 * The TLP marking a file brings into a case (issue 11, item 5; tester finding F1): an export
 * carries its case's marking inside the file (shared/domain/tlp-marking.ts), and the import
 * honours it. A file marked stricter than the case it goes into is named in the preview
 * (`report.tlpConflict`) and refused by the commit unless the request accepts it (`acceptTlp`);
 * a case the import creates takes the file's level when it is stricter than a new case's. A
 * marking is never lowered silently.
 */
import type { Tlp } from '../../shared/domain/codes';
import { isStricterTlp, stricterTlp } from '../../shared/domain/tlp-marking';
import { NestError } from '../../shared/errors';
import { t } from '../../shared/messages';

/** The case a file goes into: its number and TLP. */
export interface TlpTarget {
  number: string;
  tlp: Tlp;
}

/** The sentence saying file level `fileTlp` is stricter than case `target`'s, or null when it is not (or the file has no marking). */
export function tlpConflict(fileTlp: Tlp | null | undefined, target: TlpTarget): string | null {
  if (!fileTlp || !isStricterTlp(fileTlp, target.tlp)) return null;
  return t('import.tlp-stricter', { fileTlp, caseNumber: target.number, caseTlp: target.tlp });
}

/**
 * Refuses a file marked stricter than case `target` unless the request accepts it.
 * @throws NestError('validation', 'import.tlp-stricter') naming both levels and the case.
 */
export function refuseStricterTlp(fileTlp: Tlp | null | undefined, target: TlpTarget, acceptTlp: boolean | undefined): void {
  if (!fileTlp || acceptTlp || !isStricterTlp(fileTlp, target.tlp)) return;
  throw new NestError('validation', { id: 'import.tlp-stricter', values: { fileTlp, caseNumber: target.number, caseTlp: target.tlp } });
}

/** The TLP of a case the import creates: the file's level when stricter than the new case's default `tlp`, else the default. */
export function newCaseTlp(fileTlp: Tlp | null | undefined, tlp: Tlp): Tlp {
  return fileTlp ? stricterTlp(fileTlp, tlp) : tlp;
}
