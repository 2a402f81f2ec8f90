/**
 * Adding files: an "Add files" button (browser mode: the browser's file picker; Electron: main's
 * native dialog), a drop zone around the given content (browser mode), and the progress bar of
 * the intake under way (bytes sent, then hashed by the data service), with the refusal of a file
 * (too large, not allowed) shown under it.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';
import { ErrorPanel } from '../ui/states';
import { formatBytes } from './file-format';
import type { AddFiles, AddProgress } from './use-add-files';

/** The progress bar of one intake. */
export function AddProgressBar(props: { progress: AddProgress }): ReactNode {
  const p = props.progress;
  const percent = p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;
  const label = t(p.phase === 'sending' ? 'ui.files.add.sending' : 'ui.files.add.hashing', { name: p.name || '…', index: p.index, count: p.count });
  return (
    <div className="file-progress" role="status">
      <div className="file-progress-label">
        <span>{label}</span>
        <span className="muted">{t('ui.files.add.bytes', { done: formatBytes(p.done), total: formatBytes(p.total), percent })}</span>
      </div>
      <progress max={100} value={percent} aria-label={label} />
    </div>
  );
}

/** The "Add files" button (disabled while an intake runs). */
export function AddFilesButton(props: { add: AddFiles; disabled?: boolean; label?: string; className?: string }): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  const { add } = props;
  const busy = add.progress !== null;
  return (
    <>
      <button
        type="button"
        className={props.className ?? 'btn'}
        disabled={props.disabled || busy}
        onClick={() => (add.native ? void add.pick() : input.current?.click())}
      >
        <Icon name="upload" /> {props.label ?? t('ui.files.add')}
      </button>
      {add.native ? null : (
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void add.addFiles(files);
          }}
        />
      )}
    </>
  );
}

/**
 * A drop zone around `children`: files dropped on it are added (browser mode). In Electron a
 * drop opens the native dialog instead, so that main, not the page, decides which path is read.
 */
export function FileDropZone(props: { add: AddFiles; disabled?: boolean; children: ReactNode }): ReactNode {
  const [over, setOver] = useState(false);
  const { add } = props;
  const accepts = (e: DragEvent): boolean => !props.disabled && add.progress === null && [...e.dataTransfer.types].includes('Files');
  return (
    <div
      className={over ? 'file-drop file-drop-over' : 'file-drop'}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        if (!accepts(e)) return;
        e.preventDefault();
        const files = [...e.dataTransfer.files];
        if (add.native) void add.pick();
        else if (files.length) void add.addFiles(files);
      }}
    >
      {props.children}
      {over ? <div className="file-drop-hint">{t('ui.files.drop-here')}</div> : null}
      {add.progress ? <AddProgressBar progress={add.progress} /> : null}
      {add.error ? (
        <div className="file-add-error">
          <ErrorPanel error={add.error} title={t('ui.files.add-failed')} />
          <button type="button" className="btn btn-sm" onClick={add.clearError}>
            {t('ui.common.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
