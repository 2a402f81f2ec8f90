/**
 * The "assign to another case" bulk action (issue 11, item 3): seizures copied into the target
 * case (new ids, `movedFrom` kept) and marked deleted in the source (`movedTo` kept), each case
 * auditing its side. Dispatch has checked `case.edit` on the source; the target is checked here
 * with the same permission model. Everything is validated before either doc is written, so a
 * refusal leaves both cases as they were.
 */
import { randomUUID } from 'node:crypto';
import { CaseDoc } from '../../shared/docs/case-doc';
import { stripStamps } from '../../shared/docs/case-seizures';
import { NestError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { permissionContext } from '../workspace/permission-context';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/**
 * Moves `seizureIds` from case `caseId` to `toCaseId` of workspace `ws`.
 * @returns how many moved and the target's case number.
 * @throws NestError('validation', 'seizures.move-same-case'); NestError('not-found') for an unknown case or seizure;
 *   NestError('read-only') when this member may not edit the target case; NestError('too-large').
 */
export function moveSeizures(ws: WorkspaceRuntime, caseId: string, toCaseId: string, seizureIds: readonly string[]): { moved: number; toCaseNumber: string } {
  if (caseId === toCaseId) throw new NestError('validation', { id: 'seizures.move-same-case' });
  const { subject, target } = permissionContext(ws);
  if (!can(subject, 'case.edit', { ...target, caseId: toCaseId })) throw new NestError('read-only', { id: 'rpc.refused.case.edit' });
  const fromName = ws.caseDocName(caseId);
  const toName = ws.caseDocName(toCaseId);
  for (const [name, id] of [[fromName, caseId], [toName, toCaseId]] as const) {
    if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: id } });
  }
  const w = { memberId: ws.local().memberId };
  return ws.host.with(fromName, (fromDoc) =>
    ws.host.with(toName, (toDoc) => {
      const from = new CaseDoc(fromDoc);
      const to = new CaseDoc(toDoc);
      const ids = [...new Set(seizureIds)];
      const seizures = ids.map((id) => {
        const s = from.getSeizure(id);
        if (!s) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'seizure', id } });
        return s;
      });
      const fromCase = from.readMeta().number;
      const toCaseNumber = to.readMeta().number;
      const items = seizures.map((s) => ({ id: randomUUID(), fields: stripStamps(s), fromCase, fromId: s.id }));
      to.moveSeizuresIn(items, w);
      from.moveSeizuresOut(new Map(items.map((it) => [it.fromId, it.id])), toCaseNumber, w);
      return { moved: items.length, toCaseNumber };
    }),
  );
}
