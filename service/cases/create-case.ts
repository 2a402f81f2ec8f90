/**
 * Creating a case: one function for `cases.create` and the demo workspace, so both number, write
 * and index a case the same way.
 */
import { randomUUID } from 'node:crypto';
import { CaseDoc } from '../../shared/docs/case-doc';
import { CaseRegistry } from '../../shared/docs/case-registry';
import { registryDocName } from '../../shared/docs/names';
import { can } from '../../shared/permissions';
import { permissionContext } from '../workspace/permission-context';
import type { CaseFieldsInput, CaseMeta } from '../../shared/domain/case';
import { CaseTemplates } from '../../shared/docs/case-templates';
import { applyTemplateToCase } from '../../shared/docs/apply-template';
import { NestError } from '../../shared/errors';
import type { Writer } from '../../shared/docs/records';
import type { ProjectionQueries } from '../projections/queries';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';

/**
 * The next case number: the workspace index's next number for `year`, moved past any higher number
 * among the cases this machine has (cases of members not yet in the index).
 * @param fromIndex e.g. "NEST-2026-0007" from `WorkspaceDoc.nextCaseNumber`.
 */
export function nextCaseNumber(projections: ProjectionQueries, fromIndex: string): string {
  const m = /^(.*-\d{4}-)(\d+)$/.exec(fromIndex);
  if (!m) return fromIndex;
  const prefix = m[1]!;
  let max = Number(m[2]) - 1;
  for (const n of projections.caseNumbersStartingWith(prefix)) max = Math.max(max, Number.parseInt(n.slice(prefix.length), 10) || 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

/**
 * Creates a case doc in `ws`, numbered for the year of `fields.openedOn`, written as the local
 * member, and listed in the workspace index when this member may write it (admins), otherwise in the
 * member's own registry doc (which the relay requires before it stores the case). `fill` runs in
 * the same doc transaction as the meta (e.g. the demo's summary and seizures). `templateId` names a
 * workspace case template applied at creation (its prefix, defaults and tasks: case-templates.ts).
 * `author` writes instead of the local member (the demo's public sources, service/workspace/demo.ts);
 * the index entry is still written with the local member's right to write the index.
 * @returns the new case's id, number and meta.
 * @throws NestError('validation') for invalid fields (from `CaseDoc.init`); NestError('not-found') for an unknown template.
 */
export function createCase(
  ws: WorkspaceRuntime,
  fields: CaseFieldsInput,
  fill?: (doc: CaseDoc, writer: Writer) => void,
  templateId?: string,
  author?: Writer,
): { id: string; number: string; meta: CaseMeta } {
  const local = ws.local();
  const index = ws.workspaceDoc();
  const template = templateId ? new CaseTemplates(index.doc).get(templateId) : null;
  if (templateId && !template) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'template', id: templateId } });
  const id = randomUUID();
  const number = nextCaseNumber(ws.store.projections, index.nextCaseNumber(Number(fields.openedOn.slice(0, 4))));
  const writer: Writer = author ?? { memberId: local.memberId };
  const meta = ws.host.with(ws.caseDocName(id), (doc) => {
    const cd = new CaseDoc(doc);
    cd.init(id, number, fields, writer);
    if (template) applyTemplateToCase(doc, template, writer, cd.readMeta().openedOn, true, randomUUID);
    const m = cd.readMeta();
    fill?.(cd, writer);
    // Only admins write the workspace doc (the relay enforces it). Another member registers the
    // case in their own registry doc, which the relay requires before it stores the case doc and
    // every admin reads; the case reaches the index when an admin's desktop syncs it
    // (workspace-runtime mirrors case meta).
    const { subject, target } = permissionContext(ws);
    if (can(subject, 'case.index', target)) {
      index.upsertCase({ id, number, title: m.title, status: m.status, sector: m.sector, tlp: m.tlp, createdBy: writer.memberId, createdAt: m.createdAt }, writer);
    } else {
      ws.host.with(registryDocName(ws.id, local.memberId), (reg) => new CaseRegistry(reg).register(id, m.createdAt));
    }
    return m;
  });
  return { id, number, meta };
}
