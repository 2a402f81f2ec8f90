/**
 * Creating or editing an exhibit in a FormDialog: description, type, linked seizure (searched over
 * the whole case, volumes included, with the seizure picker), linked files
 * (ticked from the case's files, or added here by picker or drop — a file added here is ticked),
 * seal number, storage location, current holder and status. Checked with the shared exhibit
 * schema before anything is written; `CaseExhibits` validates again, attributes and audits.
 */
import { useState, type ReactNode } from 'react';
import type { CaseExhibits } from '../../../shared/docs/case-exhibits';
import type { Writer } from '../../../shared/docs/records';
import type { AttachedFile } from '../../../shared/domain/attached-file';
import { EXHIBIT_STATUSES, EXHIBIT_TYPES, exhibitFieldsSchema, newExhibitFields, type Exhibit, type ExhibitFields } from '../../../shared/domain/exhibit';
import { t } from '../../../shared/messages';
import { SeizurePicker } from '../case/seizure-picker';
import { AddFilesButton, FileDropZone } from '../files/add-files';
import type { CaseRef } from '../files/file-bytes';
import { formatBytes } from '../files/file-format';
import { useAddFiles } from '../files/use-add-files';
import { issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { exhibitStatusLabel, exhibitTypeLabel } from './exhibit-labels';

/** Props of {@link ExhibitFormDialog}. */
export interface ExhibitFormDialogProps {
  exhibits: CaseExhibits;
  writer: Writer;
  caseRef: CaseRef;
  /** The exhibit edited; null to create one. */
  exhibit: Exhibit | null;
  /** Its reference when edited ("NEST-2026-0001/EX-003"). */
  reference?: string;
  /** The case's number, shown on the seizure picker's options. */
  caseNumber: string;
  /** The case's live files. */
  files: readonly AttachedFile[];
  onClose: () => void;
}

function fieldsOf(e: Exhibit): ExhibitFields {
  const { description, type, seizureId, fileIds, sealNumber, storageLocation, currentHolder, status } = e;
  return { description, type, seizureId, fileIds, sealNumber, storageLocation, currentHolder, status };
}

/** The exhibit form. */
export function ExhibitFormDialog(props: ExhibitFormDialogProps): ReactNode {
  const { exhibit } = props;
  const [f, setF] = useState<ExhibitFields>(() => (exhibit ? fieldsOf(exhibit) : newExhibitFields()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [addedHere, setAddedHere] = useState<AttachedFile[]>([]);
  const set = <K extends keyof ExhibitFields>(k: K, v: ExhibitFields[K]): void => setF((x) => ({ ...x, [k]: v }));
  const base = useAddFiles(props.caseRef);
  // Files added from this dialog are ticked at once (the list below shows them before the doc round-trip).
  const adding = {
    ...base,
    addFiles: async (files: readonly File[]) => tick(await base.addFiles(files)),
    pick: async () => tick(await base.pick()),
  };
  function tick(files: AttachedFile[]): AttachedFile[] {
    setAddedHere((x) => [...x, ...files.filter((n) => !x.some((o) => o.id === n.id))]);
    setF((x) => ({ ...x, fileIds: [...x.fileIds, ...files.map((n) => n.id).filter((id) => !x.fileIds.includes(id))] }));
    return files;
  }
  const files = [...props.files, ...addedHere.filter((a) => !props.files.some((p) => p.id === a.id))];

  const submit = (): boolean => {
    const r = exhibitFieldsSchema.safeParse(f);
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return false;
    }
    if (exhibit) props.exhibits.update(exhibit.id, r.data, props.writer);
    else props.exhibits.add(crypto.randomUUID(), r.data, props.writer);
    props.onClose();
    return true;
  };
  const title = exhibit ? t('ui.exhibits.edit-title', { reference: props.reference ?? '' }) : t('ui.exhibits.add');
  return (
    <FormDialog
      title={title}
      description={exhibit ? undefined : t('ui.exhibits.add-description')}
      size="wide"
      className="exhibit-dialog"
      submitLabel={exhibit ? t('ui.exhibits.save') : t('ui.exhibits.add')}
      submitIcon="check"
      submitDisabled={base.progress !== null}
      onClose={props.onClose}
      onSubmit={submit}
      onIssues={(i) => setErrors(issueFieldErrors(i))}
      formClassName="dialog-body form-grid"
    >
      <Field label={t('ui.exhibits.col.description')} error={errors.description} className="span-all">
        {(c) => <input {...c} className="input" value={f.description} onChange={(e) => set('description', e.target.value)} />}
      </Field>
      <Field label={t('ui.exhibits.col.type')} error={errors.type}>
        {(c) => (
          <select {...c} className="select" value={f.type} onChange={(e) => set('type', e.target.value as ExhibitFields['type'])}>
            {EXHIBIT_TYPES.map((x) => (
              <option key={x} value={x}>
                {exhibitTypeLabel(x)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('ui.exhibits.col.status')} error={errors.status}>
        {(c) => (
          <select {...c} className="select" value={f.status} onChange={(e) => set('status', e.target.value as ExhibitFields['status'])}>
            {EXHIBIT_STATUSES.map((x) => (
              <option key={x} value={x}>
                {exhibitStatusLabel(x)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('ui.exhibits.col.seizure')} error={errors.seizureId} optional className="span-all">
        {(c) => (
          <SeizurePicker
            control={c}
            workspaceId={props.caseRef.workspaceId}
            caseId={props.caseRef.caseId}
            caseNumber={props.caseNumber}
            value={f.seizureId}
            noneLabel={t('ui.exhibits.no-seizure')}
            onChange={(id) => set('seizureId', id)}
          />
        )}
      </Field>
      <Field label={t('ui.exhibits.col.seal')} error={errors.sealNumber} optional>
        {(c) => <input {...c} className="input mono" value={f.sealNumber} onChange={(e) => set('sealNumber', e.target.value)} />}
      </Field>
      <Field label={t('ui.exhibits.col.holder')} error={errors.currentHolder} optional>
        {(c) => <input {...c} className="input" value={f.currentHolder} onChange={(e) => set('currentHolder', e.target.value)} />}
      </Field>
      <Field label={t('ui.exhibits.col.storage')} error={errors.storageLocation} optional className="span-all">
        {(c) => <input {...c} className="input" value={f.storageLocation} onChange={(e) => set('storageLocation', e.target.value)} />}
      </Field>
      <fieldset className="span-all exhibit-files" aria-invalid={Boolean(errors.fileIds)}>
        <legend className="field-label">{t('ui.exhibits.col.files')}</legend>
        <FileDropZone add={adding}>
          {files.length ? (
            <ul className="exhibit-file-list">
              {files.map((file) => (
                <li key={file.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={f.fileIds.includes(file.id)}
                      onChange={(e) => set('fileIds', e.target.checked ? [...f.fileIds, file.id] : f.fileIds.filter((id) => id !== file.id))}
                    />{' '}
                    <span className="file-name-text" title={file.name}>
                      {file.name}
                    </span>{' '}
                    <span className="muted small">{t('ui.exhibits.file-facts', { type: file.mediaType, size: formatBytes(file.size) })}</span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t('ui.exhibits.no-files')}</p>
          )}
          <AddFilesButton add={adding} className="btn btn-sm" />
        </FileDropZone>
        {errors.fileIds ? <p className="field-error">{errors.fileIds}</p> : null}
      </fieldset>
    </FormDialog>
  );
}
