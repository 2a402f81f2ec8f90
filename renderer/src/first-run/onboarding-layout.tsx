/**
 * The two-panel layout of first run: the product's promise on a dark panel at the left, the
 * current step (identity, then workspace) on the right, with a step indicator.
 */
import type { ReactNode } from 'react';
import { BrandMark } from '../shell/brand';
import { Icon, type IconName } from '../ui/icons';
import { t, type MessageId } from '../../../shared/messages';

const POINTS: { icon: IconName; title: MessageId; text: MessageId }[] = [
  { icon: 'briefcase', title: 'ui.first-run.point-agencies-title', text: 'ui.first-run.point-agencies-text' },
  { icon: 'map', title: 'ui.first-run.point-map-title', text: 'ui.first-run.point-map-text' },
  { icon: 'shield', title: 'ui.first-run.point-marking-title', text: 'ui.first-run.point-marking-text' },
];

/** First-run layout. `step` is 1 (identity) or 2 (workspace); null hides the steps (a returning user's home). */
export function OnboardingLayout(props: { step: 1 | 2 | null; children: ReactNode }): ReactNode {
  return (
    <div className="onboarding">
      <aside className="onboarding-aside" aria-label={t('ui.first-run.about-aside')}>
        <div className="onboarding-brand">
          <BrandMark size={36} />
          <div>
            <p className="onboarding-brand-name">{t('ui.shell.product-name')}</p>
            <p className="onboarding-brand-sub">{t('ui.first-run.brand-sub')}</p>
          </div>
        </div>
        <h1 className="onboarding-headline">{t('ui.first-run.headline')}</h1>
        <ul className="onboarding-points">
          {POINTS.map((p) => (
            <li key={p.title}>
              <span className="onboarding-point-icon">
                <Icon name={p.icon} size={18} />
              </span>
              <span>
                <strong>{t(p.title)}</strong>
                <span>{t(p.text)}</span>
              </span>
            </li>
          ))}
        </ul>
        <p className="onboarding-foot">{t('ui.first-run.foot')}</p>
      </aside>
      <main className="onboarding-main" id="main">
        {props.step ? (
          <ol className="steps" aria-label={t('ui.first-run.setup-steps')}>
            <li aria-current={props.step === 1 ? 'step' : undefined} className={props.step > 1 ? 'done' : undefined}>
              <span className="step-num">{props.step > 1 ? <Icon name="check" size={12} /> : '1'}</span> {t('ui.first-run.step-identity')}
            </li>
            <li aria-current={props.step === 2 ? 'step' : undefined}>
              <span className="step-num">2</span> {t('ui.first-run.step-workspace')}
            </li>
          </ol>
        ) : null}
        {props.children}
      </main>
    </div>
  );
}
