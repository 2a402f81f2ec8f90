// @vitest-environment happy-dom
/**
 * Cancel in the import dialog really cancels (issue 11), against a real data service: Cancel while
 * a 21,000-row file is being written asks "Stop the import?" with the rows written so far;
 * "Keep importing" dismisses it, "Stop the import" shows "Stopping…" until the service stopped,
 * then the stopped import's state asks to undo the written part or keep it — undoing leaves the
 * case as it was. Cancel before writing closes once the service answers, and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { INLINE_SEIZURES, VOLUME_SIZE } from '../../../shared/docs/volume-doc';
import { caseFixture, type CaseFixture } from '../data/render-with-client';
import { pick, renderImportDialog } from './import-dialog-harness';
import { P3_HEADER, seizureRows } from '../../../bench/p3-csv';

let f: CaseFixture;
beforeEach(async () => {
  f = await caseFixture();
});
afterEach(() => {
  cleanup();
  f.h.close();
});

const renderDialog = (): { closed: () => number } => renderImportDialog(f);

const seizureCount = async (): Promise<number> => (await f.admin.call('cases.list', { workspaceId: f.workspaceId })).find((c) => c.id === f.caseId)!.seizureCount;
const button = (name: string | RegExp) => screen.getByRole('button', { name, hidden: true });

describe('ImportDialog: Cancel while importing', () => {
  it('asks before stopping a write, says Stopping…, then offers to undo or keep what was written', async () => {
    const dialog = renderDialog();
    pick(`${P3_HEADER}\n${seizureRows(21_000)}`, 'national.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Import 21,000 seizures', hidden: true }, { timeout: 60_000 }));
    await screen.findByText(/^Writing seizures: [1-9]/, {}, { timeout: 60_000 });

    // Asked first; "Keep importing" leaves the import running.
    fireEvent.click(button('Cancel'));
    expect(screen.getByTestId('stop-import-text').textContent).toMatch(/^[\d,]+ of 21,000 rows are written\. The import stops after the part being written now\./);
    fireEvent.click(button('Keep importing'));
    expect(screen.queryByTestId('stop-import-text')).toBeNull();
    expect(dialog.closed()).toBe(0);

    fireEvent.click(button('Cancel'));
    fireEvent.click(button('Stop the import'));
    expect(screen.getByTestId('import-stopping').textContent).toBe('Stopping… the part being written now is finished first.');
    expect(button('Stopping…')).toBeTruthy();

    const stopped = await screen.findByTestId('import-stopped', {}, { timeout: 60_000 });
    const m = /^([\d,]+) seizures of 21,000 were written before the import stopped\./.exec(stopped.textContent ?? '');
    expect(m).not.toBeNull();
    const written = Number(m![1]!.replace(/,/g, ''));
    // The file's first rows (the case doc's inline run) and whole volumes: no gap, no half volume.
    expect((written - INLINE_SEIZURES) % VOLUME_SIZE).toBe(0);
    expect(written).toBeLessThan(21_000);
    expect(await seizureCount()).toBe(written);

    fireEvent.click(button(`Undo these ${written.toLocaleString('en')} seizures`));
    // Until the service answers, the button says so (it took 1.5–5 s for 11,000: tester4).
    expect((button('Undoing…') as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(dialog.closed()).toBe(1), { timeout: 30_000 });
    expect(await seizureCount()).toBe(0);
  }, 240_000);

  it('closes once the service stopped it when cancelled while checking the rows, writing nothing', async () => {
    const dialog = renderDialog();
    pick(`${P3_HEADER}\n${seizureRows(3)}`, 'small.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Import 3 seizures', hidden: true }, { timeout: 30_000 }));
    fireEvent.click(button('Cancel'));
    // Not closed on the spot: the dialog waits for the service's answer (nothing written → it closes).
    expect(screen.getByTestId('import-stopping').textContent).toBe('Stopping…');
    await waitFor(() => expect(dialog.closed()).toBe(1), { timeout: 30_000 });
    expect(screen.queryByTestId('stop-import-text')).toBeNull();
    // Stopped in the service too: nothing arrives later.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await seizureCount()).toBe(0);
  }, 60_000);
});
