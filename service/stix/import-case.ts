/**
 * Imports a STIX 2.1 bundle as a new case of the workspace (read-bundle.ts maps it): the case is
 * created with the bundle's case fields and TLP, then its seizures, entities and links are written
 * with fresh UUIDs in the same creation. Returns the report of what was imported and of every
 * object that was not, with the reason.
 */
import { randomUUID } from 'node:crypto';
import { createCase } from '../cases/create-case';
import type { WorkspaceRuntime } from '../workspace/workspace-runtime';
import { readBundle, type RejectedObject } from './read-bundle';

/** What an import did: the new case, how many records of each kind, and what was not imported. */
export interface StixImportReport {
  caseId: string;
  number: string;
  seizures: number;
  entities: number;
  links: number;
  rejected: RejectedObject[];
}

/**
 * Creates a case from bundle `text` as the local member.
 * @param today YYYY-MM-DD, the opening date when the bundle's grouping gives none.
 * @throws NestError('import-failed') for a file that is not a bundle (read-bundle.ts parseBundle);
 *   NestError('validation') when the case cannot be created (createCase).
 */
export function importStixCase(ws: WorkspaceRuntime, text: string, today: string): StixImportReport {
  const plan = readBundle(text, today);
  const ids = new Map<string, string>();
  for (const r of [...plan.seizures, ...plan.entities]) ids.set(r.ref, randomUUID());
  const created = createCase(ws, plan.fields, (cd, w) => {
    if (plan.summary) cd.setSummary(plan.summary, w);
    if (plan.seizures.length) cd.addSeizures(plan.seizures.map((s) => ({ id: ids.get(s.ref)!, fields: s.fields })), w, 'seizure.import');
    for (const e of plan.entities) cd.addEntity(ids.get(e.ref)!, e.fields, w);
    for (const l of plan.links) cd.addLink(randomUUID(), { ...l.fields, from: ids.get(l.from)!, to: ids.get(l.to)! }, w);
  });
  return { caseId: created.id, number: created.number, seizures: plan.seizures.length, entities: plan.entities.length, links: plan.links.length, rejected: plan.rejected };
}
