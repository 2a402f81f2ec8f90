/**
 * The splash shown while the app connects to its data service, and the explanation shown when
 * it cannot (e.g. a browser-mode page opened without its token).
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { BrandMark } from '../shell/brand';
import { Icon } from '../ui/icons';

/** Splash or connection failure. */
export function StartupScreen(props: { error?: string }): ReactNode {
  return (
    <div className="startup">
      <div className="startup-card">
        <BrandMark size={40} />
        <h1 className="startup-title">{t('app.name')}</h1>
        {props.error ? (
          <div className="alert" role="alert">
            <Icon name="alert" />
            <div>
              <p className="alert-title">{t('app.no-service')}</p>
              <p>{props.error}</p>
            </div>
          </div>
        ) : (
          <div className="loading">
            <span className="spinner" aria-hidden="true" />
            <span role="status">{t('app.starting')}</span>
          </div>
        )}
      </div>
    </div>
  );
}
