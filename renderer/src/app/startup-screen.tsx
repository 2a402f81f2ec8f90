/**
 * The splash shown while the app connects to its data service, and the explanation shown when
 * it cannot (e.g. a browser-mode page opened without its token).
 */
import type { ReactNode } from 'react';
import { BrandMark } from '../shell/brand';
import { Icon } from '../ui/icons';

/** Splash or connection failure. */
export function StartupScreen(props: { error?: string }): ReactNode {
  return (
    <div className="startup">
      <div className="startup-card">
        <BrandMark size={40} />
        <h1 className="startup-title">NEST Desk</h1>
        {props.error ? (
          <div className="alert" role="alert">
            <Icon name="alert" />
            <div>
              <p className="alert-title">NEST Desk could not reach its data service.</p>
              <p>{props.error}</p>
            </div>
          </div>
        ) : (
          <div className="loading">
            <span className="spinner" aria-hidden="true" />
            <span role="status">Starting the local data service…</span>
          </div>
        )}
      </div>
    </div>
  );
}
