/**
 * The overview tab: key figures, the editable case fields (each written on its own through
 * `CaseDoc.updateMeta`, validated first with the shared case schema, the message shown next to
 * the field), the shared summary, and the latest activity from the case's audit log. Each card has
 * its own error boundary, so one that cannot be drawn leaves the others usable.
 */
import { useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { caseFieldsSchema, type CaseFields, type CaseMeta } from '../../../shared/domain/case';
import { TLP_DESCRIPTIONS, type CaseStatus, type CrimeSector, type Tlp } from '../../../shared/domain/codes';
import { NestError } from '../../../shared/errors';
import { Field } from '../ui/field';
import { CountryPicker } from '../ui/country-picker';
import { SectorSelect, StatusSelect, TlpSelect } from '../ui/code-selects';
import { checkField, sentence, type FieldErrors } from '../forms/issues';
import { CaseStats } from './case-stats';
import { InlineText } from './inline-fields';
import { SummaryEditor } from './summary-editor';
import { CaseClassification } from './case-classification';
import { ActivityLog } from './activity-log';
import { LinkedCasesCard } from './linked-cases-card';
import { ErrorBoundary } from '../ui/error-boundary';
import { t } from '../../../shared/messages';
import { useSyncStatus } from '../sync/use-sync-status';
import { savedNote } from './saved-note';

const CASE_FAULT = (): string => t('ui.case.fault');

/** Props of {@link CaseOverview}. */
export interface CaseOverviewProps {
  caseDoc: CaseDoc;
  meta: CaseMeta;
  writer: Writer;
  readOnly: boolean;
  /** Changes when the summary text changed. */
  summaryVersion: number;
  /** Changes when the audit log may have grown (every write stamps meta or adds routes). */
  activityVersion: number;
  workspaceId: string;
}

/** The overview tab. */
export function CaseOverview(props: CaseOverviewProps): ReactNode {
  const { caseDoc, meta, writer, readOnly } = props;
  const sync = useSyncStatus(props.workspaceId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summaryError, setSummaryError] = useState<string | undefined>();

  /** Writes one field (and only that one); true when it was saved, false when its message is shown instead. */
  const save = <K extends keyof CaseFields>(field: K, value: CaseFields[K]): boolean => {
    const message = checkField(caseFieldsSchema.shape[field], value);
    if (message) {
      setErrors((e) => ({ ...e, [field]: message }));
      return false;
    }
    try {
      caseDoc.updateMeta({ [field]: value } as Partial<CaseFields>, writer);
      setErrors((e) => {
        const { [field]: _gone, ...rest } = e;
        return rest;
      });
      return true;
    } catch (err) {
      const msg = err instanceof NestError ? (err.issues?.find((i) => i.field === field)?.message ?? err.message) : String(err);
      // A whole-case rule names another field (closing needs a resolution): show it there too.
      const others = err instanceof NestError ? Object.fromEntries((err.issues ?? []).filter((i) => i.field !== field).map((i) => [i.field, sentence(i.message)])) : {};
      setErrors((e) => ({ ...e, ...others, [field]: sentence(msg) }));
      return false;
    }
  };

  return (
    <div className="overview">
      <ErrorBoundary title={CASE_FAULT()}><CaseStats workspaceId={props.workspaceId} caseId={meta.id} /></ErrorBoundary>
      <div className="overview-grid">
        <ErrorBoundary title={CASE_FAULT()}>
        <section className="card" aria-labelledby="details-title">
          <div className="card-header">
            <h2 id="details-title">{t('ui.case.overview.details')}</h2>
            <span className="grow" />
            <span className="muted small">{readOnly ? t('ui.case.overview.read-only') : savedNote(sync?.state ?? null)}</span>
          </div>
          <div className="card-body form-grid">
            <Field label={t('ui.case.overview.label.title')} error={errors.title} className="span-all">
              {(c) => <InlineText control={c} value={meta.title} disabled={readOnly} onCommit={(v) => save('title', v)} />}
            </Field>
            <Field label={t('ui.case.overview.label.status')} error={errors.status}>
              {(c) => <StatusSelect {...c} disabled={readOnly} value={meta.status} onChange={(e) => save('status', e.target.value as CaseStatus)} />}
            </Field>
            <Field label={t('ui.case.overview.label.sector')} error={errors.sector}>
              {(c) => <SectorSelect {...c} disabled={readOnly} value={meta.sector} onChange={(e) => save('sector', e.target.value as CrimeSector)} />}
            </Field>
            <Field label={t('ui.case.overview.label.tlp')} error={errors.tlp} hint={TLP_DESCRIPTIONS[meta.tlp]}>
              {(c) => <TlpSelect {...c} disabled={readOnly} value={meta.tlp} onChange={(e) => save('tlp', e.target.value as Tlp)} />}
            </Field>
            <Field label={t('ui.case.overview.label.openedOn')} error={errors.openedOn}>
              {(c) => <InlineText control={c} type="date" value={meta.openedOn} disabled={readOnly} onCommit={(v) => save('openedOn', v)} />}
            </Field>
            <Field label={t('ui.case.overview.label.leadAgency')} error={errors.leadAgency} className="span-all">
              {(c) => <InlineText control={c} value={meta.leadAgency} disabled={readOnly} placeholder={t('ui.case.overview.lead-agency-placeholder')} onCommit={(v) => save('leadAgency', v)} />}
            </Field>
            <Field label={t('ui.case.overview.label.jurisdictions')} error={errors.jurisdictions} className="span-all">
              {(c) => <CountryPicker control={c} value={meta.jurisdictions} disabled={readOnly} onChange={(v) => save('jurisdictions', v)} />}
            </Field>
            <CaseClassification meta={meta} readOnly={readOnly} errors={errors} workspaceId={props.workspaceId} save={save} />
          </div>
        </section>
        </ErrorBoundary>
        <div className="stack">
          <ErrorBoundary title={CASE_FAULT()}>
          <section className="card" aria-labelledby="summary-title">
            <div className="card-header">
              <h2 id="summary-title">{t('ui.case.overview.summary')}</h2>
            </div>
            <div className="card-body">
              <Field label={t('ui.case.overview.case-summary')} error={summaryError} className="summary-field">
                {(c) => <SummaryEditor control={c} caseDoc={caseDoc} writer={writer} readOnly={readOnly} version={props.summaryVersion} onError={setSummaryError} />}
              </Field>
            </div>
          </section>
          </ErrorBoundary>
          <ErrorBoundary title={CASE_FAULT()}>
            <LinkedCasesCard caseDoc={caseDoc} caseId={meta.id} workspaceId={props.workspaceId} writer={writer} readOnly={readOnly} />
          </ErrorBoundary>
          <ErrorBoundary title={CASE_FAULT()}>
            <ActivityLog caseDoc={caseDoc} version={props.activityVersion} workspaceId={props.workspaceId} />
          </ErrorBoundary>
        </div>
      </div>
    </div>
  );
}
