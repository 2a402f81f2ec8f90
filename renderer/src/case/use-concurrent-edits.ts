/**
 * The concurrent-edit notices of a case's seizure fields for the member at this desktop: it keeps
 * what the member wrote (and is typing) per field, hears every audit entry the case doc gains
 * (`CaseDoc.observeAudit`, local or from the relay) and turns a colleague's competing change into
 * a notice (concurrent-edits.ts), also for a seizure held in a volume doc (its audit entries are in
 * the case doc). "Keep mine" / "Keep theirs" restore the chosen value as a new, attributed change
 * where the seizure lives (seizure-inline-field.tsx through seizure-writes.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { applyAuditEntries, fieldKey, type EditNotice, type MyValue } from './concurrent-edits';

/** What the seizure detail's fields use. */
export interface ConcurrentEdits {
  /** The open notice of a field of a seizure, if any. */
  notice(seizureId: string, field: string): EditNotice | undefined;
  /** Records the value the member is about to write (call before the write). */
  wrote(seizureId: string, field: string, value: unknown): void;
  /** Records the text the member is typing into a field, or null when they stopped (committed or dropped it). */
  typing(seizureId: string, field: string, text: string | null): void;
  /** Closes a field's notice without writing. */
  dismiss(seizureId: string, field: string): void;
}

/** Concurrent-edit notices for `writer.memberId` in `caseDoc`. */
export function useConcurrentEdits(caseDoc: CaseDoc, writer: Writer): ConcurrentEdits {
  const mine = useRef(new Map<string, MyValue>());
  const [notices, setNotices] = useState<ReadonlyMap<string, EditNotice>>(new Map());
  const me = writer.memberId;

  useEffect(
    () => caseDoc.observeAudit((added) => setNotices((n) => applyAuditEntries(n, added, me, mine.current, Date.now()))),
    [caseDoc, me],
  );

  const wrote = useCallback((seizureId: string, field: string, value: unknown) => {
    mine.current.set(fieldKey(seizureId, field), { value, at: Date.now() });
  }, []);

  const typing = useCallback((seizureId: string, field: string, text: string | null) => {
    const key = fieldKey(seizureId, field);
    const was = mine.current.get(key);
    if (text !== null) mine.current.set(key, { value: text, at: Date.now(), typing: true });
    else if (was?.typing) mine.current.delete(key);
  }, []);

  const dismiss = useCallback((seizureId: string, field: string) => {
    setNotices((n) => {
      if (!n.has(fieldKey(seizureId, field))) return n;
      const next = new Map(n);
      next.delete(fieldKey(seizureId, field));
      return next;
    });
  }, []);

  const notice = useCallback((seizureId: string, field: string) => notices.get(fieldKey(seizureId, field)), [notices]);
  return { notice, wrote, typing, dismiss };
}
