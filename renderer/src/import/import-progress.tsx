/**
 * The progress of a running import in the import dialog (issue 11, item 4): a native <progress>
 * (so assistive technology reads it) for the current phase — checking the rows in the parse
 * worker, then writing the seizures into the case and its volumes — with the rows done, the
 * percentage and the rate in words, from the service's `import.progress` events.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { importProgressText } from '../../../shared/domain/import-progress';
import type { ImportProgress } from '../../../shared/rpc/import';
import { useServiceEvent } from '../data/use-service-event';

/** The latest progress of the running (`active`) import of `fileName` into case `caseId`; null until its first event and while none runs. */
export function useImportProgress(workspaceId: string, caseId: string, fileName: string, active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) setProgress(null);
  }, [active]);
  useServiceEvent('import.progress', (p) => {
    if (active && p.workspaceId === workspaceId && p.caseId === caseId && p.fileName === fileName) setProgress(p);
  });
  return active ? progress : null;
}

/**
 * What a running import shows, from its latest progress alone, so the bar and the dialog's footer
 * never name different phases (tester finding: "Sending … to be checked" above, "Writing the rows
 * into the case" below). `bar`: the phase with its counts; `footer`: whether anything is written yet.
 */
export function importPhaseTexts(progress: ImportProgress | null, fileName: string): { bar: string; footer: string } {
  if (!progress) return { bar: t('ui.import.progress-starting', { fileName }), footer: t('ui.import.footer-checking') };
  // The dialog's dry run checked the rows once; the commit checks them again (and says so).
  return { bar: importProgressText(progress, true), footer: t(progress.phase === 'writing' ? 'ui.import.footer-writing' : 'ui.import.footer-checking') };
}

/** The progress bar of a running import; before the first event, an indeterminate bar. */
export function ImportProgressBar(props: { progress: ImportProgress | null; fileName: string }): ReactNode {
  const p = props.progress;
  const label = importPhaseTexts(p, props.fileName).bar;
  return (
    <div className="import-progress" data-testid="import-progress" role="status">
      {p ? <progress max={Math.max(p.total, 1)} value={p.done} aria-label={t('ui.import.progress-label')} /> : <progress aria-label={t('ui.import.progress-label')} />}
      <span>{label}</span>
    </div>
  );
}
