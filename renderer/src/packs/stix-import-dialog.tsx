/**
 * "Import STIX bundle": a partner's STIX 2.1 bundle becomes a new case (docs/stix.md "What import
 * understands"). Choosing the file shows a preview first (`cases.previewStix`, nothing written):
 * the case that will be created with its TLP and record counts, and every object that will be
 * skipped with its type, id and the reason. "Create the case" then runs `cases.importStix` and
 * hands the new case to `onImported`. The file is read in the page (a File the user chose) in both
 * Electron and browser mode; nothing leaves the machine.
 */
import { useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { RpcResult } from '../../../shared/rpc/contract';
import { useClient } from '../app/services';
import { DataTable } from '../ui/data-table';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { describeError } from '../ui/states';

/** Props of {@link StixImportDialog}. */
export interface StixImportDialogProps {
  workspaceId: string;
  onClose: () => void;
  /** Called with the new case after the import (e.g. to open it). */
  onImported: (report: RpcResult<'cases.importStix'>) => void;
}

type Preview = RpcResult<'cases.previewStix'>;
type Rejected = Preview['rejected'][number];

/** The dialog, shown while mounted. */
export function StixImportDialog(props: StixImportDialogProps): ReactNode {
  const client = useClient();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);

  const choose = async (f: File | undefined): Promise<void> => {
    setPreview(null);
    setFile(null);
    setError(null);
    if (!f) return;
    setReading(f.name);
    try {
      const content = await f.text();
      setPreview(await client.call('cases.previewStix', { workspaceId: props.workspaceId, fileName: f.name, content }));
      setFile({ name: f.name, content });
    } catch (err) {
      const d = describeError(err);
      setError(`${d.title} ${d.detail}`.trim());
    } finally {
      setReading(null);
    }
  };

  const submit = async (): Promise<unknown> => {
    if (!file) return false;
    const report = await client.call('cases.importStix', { workspaceId: props.workspaceId, fileName: file.name, content: file.content });
    props.onImported(report);
    return report;
  };

  return (
    <FormDialog
      title={t('ui.stix.import.title')}
      onClose={props.onClose}
      size="wide"
      className="stix-import-dialog"
      submitLabel={t('ui.stix.import.submit')}
      submitIcon="upload"
      submitDisabled={!preview}
      onSubmit={submit}
    >
      <p>{t('ui.stix.import.intro')}</p>
      <Field label={t('ui.stix.import.file')} error={error ?? undefined} hint={reading ? t('ui.stix.import.reading', { fileName: reading }) : undefined}>
        {(a) => <input {...a} type="file" accept=".json,application/json,application/stix+json" data-testid="stix-import-input" onChange={(e) => void choose(e.target.files?.[0])} />}
      </Field>
      {preview && file ? (
        <div className="stix-preview" data-testid="stix-preview">
          <p className="stix-will-create">
            {t('ui.stix.import.will-create', { fileName: file.name, title: preview.title, tlp: preview.tlp, seizures: preview.seizures, entities: preview.entities, links: preview.links })}
          </p>
          <p>{t('ui.stix.import.skipped', { count: preview.rejected.length })}</p>
          {preview.rejected.length ? (
            <DataTable<Rejected>
              label={t('ui.stix.import.skipped', { count: preview.rejected.length })}
              className="stix-skipped"
              rows={preview.rejected}
              rowKey={(r, i) => `${r.id}#${i}`}
              columns={[
                { id: 'type', header: t('ui.stix.import.col.type'), cell: (r) => r.type, className: 'col-nowrap' },
                { id: 'id', header: t('ui.stix.import.col.id'), cell: (r) => r.id, className: 'mono' },
                { id: 'reason', header: t('ui.stix.import.col.reason'), cell: (r) => r.reason },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </FormDialog>
  );
}
