// @vitest-environment happy-dom
/**
 * The Files list against a real data service: a file added by the service appears with its type,
 * size, author and short hash; a removed one stays listed, struck through, with who removed it;
 * "Verify files" reports the intact file in its result dialog. Also the size and thumbnail
 * arithmetic the list uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FilesPanel } from '../../../renderer/src/files/files-panel';
import { formatBytes, shortHash } from '../../../renderer/src/files/file-format';
import { thumbSize } from '../../../renderer/src/files/use-file-url';
import { CaseFiles } from '../../../shared/docs/case-files';
import { t } from '../../../shared/messages';
import { tempDir } from '../../helpers/temp-dir';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let f: CaseFixture | null = null;
afterEach(() => {
  f?.h.close();
  f = null;
});

describe('FilesPanel', () => {
  it('lists live and removed files and verifies them', async () => {
    f = await caseFixture();
    const { admin, identity, workspaceId, caseId, docName } = f;
    const dir = tempDir();
    const report = path.join(dir, 'lab-report.pdf');
    const note = path.join(dir, 'old-note.txt');
    fs.writeFileSync(report, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2500, 65)]));
    fs.writeFileSync(note, 'superseded');
    // Electron main adds files by path (its dialog chose them); a window's session may not.
    const main = f.h.mainClient();
    const a = await main.call('files.addFromPath', { workspaceId, caseId, path: report });
    const b = await main.call('files.addFromPath', { workspaceId, caseId, path: note });
    const replica = admin.openDoc(docName);
    await replica.whenSynced();
    act(() => new CaseFiles(replica.doc).remove(b.id, { memberId: identity.memberId }));
    render(<FilesPanel caseRef={{ workspaceId, caseId }} doc={replica.doc} version={1} writer={{ memberId: identity.memberId }} readOnly={false} names={(id) => (id === identity.memberId ? 'Ana Lima' : '?')} />, { wrapper: withClient(admin, identity) });

    const live = document.querySelector('tr[data-file="lab-report.pdf"]')!;
    expect(live.textContent).toContain('application/pdf');
    // The name cell is cut with an ellipsis by CSS (F-UI-2); the whole name is its tooltip.
    const name = live.querySelector('.file-name-text')!;
    expect([name.textContent, name.getAttribute('title')]).toEqual(['lab-report.pdf', 'lab-report.pdf']);
    expect(live.textContent).toContain(formatBytes(a.size));
    expect(live.textContent).toContain('Ana Lima');
    expect(live.textContent).toContain(shortHash(a.hash));
    expect(live.className).not.toContain('file-row-deleted');
    const removed = document.querySelector('tr[data-file="old-note.txt"]')!;
    expect(removed.className).toContain('file-row-deleted');
    expect(removed.textContent).toContain('Removed by Ana Lima');
    expect(screen.getByText(t('ui.files.count', { count: 1 }))).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: t('ui.files.verify') }));
    const dialog = await screen.findByRole('dialog', { name: t('ui.files.verify.title') });
    await waitFor(() => expect(dialog.textContent).toContain(t('ui.files.verify-result', { ok: 1, changed: 0, missing: 0 })));
    replica.release();
  });
});

describe('file list arithmetic', () => {
  it('writes sizes in powers of 1000 and keeps 12 hash digits', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(23_800)).toMatch(/^23\.8\skB/);
    expect(formatBytes(2 * 1024 ** 3)).toMatch(/^2\.1\sGB/);
    expect(shortHash('7d416e0477e76cc4866b8b0f')).toBe('7d416e0477e7');
  });

  it('scales thumbnails down to 96 px on the long side, never up', () => {
    expect(thumbSize(480, 320)).toEqual({ width: 96, height: 64 });
    expect(thumbSize(300, 1200)).toEqual({ width: 24, height: 96 });
    expect(thumbSize(40, 30)).toEqual({ width: 40, height: 30 });
  });
});
