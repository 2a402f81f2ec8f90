/**
 * "Verify a case pack": the user opens a pack (Electron: the native "Open" dialog; browser mode:
 * a file input, uploaded to the browser host), the data service runs the verifier against this
 * workspace's key, and the screen shows the verdict and every difference (each naming its file)
 * in catalogue sentences, with the signer, the case and the workspace key fingerprint (worded as
 * on the Workspace key card, ui/key-fingerprint.tsx). It never
 * says VERIFIED unless every check passed under a trusted key (the data service decides). A file
 * stored by hash is named with its original name beside it (the data service words that); a
 * marking outside the signed manifest that differs from it is shown as a warning; the export time
 * is shown in this app's locale and time zone, never as raw ISO text.
 */
import { useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { RpcResult } from '../../../shared/rpc/contract';
import { useClient } from '../app/services';
import { formatDateTimeZoned } from '../format/dates';
import { Dialog } from '../ui/dialog';
import { KeyFingerprint } from '../ui/key-fingerprint';
import { describeError } from '../ui/states';
import { hasNativeDialogs, uploadPack, verifyPackNative } from './pack-transfer';
import { sentence } from './pack-sentences';

type Report = RpcResult<'packs.verify'>;

/** The verify dialog, shown while mounted. */
export function VerifyPackDialog(props: { workspaceId: string; onClose: () => void }): ReactNode {
  const client = useClient();
  const [running, setRunning] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (name: string, verify: () => Promise<Report | null>): void => {
    setRunning(name);
    setReport(null);
    setError(null);
    verify()
      .then((r) => {
        if (r) setReport(r);
      })
      .catch((err: unknown) => {
        const d = describeError(err);
        setError(`${d.title} ${d.detail}`.trim());
      })
      .finally(() => setRunning(null));
  };
  // Electron: main shows "Open" and verifies the chosen pack itself; the page never names a path.
  const openNative = (): void => run('…', () => verifyPackNative(props.workspaceId));
  const onFile = (file: File | undefined): void => {
    if (file) run(file.name, async () => client.call('packs.verify', { workspaceId: props.workspaceId, stagedId: await uploadPack(file), fileName: file.name }));
  };

  return (
    <Dialog title={t('ui.packs.verify.title')} onClose={props.onClose} size="wide" className="pack-verify-dialog" footer={<button type="button" className="btn" onClick={props.onClose}>{t('ui.common.close')}</button>}>
      <div className="dialog-body">
      <p>{t('ui.packs.verify.intro')}</p>
      {hasNativeDialogs() ? (
        <button type="button" className="btn btn-primary" onClick={openNative} disabled={running !== null}>
          {t('ui.packs.verify.choose')}
        </button>
      ) : (
        <label className="field">
          {t('ui.packs.verify.choose')}
          <input type="file" accept=".zip,application/zip" data-testid="pack-verify-input" disabled={running !== null} onChange={(e) => onFile(e.target.files?.[0])} />
        </label>
      )}
      {running ? <p role="status">{t('ui.packs.verify.running', { file: running })}</p> : null}
      {error ? <p role="alert" className="form-error">{error}</p> : null}
      {report ? <VerifyReport report={report} /> : null}
      </div>
    </Dialog>
  );
}

/** The verdict, the differences and the facts of one pack. */
function VerifyReport(props: { report: Report }): ReactNode {
  const r = props.report;
  return (
    <section className={`pack-verdict ${r.ok ? 'pack-verdict-ok' : r.intact ? 'pack-verdict-untrusted' : 'pack-verdict-failed'}`} data-testid="pack-verdict" aria-live="polite">
      <p className="pack-verdict-line">
        <strong>{sentence(r.verdict)}</strong>
      </p>
      {r.problems.length ? (
        <ul className="pack-problems" data-testid="pack-problems">
          {r.problems.map((p, i) => (
            <li key={i}>{sentence(p)}</li>
          ))}
        </ul>
      ) : null}
      {r.warnings.length ? (
        <ul className="pack-warnings" data-testid="pack-warnings">
          {r.warnings.map((w, i) => (
            <li key={i}>{sentence(w)}</li>
          ))}
        </ul>
      ) : null}
      {r.case ? <p>{t('ui.packs.verify.case', { number: r.case.number, title: r.case.title, tlp: r.case.tlp, exportedAt: formatDateTimeZoned(r.case.exportedAt) })}</p> : null}
      {r.signer ? <p>{t('ui.packs.verify.signer', { name: r.signer.name, agency: r.signer.agency, role: r.signer.role, workspaceId: r.signer.workspaceId })}</p> : null}
      {r.workspaceKid ? (
        <p>
          <KeyFingerprint kid={r.workspaceKid} /> {r.intact ? (r.trusted ? t('ui.packs.verify.trusted') : t('ui.packs.verify.untrusted')) : null}
        </p>
      ) : null}
    </section>
  );
}
