/**
 * Adding files to a case from the page: a picked or dropped list of files (browser mode, sent one
 * after the other to the host) or the native dialog (Electron). Tracks progress in two phases —
 * the bytes the browser has sent, then the data service's hashing of them (`files.progress`
 * intake events of this case) — and the error of the first file that was refused.
 */
import { useCallback, useState } from 'react';
import type { AttachedFile } from '../../../shared/domain/attached-file';
import { useServiceEvent } from '../data/use-service-event';
import { pickAndAddFiles, uploadFile, usesNativeFileDialog, type CaseRef } from './file-bytes';

/** What an intake under way shows. `done`/`total` in bytes of the current file. */
export interface AddProgress {
  phase: 'sending' | 'hashing';
  name: string;
  done: number;
  total: number;
  /** 1-based position of the current file, and how many are being added. */
  index: number;
  count: number;
}

/** State and actions of {@link useAddFiles}. */
export interface AddFiles {
  progress: AddProgress | null;
  error: unknown;
  /** Files added by the last run. */
  added: AttachedFile[];
  /** Browser mode: adds these files (picked or dropped). */
  addFiles(files: readonly File[]): Promise<AttachedFile[]>;
  /** Electron: the native dialog. */
  pick(): Promise<AttachedFile[]>;
  native: boolean;
  clearError(): void;
}

/** Adding files to the case `ref`. */
export function useAddFiles(ref: CaseRef): AddFiles {
  const [progress, setProgress] = useState<AddProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<AttachedFile[]>([]);

  useServiceEvent('files.progress', (p) => {
    if (p.kind !== 'intake' || p.workspaceId !== ref.workspaceId || p.caseId !== ref.caseId) return;
    setProgress((cur) => (cur ? { ...cur, phase: 'hashing', done: p.done, total: p.total } : { phase: 'hashing', name: '', done: p.done, total: p.total, index: 1, count: 1 }));
  });

  const addFiles = useCallback(
    async (files: readonly File[]): Promise<AttachedFile[]> => {
      setError(null);
      const out: AttachedFile[] = [];
      try {
        for (const [i, f] of files.entries()) {
          setProgress({ phase: 'sending', name: f.name, done: 0, total: f.size, index: i + 1, count: files.length });
          out.push(
            await uploadFile(ref, f, (sent, total) =>
              setProgress((cur) => (cur && cur.phase === 'hashing' ? cur : { phase: 'sending', name: f.name, done: sent, total, index: i + 1, count: files.length })),
            ),
          );
        }
      } catch (err) {
        setError(err);
      } finally {
        setProgress(null);
        setAdded(out);
      }
      return out;
    },
    [ref.workspaceId, ref.caseId],
  );

  const pick = useCallback(async (): Promise<AttachedFile[]> => {
    setError(null);
    let out: AttachedFile[] = [];
    try {
      out = await pickAndAddFiles(ref);
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
      setAdded(out);
    }
    return out;
  }, [ref.workspaceId, ref.caseId]);

  return { progress, error, added, addFiles, pick, native: usesNativeFileDialog(), clearError: () => setError(null) };
}
