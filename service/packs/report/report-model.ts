/**
 * What the case pack's report (report.pdf) shows, read from the workspace in one go: the case's
 * meta, notes, timeline, entities and links, seizures, the valuation methodology statement, the
 * exhibits with their files and chains of custody, and the newest audit entries. The HTML sections
 * (report-html.ts) are pure functions of this model, so they are tested without a workspace.
 */
import { keyId, publicJwkOf } from '../../../shared/auth/keys';
import { CaseDoc, type AuditEntry, type Entity, type Link } from '../../../shared/docs/case-doc';
import { CaseEvents } from '../../../shared/docs/case-events';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { CaseFiles } from '../../../shared/docs/case-files';
import { CaseValuations } from '../../../shared/docs/case-valuations';
import { readCustodyEntries } from '../../../shared/docs/case-custody';
import { custodyTimelineEvents, type CustodyTimelineEvent } from '../../../shared/docs/custody-timeline';
import { readNotesTree, type NotesNode } from '../../../shared/docs/notes-tree';
import type { AttachedFile } from '../../../shared/domain/attached-file';
import type { CaseMeta } from '../../../shared/domain/case';
import type { CaseEvent } from '../../../shared/domain/case-event';
import { custodyChain, type CustodyChain } from '../../../shared/domain/custody';
import { exhibitReferences, type Exhibit } from '../../../shared/domain/exhibit';
import type { Member } from '../../../shared/domain/member';
import type { Route } from '../../../shared/domain/route';
import type { Seizure } from '../../../shared/domain/seizure';
import type { Statement } from '../../../shared/rpc/valuation';
import { NestError } from '../../../shared/errors';
import { activitySentence, toAuditLine, type ActivityContext } from '../../../shared/activity/activity-sentence';
import { caseActivityContext } from '../../../shared/activity/case-activity-context';
import { t } from '../../../shared/messages/format';
import { caseStatement } from '../../valuation/statement';
import type { WorkspaceRuntime } from '../../workspace/workspace-runtime';
import { memberSigningKey } from '../pack-signer';
import type * as Y from 'yjs';
import type { SeizureMap } from './seizure-map';
import { readCompleteCaseSeizures, type CaseSeizures } from '../../import/case-seizures-all';

/** How many of the newest audit entries the history excerpt shows. */
export const HISTORY_EXCERPT = 40;

/** One exhibit as the report lists it. */
export interface ReportExhibit {
  exhibit: Exhibit;
  /** e.g. `SGNEST-2026-0001/EX-003`. */
  reference: string;
  /** True when another exhibit of the case has the same number. */
  duplicate: boolean;
  /** Its attached files (SHA-256 in `hash`). */
  files: AttachedFile[];
  chain: CustodyChain;
}

/** One history line: when (ms since epoch), who (member id) and what, as a sentence that follows the name. */
export interface ReportHistoryLine {
  at: number;
  by: string;
  sentence: string;
}

/** The name of member `id` for the report: from the workspace, else "an unknown member" — never the raw id. */
export function memberName(m: Pick<ReportModel, 'memberNames'>, id: string): string {
  return m.memberNames[id] ?? t('report.member.unknown');
}

/** Everything the report shows. Times are ms since epoch (UTC); dates YYYY-MM-DD. */
export interface ReportModel {
  meta: CaseMeta;
  workspaceName: string;
  exportedBy: { name: string; agency: string; role: string };
  exportedAt: number;
  /** RFC 7638 thumbprint of the exporting member's signing key (the key of manifest.sig). */
  keyFingerprint: string;
  /** Numbers of the volume docs the seizures were read from besides the case doc, ascending (the manifest's `case.volumes`). */
  volumes: number[];
  notes: NotesNode[];
  /** The layout-1 plain summary, shown when the notes are empty. */
  summary: string;
  events: CaseEvent[];
  custodyEvents: CustodyTimelineEvent[];
  entities: Entity[];
  links: Link[];
  /** By date, then id. */
  seizures: Seizure[];
  /** The case's routes (drawn on the seizure map), by id. */
  routes: Route[];
  /** The valuation methodology statement; null when the case has no valuation. */
  valuation: Statement | null;
  exhibits: ReportExhibit[];
  /**
   * The newest {@link HISTORY_EXCERPT} audit entries, newest first, each as its catalogue sentence
   * (shared/activity: the records named, never their ids; dates long); `auditTotal` counts all.
   */
  history: ReportHistoryLine[];
  auditTotal: number;
  /** Member id → name, removed members included; see {@link memberName} for ids not here. */
  memberNames: Record<string, string>;
  /** The seizure map drawn beforehand (a pack export's `map` phase; null: no seizure has coordinates); absent: drawn with the HTML. */
  seizureMap?: SeizureMap | null;
  /** SHA-256 of attached PDFs the production could not Bates-stamp (set by bates/production.ts). */
  notProduced?: readonly string[];
}

