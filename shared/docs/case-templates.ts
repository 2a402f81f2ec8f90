/**
 * The workspace's case templates: the only code that reads or writes their raw Y types. They live
 * in the workspace doc (so only admins may write them once the workspace is shared: the relay
 * enforces it) under `caseTemplateFields`, as flat `<id>/<field>` keys (records.ts FlatRecords, so
 * two admins creating templates at once merge field by field); a deleted template keeps its keys
 * with `deleted: true`. Writes append `template.*` entries to the workspace audit log.
 *
 * Applying a template to a case is {@link applyTemplate}: pure planning over the case's current
 * fields, so the same rule serves the new-case dialog and "apply template" on an existing case.
 */
import type * as Y from 'yjs';
import { WORKSPACE_DOC_ROOTS } from './root-types';
import { DocView } from './doc-view';
import { caseTemplateFieldSchemas, caseTemplateFieldsSchema, TEMPLATE_FIELD_KEYS, type CaseTemplate, type CaseTemplateFields, type TemplateTask } from '../domain/case-template';
import type { CaseFields } from '../domain/case';
import type { TaskFields } from '../domain/task';
import type { AuditEntry } from './case-audit';
import { FlatRecords, readLenient, stamp, validatePatch, validateWhole, type Writer } from './records';
import { NestError } from '../errors';
import { t } from '../messages/format';

const FIELDS = ['name', 'titlePrefix', 'defaults', 'tasks', 'deleted', 'updatedBy', 'updatedAt'] as const;
const DEFAULTS: CaseTemplateFields = { name: '', titlePrefix: '', defaults: {}, tasks: [] };

/** Typed view over the case templates of a workspace Y.Doc. Cheap to construct; holds no state. */
export class CaseTemplates extends DocView {
  constructor(doc: Y.Doc) {
    super(doc, WORKSPACE_DOC_ROOTS);
  }

  private get records(): FlatRecords {
    return new FlatRecords(this.doc.getMap('caseTemplateFields'), this.doc.getMap('caseTemplatesLegacy'), FIELDS);
  }
  private audit(e: AuditEntry): void {
    this.doc.getArray<AuditEntry>('audit').push([e]);
  }

  /** Every live template, by name. Unreadable fields read as empty. */
  list(): CaseTemplate[] {
    const out: CaseTemplate[] = [];
    for (const id of this.records.ids()) {
      const t = this.get(id);
      if (t) out.push(t);
    }
    return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** One live template, or null. */
  get(id: string): CaseTemplate | null {
    const raw = this.records.read(id);
    if (!raw || raw.deleted === true) return null;
    const fields = readLenient(raw, caseTemplateFieldSchemas, DEFAULTS);
    return { ...fields, id, updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : '', updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : 0 };
  }

  /**
   * Adds a template (admins: the relay refuses the workspace doc's updates from anyone else).
   * @throws NestError('validation') naming each bad field, or when a live template has the same name (case-insensitive).
   */
  add(id: string, fields: CaseTemplateFields, w: Writer): CaseTemplate {
    const valid = validateWhole(caseTemplateFieldsSchema, fields);
    this.requireFreeName(valid.name, id);
    if (this.records.read(id)) throw new NestError('validation', { id: 'record.exists', values: { kind: 'template', id } });
    const at = stamp(w);
    this.write(w, () => {
      this.records.write(id, { ...valid, updatedBy: w.memberId, updatedAt: at });
      this.audit({ at, by: w.memberId, action: 'template.add', target: id, summary: { name: valid.name } });
    });
    return this.get(id)!;
  }

  /**
   * Updates a template's fields.
   * @returns the changed field names.
   * @throws NestError('not-found'); NestError('validation').
   */
  update(id: string, patch: Partial<CaseTemplateFields>, w: Writer): string[] {
    this.records.require(id, 'case');
    const valid = validatePatch(caseTemplateFieldSchemas, patch);
    if (valid.name) this.requireFreeName(valid.name, id);
    return this.write(w, () => {
      const changed = this.records.write(id, valid);
      if (changed.length) {
        const at = stamp(w);
        this.records.write(id, { updatedBy: w.memberId, updatedAt: at });
        this.audit({ at, by: w.memberId, action: 'template.update', target: id, fields: changed });
      }
      return changed;
    });
  }

  /**
   * Deletes a template (kept with `deleted: true`; cases made from it are not affected).
   * @throws NestError('not-found').
   */
  delete(id: string, w: Writer): void {
    const name = this.get(id)?.name;
    if (name === undefined) throw new NestError('not-found', { id: 'record.not-found', values: { kind: 'template', id } });
    this.write(w, () => {
      const at = stamp(w);
      this.records.write(id, { deleted: true, updatedBy: w.memberId, updatedAt: at });
      this.audit({ at, by: w.memberId, action: 'template.delete', target: id, summary: { name } });
    });
  }

  /** Calls `fn` after every transaction that changed a template (local or remote). Returns the unsubscribe function. */
  observe(fn: (origin: unknown) => void): () => void {
    const maps = [this.doc.getMap('caseTemplateFields'), this.doc.getMap('caseTemplatesLegacy')];
    const onDeep = (_e: unknown, tr: Y.Transaction): void => fn(tr.origin);
    for (const m of maps) m.observeDeep(onDeep);
    return () => {
      for (const m of maps) m.unobserveDeep(onDeep);
    };
  }

  private requireFreeName(name: string, id: string): void {
    const taken = this.list().some((x) => x.id !== id && x.name.toLowerCase() === name.toLowerCase());
    if (taken) throw new NestError('validation', { id: 'record.template-name-taken', values: { name } }, [{ field: 'name', message: t('record.template-name-taken', { name }) }]);
  }
}

/** What applying a template to a case writes: the empty fields it fills and the tasks it adds. */
export interface TemplatePlan {
  /** Case fields to write: only those that are empty in the case (never an overwrite). */
  fields: Partial<CaseFields>;
  /** Tasks to add, due dates resolved against `today`. */
  tasks: Pick<TaskFields, 'title' | 'agency' | 'dueOn'>[];
}

/** True when a case field counts as empty for a template (so the template may fill it). */
function isEmpty(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

/**
 * Plans applying `template` to a case whose fields are `current`, on `today` (YYYY-MM-DD):
 * defaults fill empty fields only; the title prefix is put before an empty title, or before a
 * title that does not start with it yet, only when `withTitle` (at creation); each task is
 * added with its due date `dueInDays` after `today`. Severity, TLP, PAP and sector always have a
 * value, so a template sets them only at creation (`atCreation`), when they still hold the new-case defaults.
 */
export function applyTemplate(template: CaseTemplateFields, current: CaseFields, today: string, atCreation: boolean): TemplatePlan {
  const fields: Partial<CaseFields> = {};
  const always = new Set(['sector', 'tlp', 'pap', 'severity']);
  for (const key of TEMPLATE_FIELD_KEYS) {
    const v = template.defaults[key];
    if (v === undefined) continue;
    if (always.has(key) ? atCreation : isEmpty(current[key])) (fields as Record<string, unknown>)[key] = v;
  }
  if (atCreation && template.titlePrefix && !current.title.startsWith(template.titlePrefix)) fields.title = `${template.titlePrefix}${current.title}`;
  return { fields, tasks: template.tasks.map((task) => ({ title: task.title, agency: task.agency, dueOn: dueOn(task, today) })) };
}

function dueOn(task: TemplateTask, today: string): string {
  if (task.dueInDays === null) return '';
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + task.dueInDays);
  return d.toISOString().slice(0, 10);
}
