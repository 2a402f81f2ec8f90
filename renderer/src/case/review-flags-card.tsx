/**
 * The seizure detail's "Flagged for review" card (branch outside, issue 11): each open review flag
 * in words (shared/domain/review-flag-text.ts) with who raised it, and the review action
 * ("Location checked" for a point outside its seizing country), which clears the flags through
 * `seizures.markReviewed` wherever the seizure lives; the audit entry and the field's history keep them.
 */
import { useState, type ReactNode } from 'react';
import type { Seizure } from '../../../shared/domain/seizure';
import { reviewFlagSentence } from '../../../shared/domain/review-flag-text';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { formatDateTime } from '../format/dates';
import { Icon } from '../ui/icons';
import { useToast } from '../ui/toast';

/** Props of {@link ReviewFlagsCard}. */
export interface ReviewFlagsCardProps {
  seizure: Seizure;
  workspaceId: string;
  caseId: string;
  readOnly: boolean;
}

/** The open review flags of a seizure and the action that reviews them; nothing when it has none. */
export function ReviewFlagsCard(props: ReviewFlagsCardProps): ReactNode {
  const client = useClient();
  const toast = useToast();
  const [saving, setSaving] = useState(false);
  const flags = props.seizure.reviewFlags ?? [];
  if (!flags.length) return null;
  // "Location checked" only when every open flag is about the location; else the general wording.
  const outside = flags.every((f) => f.kind === 'outside-country');
  const review = (): void => {
    setSaving(true);
    client
      .call('seizures.markReviewed', { workspaceId: props.workspaceId, caseId: props.caseId, seizureId: props.seizure.id })
      .catch((err: unknown) => toast(err instanceof Error ? err.message : String(err), 'error'))
      .finally(() => setSaving(false));
  };
  return (
    <section className="review-flags" role="region" aria-label={t('ui.review.title')} data-testid="review-flags">
      <h3 className="review-flags-title">
        <Icon name="alert" size={14} /> {t('ui.review.title')}
      </h3>
      <ul>
        {flags.map((f, i) => (
          <li key={i}>
            {reviewFlagSentence(f)} <span className="muted small">({t('review.flag.raised-by', { date: formatDateTime(f.at) })})</span>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('ui.review.explain')}</p>
      {!props.readOnly ? (
        <button type="button" className="btn btn-sm" disabled={saving} onClick={review}>
          <Icon name="check" size={14} /> {saving ? t('ui.review.reviewing') : outside ? t('ui.review.location-checked') : t('ui.review.mark-reviewed')}
        </button>
      ) : null}
    </section>
  );
}
