/**
 * The overview's "Linked cases" card (issue 12 item 7) with the real data service: the dialog
 * offers the workspace's other cases (not the case itself), links one with a relation and a reason,
 * the card shows it with the case's number and title as a link, and "Remove link" marks it removed
 * after a confirmation. A link to a case the member is not given shows as "A case you cannot open".
 */
// @vitest-environment happy-dom
import * as Y from 'yjs';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseLinkedCases } from '../../../shared/docs/case-linked-cases';
import { newCaseFields } from '../../../shared/domain/case';
import { LinkedCasesCard } from '../../../renderer/src/case/linked-cases-card';
import { ToastProvider } from '../../../renderer/src/ui/toast';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let fx: CaseFixture;
let second: { id: string; number: string; docName: string };
beforeAll(async () => {
  fx = await caseFixture();
  const c = await fx.admin.call('cases.create', { workspaceId: fx.workspaceId, fields: { ...newCaseFields('2026-11-30'), title: 'Pangolin scales via Lagos' } });
  second = { id: c.id, number: c.number, docName: c.docName };
});
afterAll(() => fx.h.close());
afterEach(cleanup);

const writer = { memberId: 'ada', now: () => 1_780_000_000_000 };

function card(cd: CaseDoc, readOnly = false): void {
  const Wrapper = withClient(fx.admin, fx.identity);
  const node = (): ReactNode => (
    <Wrapper>
      <ToastProvider>
        <LinkedCasesCard caseDoc={cd} caseId={fx.caseId} workspaceId={fx.workspaceId} writer={writer} readOnly={readOnly} />
      </ToastProvider>
    </Wrapper>
  );
  render(node());
}

function ownCase(): CaseDoc {
  const cd = new CaseDoc(new Y.Doc());
  cd.init(fx.caseId, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Ivory via Singapore' }, writer);
  return cd;
}

describe('LinkedCasesCard', () => {
  it('links another case with a relation and a reason, shows it, and removes it after a confirmation', async () => {
    const cd = ownCase();
    card(cd);
    const region = screen.getByRole('region', { name: 'Linked cases' });
    expect(region.textContent).toContain('This case is not linked to another case.');
    fireEvent.click(within(region).getByRole('button', { name: 'Link a case' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link another case' });
    const caseSelect = within(dialog).getByLabelText('Case') as HTMLSelectElement;
    await waitFor(() => expect([...caseSelect.options].map((o) => o.textContent)).toEqual([`${second.number} · Pangolin scales via Lagos`]));
    fireEvent.change(within(dialog).getByLabelText('Relation'), { target: { value: 'same-suspects' } });
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Same two couriers, Lagos and Singapore' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Link case' }));
    await waitFor(() => expect(new CaseLinkedCases(cd.doc).list()).toHaveLength(1));
    expect(new CaseLinkedCases(cd.doc).list()[0]).toMatchObject({ caseId: second.id, relation: 'same-suspects', reason: 'Same two couriers, Lagos and Singapore', createdBy: 'ada' });
    const link = await within(region).findByRole('link', { name: `${second.number} · Pangolin scales via Lagos` });
    expect(link.getAttribute('href')).toContain(second.id);
    expect(region.textContent).toContain('Same suspects');
    expect(region.textContent).toContain('1 case');

    fireEvent.click(within(region).getByRole('button', { name: 'Remove the link “Same two couriers, Lagos and Singapore”' }));
    const confirm = await screen.findByRole('dialog', { name: 'Remove this link?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove link' }));
    await waitFor(() => expect(new CaseLinkedCases(cd.doc).list()).toEqual([]));
    expect(new CaseDoc(cd.doc).readAudit().map((a) => a.action).filter((a) => a.startsWith('caseLink'))).toEqual(['caseLink.add', 'caseLink.delete']);
  });

  it('names a case the member is not given as one they cannot open, and offers no editing when read-only', async () => {
    const cd = ownCase();
    new CaseLinkedCases(cd.doc).add(crypto.randomUUID(), fx.caseId, { caseId: '99999999-9999-4999-8999-999999999999', relation: 'parallel', reason: 'Interpol notice 2026/114' }, writer);
    card(cd, true);
    const region = screen.getByRole('region', { name: 'Linked cases' });
    await waitFor(() => expect(region.textContent).toContain('A case you cannot open'));
    expect(region.textContent).toContain('Parallel investigation');
    expect(region.textContent).toContain('Interpol notice 2026/114');
    expect(within(region).queryByRole('button', { name: 'Link a case' })).toBeNull();
    expect(within(region).queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('does not say "not linked" when other cases link to this one, and lists them', async () => {
    const other = fx.admin.openDoc(second.docName);
    await other.whenSynced();
    new CaseLinkedCases(other.doc).add(crypto.randomUUID(), second.id, { caseId: fx.caseId, relation: 'same-network', reason: 'The same Lagos broker' }, writer);
    try {
      const cd = ownCase();
      card(cd);
      const region = screen.getByRole('region', { name: 'Linked cases' });
      await waitFor(() => expect(within(screen.getByTestId('linked-from')).getByText('The same Lagos broker')).toBeTruthy());
      expect(region.textContent).toContain('This case has not linked another case itself; the cases that link to it are listed below.');
      expect(region.textContent).not.toContain('This case is not linked to another case.');
    } finally {
      other.release();
    }
  });

  it('refuses a reason holding an invisible direction override (what is shown must be what is stored)', () => {
    const cd = ownCase();
    const links = new CaseLinkedCases(cd.doc);
    const add = (reason: string): unknown => links.add(crypto.randomUUID(), fx.caseId, { caseId: second.id, relation: 'other', reason }, writer);
    for (const c of ['\u202E', '\u202A', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(() => add(`Invoice ${c}fdp.exe`)).toThrow(/reorders how the text is shown/);
    }
    expect(links.list()).toEqual([]);
    // Arabic with its implicit right-to-left mark is a normal reason.
    add('نفس الوسيط في لاغوس \u200F(same broker)');
    expect(links.list().map((l) => l.reason)).toEqual(['نفس الوسيط في لاغوس \u200F(same broker)']);
  });
});