/** Audit entries as history lines, worded with `ctx` (long dates, the report's style). */
function historyLines(entries: readonly AuditEntry[], ctx: ActivityContext): ReportHistoryLine[] {
  return entries.map((e) => {
    const line = toAuditLine(e);
    return { at: e.at, by: e.by, sentence: line ? activitySentence(line, { ...ctx, dateStyle: 'long' }) : t('ui.case.activity.other') };
  });
}

/** A read of the case an export already made: the case doc (a copy held still) and every seizure. */
export interface CaseRead {
  doc: Y.Doc;
  all: CaseSeizures;
}

/**
 * Reads the report's model of case `caseId` as exported by `member` at `now`; with `read`, from
 * that read (a pack's export reads the case once, so the report shows the state its data files hold).
 * @throws NestError('not-found') for an unknown case, or a listed volume of its seizures this desktop lacks (pack.export.volumes-missing).
 */
export async function readReportModel(ws: WorkspaceRuntime, caseId: string, member: Member, now: number, read?: CaseRead): Promise<ReportModel> {
  const name = ws.caseDocName(caseId);
  if (!ws.host.exists(name)) throw new NestError('not-found', { id: 'service.case.not-found', values: { caseId } });
  const keyFingerprint = await keyId(publicJwkOf(await memberSigningKey(ws)));
  const wsDoc = ws.workspaceDoc();
  const memberNames: Record<string, string> = {};
  for (const m of wsDoc.listMembers()) memberNames[m.id] = m.name;
  // A member removed since still made part of the record: named too.
  const named = (id: string): void => {
    if (id && !(id in memberNames)) {
      const rec = wsDoc.getMemberRecord(id);
      if (rec) memberNames[id] = rec.name;
    }
  };
  const today = new Date(now).toISOString().slice(0, 10);
  const build = (doc: Y.Doc) => {
    const cd = new CaseDoc(doc);
    const meta = cd.readMeta();
    const files = new Map(new CaseFiles(doc).all().map((f) => [f.id, f]));
    const list = new CaseExhibits(doc).list();
    const refs = exhibitReferences(meta.number, list);
    const entries = readCustodyEntries(doc);
    const exhibits = [...list]
      .sort((a, b) => a.number - b.number || a.id.localeCompare(b.id))
      .map((exhibit) => ({
        exhibit,
        reference: refs.get(exhibit.id)?.reference ?? '',
        duplicate: refs.get(exhibit.id)?.duplicate ?? false,
        files: exhibit.fileIds.flatMap((id) => (files.has(id) ? [files.get(id)!] : [])),
        chain: custodyChain(exhibit.id, entries, exhibit.currentHolder),
      }));
    const audit = cd.readAudit();
    // Every seizure, in the case doc and each volume doc (refused while a listed volume has not arrived).
    const all = read?.all ?? readCompleteCaseSeizures(ws, caseId, cd);
    // Already by date, then id (CaseSeizures.live): sorting 100,000 again held the loop for seconds.
    const seizures = [...all.live];
    return {
      meta,
      notes: readNotesTree(doc),
      summary: cd.readSummary(),
      events: [...new CaseEvents(doc).list()].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
      custodyEvents: custodyTimelineEvents(doc),
      entities: [...cd.listEntities()].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)),
      links: [...cd.listLinks(all.volumes)].sort((a, b) => a.id.localeCompare(b.id)),
      seizures,
      volumes: all.docs.flatMap((d) => (d.volume === null ? [] : [d.volume])),
      routes: [...cd.listRoutes()].sort((a, b) => a.id.localeCompare(b.id)),
      exhibits,
      history: historyLines(audit.slice(-HISTORY_EXCERPT).reverse(), caseActivityContext(cd)),
      auditTotal: audit.length,
      valuationCount: new CaseValuations(doc).listValuations().length,
    };
  };
  const part = read ? build(read.doc) : ws.host.with(name, build);
  // The statement is shown when the case has a valuation (valued, or failed: a failure is part of
  // the record too); without one it would hold only the generic context figures.
  for (const h of part.history) named(h.by);
  for (const x of part.exhibits) for (const e of [...x.chain.links.flatMap((l) => [l.entry, ...l.replaces])]) named(e.recordedBy);
  const { valuationCount, ...rest } = part;
  const valuation = valuationCount > 0 ? caseStatement(ws, caseId, today) : null;
  return {
    ...rest,
    workspaceName: wsDoc.readSettings().name,
    exportedBy: { name: member.name, agency: member.agency, role: member.role },
    exportedAt: now,
    keyFingerprint,
    valuation,
    memberNames,
  };
}
