/**
 * A {@link PackReport} in words (catalogue sentences), for the CLI and the app's verify screen:
 * the verdict line, then one line per difference.
 */
import { t, type MessageId } from '../../shared/messages/format';
import type { PackProblem, PackReport, PackWarning } from './pack-verifier';
import { packCountsText, type PackCounts } from '../../shared/packs/pack-counts';

/** A catalogue sentence by id and values, as the data service sends it to a page. */
export interface PackSentence {
  id: MessageId;
  values: Record<string, string | number>;
}

/**
 * One difference as a catalogue sentence (`pack.problem.<kind>`); a file the manifest gives an
 * original name for is named by both: `exhibits/<sha256> (original name “photo.jpg”)`.
 */
export function problemSentence(p: PackProblem): PackSentence {
  const { kind, ...rest } = p;
  const values: Record<string, string | number> = { ...rest };
  if ('originalName' in values) {
    values.path = t('pack.problem.path-named', { path: String(values.path), name: String(values.originalName) });
    delete values.originalName;
  }
  return { id: `pack.problem.${kind}` as MessageId, values };
}

/** One warning as a catalogue sentence (`pack.warning.<kind>`). */
export function warningSentence(w: PackWarning): PackSentence {
  const { kind, ...values } = w;
  return { id: `pack.warning.${kind}` as MessageId, values };
}

/** What the verified pack holds, counted as the export counts it (shared/packs/pack-counts.ts). */
export function reportCounts(r: PackReport): PackCounts {
  return { entries: r.zipEntries, zipBytes: r.zipBytes, files: r.entries, fileBytes: r.bytes };
}

/** One difference as a sentence. */
export function problemText(p: PackProblem): string {
  const s = problemSentence(p);
  return t(s.id, s.values);
}

/** One warning as a sentence. */
export function warningText(w: PackWarning): string {
  const s = warningSentence(w);
  return t(s.id, s.values);
}

/**
 * The verdict, the differences, then the warnings (a marking outside the signed manifest that
 * differs from it), one per line; `file` is how the pack is named to the reader.
 */
export function reportText(file: string, r: PackReport): string[] {
  const warnings = r.warnings.map(warningText);
  if (r.ok) {
    const verdict = t('pack.verify.ok', { file, counts: packCountsText(reportCounts(r)), name: r.signer?.name ?? '', agency: r.signer?.agency ?? '', kid: r.workspaceKid ?? '' });
    // The signed marking, stated (F-VERIFY-4): the ZIP comment and file name carry it unsigned.
    return [r.manifest ? `${verdict} ${t('pack.verify.marking', { tlp: r.manifest.case.tlp })}` : verdict, ...warnings];
  }
  if (r.intact) return [t('pack.verify.intact-untrusted', { file, name: r.signer?.name ?? '', agency: r.signer?.agency ?? '', kid: r.workspaceKid ?? '' }), ...warnings];
  return [t('pack.verify.failed', { file, count: r.problems.length }), ...r.problems.map((p) => `  - ${problemText(p)}`), ...warnings];
}

/** The CLI's exit status for a report: 0 verified, 1 a difference, 3 intact but unconfirmed. */
export function exitStatus(r: PackReport): 0 | 1 | 3 {
  return r.ok ? 0 : r.intact ? 3 : 1;
}
