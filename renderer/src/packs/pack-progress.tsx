/**
 * The progress of a pack export: the phase in words (step n of 7, from the catalogue), a bar —
 * determinate (a native <progress>, so assistive technology reads it) while the phase's total is
 * known, indeterminate while it is not (the report while it prints) —, the time elapsed since the
 * export started, and a button that cancels the export (packs.cancel; it stops at its next step).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { PACK_PHASES, type PacksProgress } from '../../../shared/rpc/packs';
import { phaseSentence } from './pack-sentences';

/** Props of {@link PackProgress}. */
export interface PackProgressProps {
  /** The latest progress event of this export; null until the first arrives. */
  progress: PacksProgress | null;
  /** When the export started (ms since epoch, the page's clock). */
  startedAt: number;
  /** Asks the service to cancel the export; absent: no Cancel button. */
  onCancel?: () => void;
  /** True once Cancel was pressed (the button waits for the export to stop). */
  cancelling?: boolean;
}

/** Phases counted in "step n of N" (`complete` is not a step). */
const STEPS = PACK_PHASES.length - 1;

/** One export's progress. */
export function PackProgress(props: PackProgressProps): ReactNode {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const p = props.progress;
  const label = p ? phaseSentence(p) : t('ui.packs.export.phase.read', { done: 0, total: 1 });
  const step = p ? Math.min(STEPS, PACK_PHASES.indexOf(p.phase) + 1) : 1;
  const known = p !== null && p.total !== null && p.total > 0;
  return (
    <div className="pack-progress" data-testid="pack-progress" data-phase={p?.phase ?? 'read'}>
      <p className="pack-progress-step">
        <span className="muted">{t('ui.packs.export.step', { step, steps: STEPS })}</span> <span aria-live="polite">{label}</span>
      </p>
      <div className="pack-progress-bar">
        {known ? <progress max={p.total!} value={p.done} aria-label={label} /> : <progress aria-label={label} />}
        <span className="muted pack-progress-elapsed">{t('ui.packs.export.elapsed', { seconds: Math.max(0, Math.floor((now - props.startedAt) / 1000)) })}</span>
        {props.onCancel ? (
          <button type="button" className="btn btn-sm" onClick={props.onCancel} disabled={props.cancelling}>
            {props.cancelling ? t('ui.packs.export.cancelling') : t('ui.packs.export.cancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
