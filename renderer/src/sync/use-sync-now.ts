/**
 * "Sync now" (issue 9 item 6): calls `sync.now`, which re-exchanges state with the relay and
 * resolves only once the relay has proven it holds the doc(s), or after a timeout. While it runs
 * the caller shows "Waiting for the relay…"; the toast afterwards says what was confirmed — never
 * "synced" for what the relay has not confirmed.
 */
import { useCallback, useState } from 'react';
import { useClient } from '../app/services';
import { describeError } from '../ui/states';
import { useToast } from '../ui/toast';
import { syncNowResultText } from './health-labels';

/** Key of the whole workspace in {@link SyncNow.pending}. */
export const ALL_DOCS = '*';

/** The "Sync now" action of one workspace. */
export interface SyncNow {
  /** Doc names (or {@link ALL_DOCS}) waiting for the relay's confirmation. */
  pending: ReadonlySet<string>;
  /** Syncs `docName` (null: every open and waiting doc); `subject` names it in the toast ("case TFA-2026-0001"). */
  run: (docName: string | null, subject?: string) => void;
}

/** "Sync now" for `workspaceId`. */
export function useSyncNow(workspaceId: string): SyncNow {
  const client = useClient();
  const toast = useToast();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const run = useCallback(
    (docName: string | null, subject?: string) => {
      const key = docName ?? ALL_DOCS;
      setPending((p) => new Set(p).add(key));
      client
        .call('sync.now', { workspaceId, docName })
        .then(
          (r) => {
            const { text, ok } = syncNowResultText(r, docName ? (subject ?? null) : null);
            toast(text, ok ? 'info' : 'error');
          },
          (err: unknown) => {
            const d = describeError(err);
            toast(`${d.title} ${d.detail}`.trim(), 'error');
          },
        )
        .finally(() =>
          setPending((p) => {
            const next = new Set(p);
            next.delete(key);
            return next;
          }),
        );
    },
    [client, toast, workspaceId],
  );
  return { pending, run };
}
