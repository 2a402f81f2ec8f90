/**
 * The "Export case pack" dialog: the whole case or a selection (a seizure date range, chosen
 * seizures, chosen exhibits), the TLP 2.0 handling confirmation for TLP:RED and TLP:AMBER+STRICT
 * (naming who may receive the pack, from the catalogue), the destination (Electron: the native
 * "Save as"; browser mode: a download), the export's progress fed by `packs.progress` (its phase
 * in words, a bar, the time elapsed, and Cancel, which stops it through `packs.cancel`; closing
 * the dialog while it runs cancels it too), and the result:
 * where it went, its size, file count, manifest fingerprint and whether relay provenance is in it.
 * The seizures to choose from come from the projection (`seizures.page`, by date, filtered on the
 * service), so seizures held in volume docs are offered and a large case is never listed whole.
 */
import { useMemo, useState, type ReactNode } from 'react';
import * as Y from 'yjs';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { exhibitReference } from '../../../shared/domain/exhibit';
import { t } from '../../../shared/messages';
import { packCountsText } from '../../../shared/packs/pack-counts';
import { needsConfirmation, packFileName, recipientsMessage } from '../../../shared/packs/handling';
import type { RpcResult } from '../../../shared/rpc/contract';
import type { PacksProgress } from '../../../shared/rpc/packs';
import { useClient } from '../app/services';
import { useServiceEvent } from '../data/use-service-event';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { Dialog } from '../ui/dialog';
import { FormDialog } from '../ui/form-dialog';
import { downloadStagedPack, exportPackNative, hasNativeDialogs } from './pack-transfer';
import { PackProgress } from './pack-progress';
import { provenanceSentence } from './pack-sentences';
import { formatSeizureDate } from '../format/dates';

/** Props of {@link ExportPackDialog}. */
export interface ExportPackDialogProps {
  workspaceId: string;
  caseId: string;
  caseNumber: string;
  tlp: string;
  /** The case doc replica (for the exhibit list of a selection). */
  doc: Y.Doc;
  onClose: () => void;
}

type Result = RpcResult<'packs.export'>;

/** Most seizures listed to choose from at once (a filter finds the others). */
const PICK_LIMIT = 500;

