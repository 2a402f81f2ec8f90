/**
 * The header search with the real data service (tester F-SEARCH-1): a query longer than the search
 * methods take (200 characters) is cut to 200 instead of failing, and a query that finds nothing
 * or fails never keeps showing the previous query's hits (Enter then opened one of them).
 */
// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GlobalSearch } from '../../../renderer/src/shell/global-search';
import { caseFixture, withClient, type CaseFixture } from '../data/render-with-client';

let fx: CaseFixture;
beforeAll(async () => {
  fx = await caseFixture();
});
afterAll(() => fx.h.close());
afterEach(cleanup);

describe('GlobalSearch', () => {
  it('cuts a pasted 10,000-character query to 200 and drops the previous hits', async () => {
    const Wrapper = withClient(fx.admin, fx.identity);
    render(
      <Wrapper>
        <GlobalSearch workspaceId={fx.workspaceId} />
      </Wrapper>,
    );
    const box = screen.getByRole('combobox', { name: 'Search this workspace' }) as HTMLInputElement;
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'ivory' } });
    await waitFor(() => expect(screen.getByRole('listbox').textContent).toContain('Ivory via Singapore'));
    fireEvent.change(box, { target: { value: 'x'.repeat(10_000) } });
    expect(box.value).toHaveLength(200);
    await waitFor(() => expect(screen.queryByRole('listbox')?.textContent ?? '').not.toContain('Ivory via Singapore'));
  });

  it('finds with OR and leaves out with -word through the service, and says when a field:value was read as the value alone (F-SEARCH-2)', async () => {
    const Wrapper = withClient(fx.admin, fx.identity);
    render(
      <Wrapper>
        <GlobalSearch workspaceId={fx.workspaceId} />
      </Wrapper>,
    );
    const box = screen.getByRole('combobox', { name: 'Search this workspace' }) as HTMLInputElement;
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'zzzqx OR ivory' } });
    await waitFor(() => expect(screen.getByRole('listbox').textContent).toContain('Ivory via Singapore'));
    expect(screen.queryByTestId('search-notes')).toBeNull();
    fireEvent.change(box, { target: { value: 'ivory -singapore' } });
    await waitFor(() => expect(screen.getByText('Nothing found for “ivory -singapore”.')).toBeTruthy());
    fireEvent.change(box, { target: { value: 'title:ivory' } });
    await waitFor(() => expect(screen.getByRole('listbox').textContent).toContain('Ivory via Singapore'));
    expect(screen.getByTestId('search-notes').textContent).toBe(' “title:” is not a search field: searched for the words after it.');
  });
});
