/**
 * The published UNEP-INTERPOL estimates shown beside a case's (or the network's) figures: each
 * with its annual range, its full citation and how far it has been checked, under the disclaimer
 * that these are published estimates by others, not NEST Desk figures, and are not computed from
 * the workspace's data. Source addresses are shown as text to copy: the app never opens them.
 */
import type { ReactNode } from 'react';
import type { ContextFigureDto } from '../../../shared/rpc/valuation';
import { CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import { t } from '../../../shared/messages';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';
import './context-panel.css';

/** The context panel. */
export function ContextPanel(props: { figures: ContextFigureDto[]; disclaimer: string }): ReactNode {
  return (
    <section className="card context-panel" aria-labelledby="context-title" data-testid="context-panel">
      <div className="card-header">
        <Icon name="globe" />
        <h2 id="context-title">{t('valuation.context.title')}</h2>
        <span className="grow" />
        <span className="tag">{t('valuation.context.not-ours')}</span>
      </div>
      <div className="card-body">
        <p className="context-disclaimer">
          <Icon name="info" size={14} /> {props.disclaimer}
        </p>
        <ul className="context-list">
          {props.figures.map((f) => (
            <li key={f.id} className="context-item">
              <div className="context-head">
                <span className="context-label">
                  {f.label}
                  {f.sector ? <span className="muted"> · {CRIME_SECTOR_LABELS[f.sector]}</span> : null}
                </span>
                <span className="context-figure">{f.display}</span>
              </div>
              <p className="context-citation">{f.citation}</p>
              <div className="context-foot">
                <span className={`tag ${f.verification.status === 'verified' ? 'tag-success' : 'tag-warning'}`} title={f.verification.note}>
                  {f.verification.status === 'verified' ? t('valuation.context.checked') : t('valuation.context.to-verify')}
                </span>
                {f.url ? <CopyButton text={f.url} what={t('valuation.context.copy-address', { label: f.label })} /> : null}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
