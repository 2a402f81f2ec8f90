// @vitest-environment happy-dom
/**
 * useDocView against a real data service: the view re-renders when another client (another
 * window) changes the doc, and the replica is released (destroyed) on unmount.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { useDocView } from '../../../renderer/src/data/use-doc-view';
import { caseFixture, withClient, type CaseFixture } from './render-with-client';

let f: CaseFixture | null = null;
afterEach(() => {
  f?.h.close();
  f = null;
});

describe('useDocView', () => {
  it('re-renders on a remote change and releases the replica on unmount', async () => {
    f = await caseFixture();
    const { docName, identity } = f;
    const mine = f.h.client();
    // The title as read during the render: the view itself reads the live doc, so only this proves a re-render.
    const { result: rendered, unmount } = renderHook(
      () => {
        const dv = useDocView(docName, CaseDoc);
        return { dv, title: dv?.synced ? dv.view.readMeta().title : null };
      },
      { wrapper: withClient(mine) },
    );
    await waitFor(() => expect(rendered.current.title).toBe('Ivory via Singapore'));
    const before = rendered.current.dv!.version;

    // Another window edits the case: the change travels through the service to our replica.
    const other = f.h.client().openDoc(docName);
    await other.whenSynced();
    new CaseDoc(other.doc).updateMeta({ title: 'Ivory via Port Klang' }, { memberId: identity.memberId });
    await waitFor(() => expect(rendered.current.title).toBe('Ivory via Port Klang'));
    expect(rendered.current.dv!.version).toBeGreaterThan(before);

    const doc = rendered.current.dv!.replica.doc;
    expect(doc.isDestroyed).toBe(false);
    unmount();
    expect(doc.isDestroyed).toBe(true);
  });

  it('shares one replica between two views of the same doc and keeps it until the last one goes', async () => {
    f = await caseFixture();
    const { docName } = f;
    const mine = f.h.client();
    const a = renderHook(() => useDocView(docName, CaseDoc), { wrapper: withClient(mine) });
    const b = renderHook(() => useDocView(docName, CaseDoc), { wrapper: withClient(mine) });
    await waitFor(() => expect(a.result.current?.synced && b.result.current?.synced).toBe(true));
    const doc = a.result.current!.replica.doc;
    expect(b.result.current!.replica.doc).toBe(doc);
    a.unmount();
    expect(doc.isDestroyed).toBe(false);
    b.unmount();
    expect(doc.isDestroyed).toBe(true);
  });

  it('opens nothing for a null doc name', async () => {
    f = await caseFixture();
    const { result } = renderHook(() => useDocView(null, CaseDoc), { wrapper: withClient(f.h.client()) });
    expect(result.current).toBeNull();
  });
});
