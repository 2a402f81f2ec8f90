/**
 * The root (top-level) shared types of each doc layout, declared in one place and defined on a
 * Y.Doc before anything reads or observes it.
 *
 * Why: when an update arrives for a root type the doc has not defined yet, Yjs files it under a
 * generic placeholder type and swaps in the real Y.Map/Y.Text at the first `getMap`/`getText`.
 * An observer that compared `transaction.changed` against the real type would then miss the
 * first sync of a doc (found by the relay sync test). Defining every root type first avoids it.
 */
import type * as Y from 'yjs';

/** Root types of a case doc: name → kind. */
export const CASE_DOC_ROOTS = {
  meta: 'map',
  summary: 'text',
  seizures: 'map',
  routes: 'map',
  audit: 'array',
  valuations: 'map',
  estimateAssumptions: 'map',
  notes: 'xml',
  tasks: 'map',
  taskProgress: 'array',
  events: 'map',
  /** Entities and links (issue 12): additive roots, older replicas ignore them. */
  entities: 'map',
  links: 'map',
  /** Link chart node positions (case-chart-layout.ts). */
  chartLayout: 'map',
  /** Attached files' metadata (case-files.ts); the bytes are blobs outside the doc. */
  files: 'map',
  /** Exhibits (case-exhibits.ts). */
  exhibits: 'map',
  /** Chain-of-custody entries of every exhibit, append-only (case-custody.ts). */
  custody: 'array',
  /** Import batches and their undos, append-only (case-import-batches.ts). */
  importBatches: 'array',
  /**
   * The case's volume docs, append-only `{n, createdAt, createdBy}` (volume-doc.ts): an array so a
   * restore of the case doc (restore.ts keeps arrays) never delists a volume; additive.
   */
  volumes: 'array',
  /** Links to other cases, with a relation and a reason (case-linked-cases.ts). */
  caseLinks: 'map',
} as const;

/** Root types of a volume doc (volume-doc.ts): the seizures that did not fit in the case doc. */
export const VOLUME_DOC_ROOTS = {
  seizures: 'map',
} as const;

/** Root types of a workspace doc: name → kind. */
export const WORKSPACE_DOC_ROOTS = {
  settings: 'map',
  members: 'map',
  cases: 'map',
  /** Member records as flat `<id>/<field>` keys (records.ts FlatRecords); `members` is the older nested layout. */
  memberFields: 'map',
  /** Case index records as flat `<id>/<field>` keys; `cases` is the older nested layout. */
  caseFields: 'map',
  audit: 'array',
  priceReferences: 'map',
  exchangeRates: 'map',
  /** Certificates admins' desktops give members' pack-signing keys (member-keys.ts). */
  memberCertificates: 'map',
  /** Case templates as flat `<id>/<field>` keys (case-templates.ts); `caseTemplatesLegacy` stays empty (FlatRecords' nested layer). */
  caseTemplateFields: 'map',
  caseTemplatesLegacy: 'map',
  /** The workspace's own commodities, extending the curated list (workspace-commodities.ts). */
  commodities: 'map',
} as const;

/** Defines every root type of `roots` on `doc` (idempotent and cheap). */
export function defineRoots(doc: Y.Doc, roots: Record<string, 'map' | 'text' | 'array' | 'xml'>): void {
  for (const [name, kind] of Object.entries(roots)) {
    if (kind === 'map') doc.getMap(name);
    else if (kind === 'text') doc.getText(name);
    else if (kind === 'xml') doc.getXmlFragment(name);
    else doc.getArray(name);
  }
}
