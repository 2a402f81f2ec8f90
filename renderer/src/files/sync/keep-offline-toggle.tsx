/**
 * "Keep files offline" for a case on this desktop: a labelled checkbox (with a one-line hint) that
 * reads and sets the member's local setting (`files.keepOffline` / `files.setKeepOffline`). When
 * checked, the data service downloads every file of the case in the background.
 */
import { useId, useState, type ReactNode } from 'react';
import { t } from '../../../../shared/messages';
import { useClient } from '../../app/services';
import { useLiveQuery } from '../../data/use-live-query';

/** The keep-offline checkbox of case `caseId`; `onChange` hears each value set. */
export function KeepOfflineToggle(props: { workspaceId: string; caseId: string; onChange?: (keepOffline: boolean) => void }): ReactNode {
  const { workspaceId, caseId } = props;
  const client = useClient();
  const q = useLiveQuery('files.keepOffline', { workspaceId, caseId });
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const checked = pending ?? q.data?.keepOffline ?? false;

  const toggle = (next: boolean): void => {
    setPending(next);
    setError(null);
    client
      .call('files.setKeepOffline', { workspaceId, caseId, keepOffline: next })
      .then((r) => {
        props.onChange?.(r.keepOffline);
        q.reload();
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setPending(null));
  };

  return (
    <div className="keep-offline">
      <label>
        <input type="checkbox" checked={checked} disabled={q.data === undefined || pending !== null} aria-describedby={hintId} onChange={(e) => toggle(e.target.checked)} />{' '}
        {t('ui.files.keep-offline')}
      </label>
      <p id={hintId} className="hint">
        {t('ui.files.keep-offline.hint')}
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
