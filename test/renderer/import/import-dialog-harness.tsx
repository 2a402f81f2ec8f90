/**
 * What the import dialog's tests share: picking a file in its file input, and rendering the
 * dialog for a case fixture (with a toast provider, as the app has) counting its closes.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { ImportDialog } from '../../../renderer/src/import/import-dialog';
import { ToastProvider } from '../../../renderer/src/ui/toast';
import { withClient, type CaseFixture } from '../data/render-with-client';

/** Picks a file named `name` holding `text` in the dialog's file input. */
export function pick(text: string, name: string): void {
  const input = screen.getByTestId('import-file');
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'text/csv' })], configurable: true });
  fireEvent.change(input);
}

/** Renders the import dialog into case `f` (number NEST-2026-0001) as its admin; `closed()` counts the onClose calls. */
export function renderImportDialog(f: CaseFixture): { closed: () => number } {
  let closed = 0;
  const Wrapper = withClient(f.admin, f.identity);
  render(
    <Wrapper>
      <ToastProvider>
        <ImportDialog workspaceId={f.workspaceId} caseId={f.caseId} caseNumber="NEST-2026-0001" onClose={() => closed++} />
      </ToastProvider>
    </Wrapper>,
  );
  return { closed: () => closed };
}
