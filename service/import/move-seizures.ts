/**
 * The "assign to another case" bulk action (issue 11, item 3): seizures copied into the target
 * case (new ids, `movedFrom` kept) and marked deleted in the source (`movedTo` kept), each case
 * auditing its side. Dispatch has checked `case.edit` on the source; the target is checked here
 * with the same permission model. A source seizure may live in a volume doc of its case: it is
 * marked there, the audit entries stay in the case doc. Everything is validated before any doc is
 * written, so a refusal leaves both cases as they were.
 */
import { randomUUID } from 'node:crypto';
import { CaseDoc } from '../../shared/docs/case-doc';
import { stripStamps } from '../../shared/docs/case-seizures';
import { withSeizureHomes } from '../seizures/seizure-homes';
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
  const toName = ws.caseDocName(toCaseId);
  if (!ws.host.exists(toName)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId: toCaseId } });
  const w = { memberId: ws.local().memberId };
  // The sources may live in the case doc or its volumes (seizure-homes.ts): every one is checked
  // live where it lives, the copies are written to the target, then each home marks its own.
  return withSeizureHomes(ws, caseId, seizureIds, (from, groups) =>
    ws.host.with(toName, (toDoc) => {
      const to = new CaseDoc(toDoc);
      for (const { group, home } of groups) from.checkSeizures(group.ids, undefined, home);
      const fromCase = from.readMeta().number;
      const toCaseNumber = to.readMeta().number;
      const items = groups.flatMap(({ group, volume }) =>
        group.ids.map((id) => {
          const s = volume ? volume.getSeizure(id) : from.getSeizure(id);
          if (!s) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'seizure', id } });
          return { id: randomUUID(), fields: stripStamps(s), fromCase, fromId: s.id };
        }),
      );
      to.moveSeizuresIn(items, w);
      const newIds = new Map(items.map((it) => [it.fromId, it.id]));
      for (const { group, home } of groups) from.moveSeizuresOut(new Map(group.ids.map((id) => [id, newIds.get(id)!])), toCaseNumber, w, home);
      return { moved: items.length, toCaseNumber };
    }),
  );
}

