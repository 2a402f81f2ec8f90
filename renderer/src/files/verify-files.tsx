/**
 * "Verify files": re-hashes every stored file of the case in the data service (`files.verify`),
 * showing its progress (`files.progress` verify events) on the button, then a dialog with the
 * result: how many files are intact and which changed or are missing (named, with their hash).
 */
import { useState, type ReactNode } from 'react';
import type { AttachedFile } from '../../../shared/domain/attached-file';
import { t } from '../../../shared/messages';
import type { RpcResult } from '../../../shared/rpc/contract';
import { useClient } from '../app/services';
import { useServiceEvent } from '../data/use-service-event';
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icons';
import { ErrorPanel, Notice } from '../ui/states';
import type { CaseRef } from './file-bytes';
import { shortHash } from './file-format';

type Report = RpcResult<'files.verify'>;

function FileLines(props: { files: AttachedFile[]; label: string }): ReactNode {
  if (!props.files.length) return null;
  return (
    <section>
      <h3 className="verify-heading">{props.label}</h3>
      <ul className="verify-list">
        {props.files.map((f) => (
          <li key={f.id}>
            <span className="strong">{f.name}</span> <span className="mono muted">{shortHash(f.hash)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The "Verify files" button and its result dialog. */
export function VerifyFilesButton(props: { caseRef: CaseRef; disabled?: boolean }): ReactNode {
  const client = useClient();
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ report: Report } | { error: unknown } | null>(null);
  useServiceEvent('files.progress', (p) => {
    if (p.kind === 'verify' && p.workspaceId === props.caseRef.workspaceId && p.caseId === props.caseRef.caseId) setRunning({ done: p.done, total: p.total });
  });
  const run = (): void => {
    setRunning({ done: 0, total: 0 });
    client.call('files.verify', props.caseRef).then(
      (report) => setResult({ report }),
      (error: unknown) => setResult({ error }),
    ).finally(() => setRunning(null));
  };
  const clean = result && 'report' in result && !result.report.changed.length && !result.report.missing.length;
  return (
    <>
      <button type="button" className="btn" onClick={run} disabled={props.disabled || running !== null} aria-busy={running !== null || undefined}>
        <Icon name="shield" /> {running ? t('ui.files.verify.running', { done: running.done, total: running.total }) : t('ui.files.verify')}
      </button>
      {result ? (
        <Dialog
          title={t('ui.files.verify.title')}
          onClose={() => setResult(null)}
          footer={
            <button type="button" className="btn btn-primary" onClick={() => setResult(null)}>
              {t('ui.common.close')}
            </button>
          }
        >
          <div className="dialog-body stack">
            {'error' in result ? <ErrorPanel error={result.error} /> : null}
            {'report' in result ? (
              <>
                <Notice kind={clean ? 'success' : 'warning'} icon={clean ? 'check' : 'alert'}>
                  {t('ui.files.verify-result', { ok: result.report.ok, changed: result.report.changed.length, missing: result.report.missing.length })}
                </Notice>
                <FileLines files={result.report.changed} label={t('ui.files.verify.changed')} />
                <FileLines files={result.report.missing} label={t('ui.files.verify.missing')} />
              </>
            ) : null}
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
