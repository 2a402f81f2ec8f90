/**
 * Where the bundled data comes from (`app.info` → `sources`): shown with the demo workspace and
 * on the "About the data" page. URLs are shown as text with a copy button; the app never opens
 * remote pages itself.
 */
import type { ReactNode } from 'react';
import { useLiveQuery } from '../data/use-live-query';
import { CopyButton } from '../ui/copy-button';
import { ErrorPanel } from '../ui/states';
import { t } from '../../../shared/messages';

/** The list of data sources; `compact` for the demo card. */
export function DataSources(props: { compact?: boolean }): ReactNode {
  const info = useLiveQuery('app.info', {});
  if (info.error) return <ErrorPanel error={info.error} onRetry={info.reload} />;
  const sources = info.data?.sources ?? [];
  return (
    <div className={props.compact ? 'sources sources-compact' : 'sources'}>
      <p className="sources-title">{t('ui.first-run.sources-title')}</p>
      <ul>
        {sources.map((s) => (
          <li key={s.title}>
            <p className="source-name">{s.title}</p>
            <p className="source-note">{s.note}</p>
            {s.url && !props.compact ? (
              <div className="url-box">
                <span className="url-text">{s.url}</span>
                <CopyButton text={s.url} what={t('ui.first-run.source-address', { title: s.title })} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
