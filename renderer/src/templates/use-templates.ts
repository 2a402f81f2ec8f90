/**
 * The workspace's case templates, live (a doc view over the workspace doc: another admin's edit
 * shows at once), for the new-case picker, "Apply template" and the template editor.
 */
import { CaseTemplates } from '../../../shared/docs/case-templates';
import { workspaceDocName } from '../../../shared/docs/names';
import type { CaseTemplate } from '../../../shared/domain/case-template';
import { useDocView } from '../data/use-doc-view';

/** The templates (by name) and the view to write them through; null view until the replica is open. */
export function useCaseTemplates(workspaceId: string): { templates: CaseTemplate[]; view: CaseTemplates | null } {
  const dv = useDocView(workspaceDocName(workspaceId), CaseTemplates);
  return { templates: dv ? dv.view.list() : [], view: dv?.view ?? null };
}
