/**
 * A {@link PackReport} in words (catalogue sentences), for the CLI and the app's verify screen:
 * the verdict line, then one line per difference.
 */
import { t, type MessageId } from '../../shared/messages/format';
import type { PackProblem, PackReport } from './pack-verifier';

/** One difference as a sentence. */
export function problemText(p: PackProblem): string {
  const { kind, ...values } = p;
  return t(`pack.problem.${kind}` as MessageId, values);
}

/** The verdict and the differences, one per line; `file` is how the pack is named to the reader. */
export function reportText(file: string, r: PackReport): string[] {
  if (r.ok) {
    const verdict = t('pack.verify.ok', { file, entries: r.entries, bytes: r.bytes, name: r.signer?.name ?? '', agency: r.signer?.agency ?? '', kid: r.workspaceKid ?? '' });
    // The signed marking, stated (F-VERIFY-4): the ZIP comment and file name carry it unsigned.
    return [r.manifest ? `${verdict} ${t('pack.verify.marking', { tlp: r.manifest.case.tlp })}` : verdict];
  }
  if (r.intact) return [t('pack.verify.intact-untrusted', { file, name: r.signer?.name ?? '', agency: r.signer?.agency ?? '', kid: r.workspaceKid ?? '' })];
  return [t('pack.verify.failed', { file, count: r.problems.length }), ...r.problems.map((p) => `  - ${problemText(p)}`)];
}

/** The CLI's exit status for a report: 0 verified, 1 a difference, 3 intact but unconfirmed. */
export function exitStatus(r: PackReport): 0 | 1 | 3 {
  return r.ok ? 0 : r.intact ? 3 : 1;
}
