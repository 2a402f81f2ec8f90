// @vitest-environment happy-dom
/**
 * useLiveQuery against a real data service: a query refetches when the service emits one of its
 * `refetchOn` events (matching its filter), and not on other events or other workspaces' changes.
 * useServiceEvent hears the events the service pushes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { newCaseFields } from '../../../shared/domain/case';
import type { RpcEvents } from '../../../shared/rpc/contract';
import { projectionChanged, REFETCH_DEBOUNCE_MS, useLiveQuery } from '../../../renderer/src/data/use-live-query';
import { useServiceEvent } from '../../../renderer/src/data/use-service-event';
import { caseFixture, withClient, type CaseFixture } from './render-with-client';

let f: CaseFixture | null = null;
afterEach(() => {
  f?.h.close();
  f = null;
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('useLiveQuery', () => {
  it('refetches on its event and not on others', async () => {
    f = await caseFixture();
    const { workspaceId, admin } = f;
    const other = await admin.call('workspaces.create', { name: 'Task Force Beta', casePrefix: 'BETA', reportingCurrency: 'EUR' });
    const mine = f.h.client();
    const { result } = renderHook(
      () => ({
        onProjection: useLiveQuery('cases.list', { workspaceId }, { refetchOn: [projectionChanged(workspaceId)] }),
        onOtherWorkspace: useLiveQuery('cases.list', { workspaceId }, { refetchOn: [projectionChanged(other.id)] }),
        onSyncStatus: useLiveQuery('cases.list', { workspaceId }, { refetchOn: ['sync.status'] }),
      }),
      { wrapper: withClient(mine) },
    );
    await waitFor(() => expect(result.current.onProjection.data?.length).toBe(1));
    await waitFor(() => expect(result.current.onOtherWorkspace.data?.length).toBe(1));
    await waitFor(() => expect(result.current.onSyncStatus.data?.length).toBe(1));

    await admin.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-12-01'), title: 'Rosewood logs' } });
    await waitFor(() => expect(result.current.onProjection.data?.map((c) => c.title).sort()).toEqual(['Ivory via Singapore', 'Rosewood logs']));
    // Well past the debounce: the others heard a projection.changed for this workspace and ignored it.
    await act(() => sleep(REFETCH_DEBOUNCE_MS * 4));
    expect(result.current.onOtherWorkspace.data?.length).toBe(1);
    expect(result.current.onSyncStatus.data?.length).toBe(1);
    expect(result.current.onOtherWorkspace.loading).toBe(false);

    // A change in the other workspace refreshes the query that listens for it (still this workspace's list: now 2).
    await admin.call('cases.create', { workspaceId: other.id, fields: { ...newCaseFields('2026-12-02'), title: 'Beta case' } });
    await waitFor(() => expect(result.current.onOtherWorkspace.data?.length).toBe(2));
    expect(result.current.onSyncStatus.data?.length).toBe(1);
  });

  it('reruns when its params change and skips a null params', async () => {
    f = await caseFixture();
    const { workspaceId, caseId } = f;
    const mine = f.h.client();
    const { result, rerender } = renderHook((p: { id: string | null }) => useLiveQuery('cases.get', p.id ? { workspaceId, caseId: p.id } : null), {
      wrapper: withClient(mine),
      initialProps: { id: null as string | null },
    });
    expect(result.current.loading).toBe(false);
    expect(result.current.data).toBeUndefined();
    rerender({ id: caseId });
    await waitFor(() => expect(result.current.data?.title).toBe('Ivory via Singapore'));
  });

  it('says the kept result is stale while the query for new params runs (issue 11: a map count claimed for the wrong filter)', async () => {
    f = await caseFixture();
    const { workspaceId, caseId, admin } = f;
    const other = await admin.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-12-01'), title: 'Rosewood logs' } });
    const mine = f.h.client();
    const { result, rerender } = renderHook((p: { id: string }) => useLiveQuery('cases.get', { workspaceId, caseId: p.id }, { keepPrevious: true }), {
      wrapper: withClient(mine),
      initialProps: { id: caseId },
    });
    await waitFor(() => expect(result.current.data?.title).toBe('Ivory via Singapore'));
    expect(result.current.stale).toBe(false);
    rerender({ id: other.id });
    // The previous case is still on hand, marked stale, until the new answer arrives by itself.
    expect(result.current.data?.title).toBe('Ivory via Singapore');
    expect(result.current.stale).toBe(true);
    await waitFor(() => expect(result.current.data?.title).toBe('Rosewood logs'));
    expect(result.current.stale).toBe(false);
  });
});

describe('useServiceEvent', () => {
  it('hears the events the service pushes, with their payloads', async () => {
    f = await caseFixture();
    const { workspaceId, admin } = f;
    const mine = f.h.client();
    const heard: RpcEvents['projection.changed'][] = [];
    renderHook(() => useServiceEvent('projection.changed', (p) => heard.push(p)), { wrapper: withClient(mine) });
    const c = await admin.call('cases.create', { workspaceId, fields: { ...newCaseFields('2026-12-01'), title: 'Pangolin scales' } });
    await waitFor(() => expect(heard.some((p) => p.workspaceId === workspaceId && p.caseIds.includes(c.id))).toBe(true));
  });
});
