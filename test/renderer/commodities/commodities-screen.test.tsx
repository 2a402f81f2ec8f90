// @vitest-environment happy-dom
/**
 * The commodities screen and the seizure form over a real workspace Y.Doc (WorkspaceCommodities):
 * an admin adds a commodity (written with its aliases), a curated alias is refused next to its
 * field and nothing is written, editing and removing (tombstone) work from the row buttons, a
 * non-admin sees no buttons, a colliding record is listed apart; and the seizure form suggests
 * the workspace's name and calls it "in this workspace's list" instead of "not in the list".
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CommoditiesPanel } from '../../../renderer/src/commodities/commodities-screen';
import { SeizureFormDialog } from '../../../renderer/src/case/seizure-form-dialog';
import { WorkspaceCommodities } from '../../../shared/docs/workspace-commodities';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newWorkspaceCommodityFields } from '../../../shared/domain/workspace-commodity';
import { caseFixture, withClient } from '../data/render-with-client';

afterEach(cleanup);

const W = { memberId: 'admin-1', now: () => 1_700_000_000_000 };

/** Renders the panel over `wc`, re-rendering it after every change of the doc as the screen's doc view does. */
function renderPanel(wc: WorkspaceCommodities, readOnly = false): void {
  const node = () => <CommoditiesPanel view={wc} list={wc.list()} invalid={wc.invalid()} readOnly={readOnly} writer={W} />;
  const { rerender } = render(node());
  wc.doc.on('afterTransaction', () => rerender(node()));
}

describe('CommoditiesPanel', () => {
  it('adds a commodity with its aliases, refuses a curated alias at its field, edits and removes (tombstone)', () => {
    const wc = new WorkspaceCommodities(new Y.Doc());
    renderPanel(wc);
    expect(screen.getByText('No commodities of your own yet')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add commodity' }));
    let dialog = screen.getByRole('dialog', { name: 'Add a commodity' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Dried seahorses' } });
    fireEvent.change(within(dialog).getByLabelText('Sector'), { target: { value: 'wildlife' } });
    fireEvent.change(within(dialog).getByLabelText(/CITES term code/), { target: { value: 'bod' } });
    fireEvent.change(within(dialog).getByLabelText(/Other spellings/), { target: { value: 'sea horses\n\nPangolin scale\n' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add commodity' }));
    // "Pangolin scale" is a curated alias: refused next to the field, nothing written.
    expect(within(dialog).getByText('“Pangolin scale” is already in the curated commodity list (as Pangolin scales)')).toBeTruthy();
    expect(wc.list()).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/Other spellings/), { target: { value: 'sea horses\nhippocampus, dried' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add commodity' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(wc.list().map((c) => [c.name, c.sector, c.unit, c.citesTerm, c.aliases])).toEqual([['Dried seahorses', 'wildlife', 'kg', 'BOD', ['sea horses', 'hippocampus, dried']]]);
    const table = screen.getByRole('table', { name: 'This workspace’s commodities' });
    expect(within(table).getByText('sea horses · hippocampus, dried')).toBeTruthy();
    expect(screen.getByText('1 commodity')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit commodity: Dried seahorses' }));
    dialog = screen.getByRole('dialog', { name: 'Edit commodity' });
    fireEvent.change(within(dialog).getByLabelText('Usual unit', { exact: false }), { target: { value: 'pieces' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(wc.list()[0]!.unit).toBe('pieces');

    fireEvent.click(screen.getByRole('button', { name: 'Remove commodity: Dried seahorses' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Remove this commodity?' })).getByRole('button', { name: 'Remove' }));
    expect(wc.list()).toEqual([]);
    const id = [...wc.doc.getMap<Y.Map<unknown>>('commodities').keys()][0]!;
    expect(wc.doc.getMap<Y.Map<unknown>>('commodities').get(id)!.get('deleted')).toBe(true);
    expect(screen.getByText('No commodities of your own yet')).toBeTruthy();
  });

  it('is read-only for a non-admin and lists a colliding record apart', () => {
    const a = new WorkspaceCommodities(new Y.Doc());
    const b = new WorkspaceCommodities(new Y.Doc());
    a.add('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f0001', { ...newWorkspaceCommodityFields(), name: 'Dried seahorses' }, W);
    b.add('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f0002', { ...newWorkspaceCommodityFields(), name: 'dried  seahorses' }, { memberId: 'admin-2', now: () => 1_700_000_000_900 });
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    renderPanel(a, true);
    expect(screen.queryByRole('button', { name: 'Add commodity' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit commodity/ })).toBeNull();
    expect(screen.getByText('Only workspace admins can change this list.')).toBeTruthy();
    expect(screen.getByText('1 commodity needs fixing and is not used meanwhile:')).toBeTruthy();
    expect(screen.getByText(/0190a1b2/).parentElement!.textContent).toContain('name: Its name or another spelling is also held by Dried seahorses, added earlier');
  });
});

describe('SeizureFormDialog with the workspace catalogue', () => {
  it('suggests the workspace’s names and marks one of its aliases as in the workspace’s list', async () => {
    // The form writes through the data service (seizure-writes.ts): a real one, though this test does not save.
    const fx = await caseFixture();
    const Wrapper = withClient(fx.admin, fx.identity);
    try {
    const wc = new WorkspaceCommodities(new Y.Doc());
    wc.add('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f0001', { ...newWorkspaceCommodityFields(), name: 'Dried seahorses', aliases: ['sea horses'] }, W);
    const cd = new CaseDoc(new Y.Doc());
    // The dialog writes to the case doc only on save; this test does not save.
    const props = { caseDoc: cd, workspaceId: fx.workspaceId, writer: W, seizure: null, defaultSector: 'wildlife' as const, defaultCountry: 'VN', onClose: () => undefined, onSaved: () => undefined };
    render(<Wrapper><SeizureFormDialog {...props} commodities={wc.catalogue()} /></Wrapper>);
    const options = [...document.querySelectorAll('#seizure-commodities option')].map((o) => o.getAttribute('value'));
    expect(options.at(-1)).toBe('Dried seahorses');
    const input = screen.getByLabelText('Commodity', { exact: false });
    fireEvent.change(input, { target: { value: 'Sea Horses' } });
    expect(screen.getByText('In this workspace’s commodity list')).toBeTruthy();
    fireEvent.change(input, { target: { value: 'dried geckos' } });
    expect(screen.getByText('Not in the commodity list: kept as written')).toBeTruthy();
    cleanup();
    // Without the workspace's list the same alias is "not in the list".
    render(<Wrapper><SeizureFormDialog {...props} /></Wrapper>);
    fireEvent.change(screen.getByLabelText('Commodity', { exact: false }), { target: { value: 'Sea Horses' } });
    expect(screen.getByText('Not in the commodity list: kept as written')).toBeTruthy();
    expect([...document.querySelectorAll('#seizure-commodities option')].map((o) => o.getAttribute('value'))).not.toContain('Dried seahorses');
    } finally {
      fx.h.close();
    }
  });
});