/** The export dialog, shown while mounted. */
export function ExportPackDialog(props: ExportPackDialogProps): ReactNode {
  const client = useClient();
  const [scope, setScope] = useState<'whole' | 'selection'>('whole');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [seizureIds, setSeizureIds] = useState<string[]>([]);
  const [exhibitIds, setExhibitIds] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [progress, setProgress] = useState<PacksProgress | null>(null);
  // The running export: its id (progress events and packs.cancel name it) and when it started.
  const [running, setRunning] = useState<{ exportId: string; startedAt: number } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [seizureFilter, setSeizureFilter] = useState('');
  const exhibits = useMemo(() => new CaseExhibits(props.doc).list(), [props.doc]);
  // Asked for only while a selection is being made; the first PICK_LIMIT by date that match the filter.
  const picks = useLiveQuery(
    'seizures.page',
    scope === 'selection' ? { workspaceId: props.workspaceId, caseId: props.caseId, sortBy: 'date', sortDir: 'asc', text: seizureFilter.trim(), offset: 0, limit: PICK_LIMIT } : null,
    { refetchOn: [projectionChanged(props.workspaceId, props.caseId)], keepPrevious: true },
  );
  useServiceEvent('packs.progress', (p) => {
    if (running && p.exportId === running.exportId) setProgress(p);
  });
  const cancel = (): void => {
    if (!running) return;
    setCancelling(true);
    void client.call('packs.cancel', { workspaceId: props.workspaceId, exportId: running.exportId });
  };
  const close = (): void => {
    // Closing the dialog while the export runs stops it: nobody would receive the pack.
    if (running && !cancelling) cancel();
    props.onClose();
  };
  const restricted = needsConfirmation(props.tlp);
  const recipients = recipientsMessage(props.tlp);
  const fileName = packFileName(props.caseNumber, props.tlp);
  const toggle = (list: string[], set: (l: string[]) => void, id: string): void => set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  const submit = async (): Promise<unknown> => {
    const selection =
      scope === 'selection'
        ? { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(seizureIds.length ? { seizureIds } : {}), ...(exhibitIds.length ? { exhibitIds } : {}) }
        : undefined;
    const exportId = crypto.randomUUID();
    const params = { workspaceId: props.workspaceId, caseId: props.caseId, exportId, ...(selection ? { selection } : {}), handlingConfirmed: restricted && confirmed };
    setProgress(null);
    setCancelling(false);
    setRunning({ exportId, startedAt: Date.now() });
    try {
      let r: Result | null;
      if (hasNativeDialogs()) {
        // Main shows "Save as" and writes the pack there itself: the page never names a path.
        r = await exportPackNative(params, fileName);
        if (!r) return undefined; // "Save as" cancelled: stay in the dialog
      } else {
        r = await client.call('packs.export', params);
        if (r.stagedId) await downloadStagedPack(client, props.workspaceId, r.stagedId, r.fileName);
      }
      setResult(r);
      return r;
    } finally {
      setRunning(null);
    }
  };

  if (result) {
    return (
      <Dialog title={t('ui.packs.export.title', { caseNumber: props.caseNumber })} onClose={props.onClose} className="pack-export-result" footer={<button type="button" className="btn btn-primary" onClick={props.onClose}>{t('ui.common.close')}</button>}>
        <div className="dialog-body">
          <p className="pack-result-path" data-testid="pack-result-path">{t('ui.packs.export.done', { path: result.path ?? result.fileName })}</p>
          <p className="pack-result-path">{t('ui.packs.export.done-detail', { counts: packCountsText(result.counts), fingerprint: result.fingerprint })}</p>
          <p className={result.provenance.status === 'relay' && result.provenance.flagged > 0 ? 'tag tag-warning' : ''}>{provenanceSentence(result.provenance)}</p>
          {result.notStamped.length ? (
            <div className="alert alert-warning" role="alert" data-testid="pack-not-stamped">
              <p className="alert-title">{t('ui.packs.export.not-stamped', { count: result.notStamped.length })}</p>
              <ul>
                {result.notStamped.map((f) => (
                  <li key={f.hash}>{t('ui.packs.export.not-stamped-file', { name: f.name, exhibits: f.exhibits.join(', ') })}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </Dialog>
    );
  }
  return (
    <FormDialog
      title={t('ui.packs.export.title', { caseNumber: props.caseNumber })}
      onClose={close}
      size="wide"
      className="pack-export-dialog"
      submitLabel={t('ui.packs.export.submit')}
      submitIcon="download"
      submitDisabled={restricted && !confirmed}
      // While it runs, the progress's "Cancel export" is the one way to stop it (tester finding, issue 11).
      cancelHidden={running !== null}
      footerNote={hasNativeDialogs() ? undefined : t('ui.packs.export.browser-download')}
      onSubmit={submit}
    >
      <fieldset className="fieldset">
        <legend>{t('ui.packs.export.scope')}</legend>
        <label className="radio">
          <input type="radio" name="pack-scope" checked={scope === 'whole'} onChange={() => setScope('whole')} /> {t('ui.packs.export.whole')}
        </label>
        <label className="radio">
          <input type="radio" name="pack-scope" checked={scope === 'selection'} onChange={() => setScope('selection')} /> {t('ui.packs.export.selection')}
        </label>
      </fieldset>
      {scope === 'selection' ? (
        <div className="pack-selection">
          <label className="field">
            {t('ui.packs.export.from')}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="field">
            {t('ui.packs.export.to')}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <fieldset className="fieldset pack-pick">
            <legend>{t('ui.packs.export.seizures', { count: seizureIds.length })}</legend>
            <input className="input input-sm" type="search" aria-label={t('ui.case.seizures.filter-label')} placeholder={t('ui.case.seizures.filter-placeholder')} value={seizureFilter} onChange={(e) => setSeizureFilter(e.target.value)} />
            {picks.data && picks.data.total > picks.data.rows.length ? <p className="field-hint">{t('ui.packs.export.seizures-more', { shown: picks.data.rows.length, total: picks.data.total })}</p> : null}
            {(picks.data?.rows ?? []).map((s) => (
              <label key={s.id} className="checkbox">
                <input type="checkbox" checked={seizureIds.includes(s.id)} onChange={() => toggle(seizureIds, setSeizureIds, s.id)} /> {formatSeizureDate(s.seizureDate, s.datePrecision)} · {s.place || s.country} · {s.commodity}
              </label>
            ))}
          </fieldset>
          <fieldset className="fieldset pack-pick">
            <legend>{t('ui.packs.export.exhibits', { count: exhibitIds.length })}</legend>
            {exhibits.map((e) => (
              <label key={e.id} className="checkbox">
                <input type="checkbox" checked={exhibitIds.includes(e.id)} onChange={() => toggle(exhibitIds, setExhibitIds, e.id)} /> {exhibitReference(props.caseNumber, e.number)} · {e.description}
              </label>
            ))}
          </fieldset>
        </div>
      ) : null}
      {restricted && recipients ? (
        <fieldset className="fieldset pack-handling" data-testid="pack-handling">
          <legend>{t('pack.handling.title', { tlp: props.tlp })}</legend>
          <p>{t(recipients)}</p>
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('pack.handling.confirm')}
          </label>
        </fieldset>
      ) : null}
      <p className="field-hint">
        {t('ui.packs.export.destination')}: <span className="mono">{fileName}</span>
      </p>
      {running ? <PackProgress progress={progress} startedAt={running.startedAt} onCancel={cancel} cancelling={cancelling} /> : null}
    </FormDialog>
  );
}
