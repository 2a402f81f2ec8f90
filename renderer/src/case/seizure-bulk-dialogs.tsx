/**
 * The dialogs of the seizure table's bulk actions (issue 11, item 3): set one field on the chosen
 * seizures (written in one transaction, each change audited, CaseDoc.updateSeizures), and move
 * them to another case the member may edit (`seizures.move`: copied there with their source
 * noted, marked deleted here).
 */
import { useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { SeizureFields } from '../../../shared/domain/seizure';
import type { CitesAppendix, CrimeSector, DatePrecision, LocationPrecision } from '../../../shared/domain/codes';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { updateSeizures } from './seizure-writes';
import { bulkParamsOf, type BulkTarget } from './seizure-selection';
import { useLiveQuery, projectionChanged } from '../data/use-live-query';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { CitesSelect, DatePrecisionSelect, LocationPrecisionSelect, SectorSelect } from '../ui/code-selects';
import { countryOptions } from '../ui/country-picker';
import { useToast } from '../ui/toast';
import type { MessageId } from '../../../shared/messages';

/** The fields a bulk "set a field" may write: those that are the same for a batch of seizures. */
const BULK_FIELDS = ['sector', 'country', 'datePrecision', 'locationPrecision', 'citesAppendix', 'operation', 'sourceTitle'] as const;
type BulkField = (typeof BULK_FIELDS)[number];

const label = (f: BulkField): string => t(`ui.case.form.label.${f}` as MessageId);

/** Props of {@link BulkSetDialog}. */
export interface BulkSetDialogProps {
  caseDoc: CaseDoc;
  writer: Writer;
  workspaceId: string;
  /** The chosen seizures: ids, or every shown seizure (seizure-selection.ts). */
  target: BulkTarget;
  /** How many `target` holds. */
  count: number;
  onDone: () => void;
  onClose: () => void;
}

/** Sets one field on the chosen seizures. */
export function BulkSetDialog(props: BulkSetDialogProps): ReactNode {
  const toast = useToast();
  const client = useClient();
  const [field, setField] = useState<BulkField>('sector');
  const [value, setValue] = useState<Partial<SeizureFields>>({ sector: 'wildlife' });
  const choose = (f: BulkField): void => {
    setField(f);
    setValue(
      f === 'sector' ? { sector: 'wildlife' } : f === 'datePrecision' ? { datePrecision: 'day' } : f === 'locationPrecision' ? { locationPrecision: 'exact' } : f === 'citesAppendix' ? { citesAppendix: null } : { [f]: '' },
    );
  };
  const control = (c: { id: string }): ReactNode => {
    switch (field) {
      case 'sector':
        return <SectorSelect {...c} value={value.sector} onChange={(e) => setValue({ sector: e.target.value as CrimeSector })} />;
      case 'datePrecision':
        return <DatePrecisionSelect {...c} value={value.datePrecision} onChange={(e) => setValue({ datePrecision: e.target.value as DatePrecision })} />;
      case 'locationPrecision':
        return <LocationPrecisionSelect {...c} value={value.locationPrecision ?? 'exact'} onChange={(e) => setValue({ locationPrecision: e.target.value as LocationPrecision })} />;
      case 'citesAppendix':
        return <CitesSelect {...c} value={value.citesAppendix ?? ''} onChange={(e) => setValue({ citesAppendix: (e.target.value || null) as CitesAppendix | null })} />;
      case 'country':
        return (
          <select {...c} className="select" value={value.country ?? ''} onChange={(e) => setValue({ country: e.target.value })}>
            <option value="">{t('ui.case.form.choose-country')}</option>
            {countryOptions().map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        );
      default:
        return <input {...c} className="input" value={String(value[field] ?? '')} onChange={(e) => setValue({ [field]: e.target.value })} />;
    }
  };
  return (
    <FormDialog
      title={t('ui.seizures.bulk-set-title', { count: props.count })}
      onClose={props.onClose}
      submitLabel={t('ui.seizures.bulk-set-submit')}
      onSubmit={async () => {
        // Seizures in a volume doc are written by the data service (seizure-writes.ts).
        const changed = await updateSeizures({ caseDoc: props.caseDoc, writer: props.writer, client, workspaceId: props.workspaceId }, props.target, value);
        toast(changed.length ? t('ui.seizures.bulk-set-done', { field: label(field), count: changed.length }) : t('ui.seizures.bulk-set-unchanged'));
        props.onDone();
      }}
    >
      <Field label={t('ui.seizures.bulk-set-field')}>
        {(c) => (
          <select {...c} className="select" value={field} onChange={(e) => choose(e.target.value as BulkField)}>
            {BULK_FIELDS.map((f) => (
              <option key={f} value={f}>
                {label(f)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('ui.seizures.bulk-set-value')}>{control}</Field>
    </FormDialog>
  );
}

/** Props of {@link BulkMoveDialog}. */
export interface BulkMoveDialogProps {
  workspaceId: string;
  caseId: string;
  /** The chosen seizures: ids, or every shown seizure (seizure-selection.ts). */
  target: BulkTarget;
  /** How many `target` holds. */
  count: number;
  onDone: () => void;
  onClose: () => void;
  /** Hears true when the move is asked, false when it failed (the table marks the chosen rows "Moving…" meanwhile). */
  onMoving?: (on: boolean) => void;
}

/** Moves the chosen seizures to another case of the workspace. */
export function BulkMoveDialog(props: BulkMoveDialogProps): ReactNode {
  const client = useClient();
  const toast = useToast();
  const cases = useLiveQuery('cases.list', { workspaceId: props.workspaceId }, { refetchOn: [projectionChanged(props.workspaceId)] });
  const others = (cases.data ?? []).filter((k) => k.id !== props.caseId);
  const [target, setTarget] = useState('');
  const chosen = target || others[0]?.id || '';
  return (
    <FormDialog
      title={t('ui.seizures.bulk-move-title', { count: props.count })}
      description={t('ui.seizures.bulk-move-text')}
      onClose={props.onClose}
      submitLabel={t('ui.seizures.bulk-move-submit')}
      submitDisabled={!chosen}
      onSubmit={async () => {
        props.onMoving?.(true);
        let r: Awaited<ReturnType<typeof client.call<'seizures.move'>>>;
        try {
          r = await client.call('seizures.move', { workspaceId: props.workspaceId, caseId: props.caseId, toCaseId: chosen, ...bulkParamsOf(props.target) });
        } catch (err) {
          props.onMoving?.(false);
          throw err;
        }
        toast(t('ui.seizures.bulk-moved', { count: r.moved, number: r.toCaseNumber }));
        props.onDone();
      }}
    >
      {others.length ? (
        <Field label={t('ui.seizures.bulk-move-case')}>
          {(c) => (
            <select {...c} className="select" value={chosen} onChange={(e) => setTarget(e.target.value)}>
              {others.map((k) => (
                <option key={k.id} value={k.id}>
                  {t('ui.seizures.case-option', { number: k.number, title: k.title })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className="muted">{t('ui.seizures.bulk-move-none')}</p>
      )}
    </FormDialog>
  );
}
