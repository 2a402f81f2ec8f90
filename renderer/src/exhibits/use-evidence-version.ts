/**
 * A counter bumped after every transaction of a case doc replica that touched its exhibits,
 * custody log or files, so the exhibits tab re-renders on local and remote changes alike.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

const ROOTS = ['exhibits', 'custody', 'files'];

/** The evidence version of `doc` (0 at first). */
export function useEvidenceVersion(doc: Y.Doc): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const types = ROOTS.map((r) => doc.share.get(r)).filter((t) => t !== undefined);
    // `changed` holds the types written to; `changedParentTypes` every ancestor of a changed type (the roots included).
    const onTx = (tr: Y.Transaction): void => {
      if (types.some((t) => tr.changed.has(t) || tr.changedParentTypes.has(t as never))) setVersion((v) => v + 1);
    };
    doc.on('afterTransaction', onTx);
    return () => doc.off('afterTransaction', onTx);
  }, [doc]);
  return version;
}
