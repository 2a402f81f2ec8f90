/**
 * The two-panel layout of first run: the product's promise on a dark panel at the left, the
 * current step (identity, then workspace) on the right, with a step indicator.
 */
import type { ReactNode } from 'react';
import { BrandMark } from '../shell/brand';
import { Icon, type IconName } from '../ui/icons';

const POINTS: { icon: IconName; title: string; text: string }[] = [
  { icon: 'briefcase', title: 'One case file, every agency', text: 'Police, customs, environment agencies, prosecutors and NGOs work on the same case, live.' },
  { icon: 'map', title: 'Seizures on the map', text: 'Import seizure tables, KML or GeoJSON and see routes and hotspots at once — fully offline.' },
  { icon: 'shield', title: 'Marked and controlled', text: 'Every case carries its TLP 2.0 marking; every change is attributed to its author.' },
];

/** First-run layout. `step` is 1 (identity) or 2 (workspace); null hides the steps (a returning user's home). */
export function OnboardingLayout(props: { step: 1 | 2 | null; children: ReactNode }): ReactNode {
  return (
    <div className="onboarding">
      <aside className="onboarding-aside" aria-label="About NEST Desk">
        <div className="onboarding-brand">
          <BrandMark size={36} />
          <div>
            <p className="onboarding-brand-name">NEST Desk</p>
            <p className="onboarding-brand-sub">National Environmental Security Task Force</p>
          </div>
        </div>
        <h1 className="onboarding-headline">Shared case files for transnational environmental crime.</h1>
        <ul className="onboarding-points">
          {POINTS.map((p) => (
            <li key={p.title}>
              <span className="onboarding-point-icon">
                <Icon name={p.icon} size={18} />
              </span>
              <span>
                <strong>{p.title}</strong>
                <span>{p.text}</span>
              </span>
            </li>
          ))}
        </ul>
        <p className="onboarding-foot">Your data stays on this computer until you choose to share a workspace through your task force’s relay.</p>
      </aside>
      <main className="onboarding-main" id="main">
        {props.step ? (
          <ol className="steps" aria-label="Setup steps">
            <li aria-current={props.step === 1 ? 'step' : undefined} className={props.step > 1 ? 'done' : undefined}>
              <span className="step-num">{props.step > 1 ? <Icon name="check" size={12} /> : '1'}</span> Your identity
            </li>
            <li aria-current={props.step === 2 ? 'step' : undefined}>
              <span className="step-num">2</span> Workspace
            </li>
          </ol>
        ) : null}
        {props.children}
      </main>
    </div>
  );
}
