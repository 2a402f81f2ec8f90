/**
 * Handlers of the case domain: the case list, case creation, map points and search, answered
 * from the projections (migrations/003_projections.sql).
 */
import { CaseRegistry } from '../../shared/docs/case-registry';
import { registryDocName } from '../../shared/docs/names';
import { permissionContext } from '../workspace/permission-context';
import { can } from '../../shared/permissions';
import { randomUUID } from 'node:crypto';
import { CaseDoc } from '../../shared/docs/case-doc';
import { NestError } from '../../shared/errors';
import type { casesRpc, CaseSummary, MapPoint, SearchHit } from '../../shared/rpc/cases';
import type { CaseStatus, CrimeSector, DatePrecision, QuantityUnit, Tlp } from '../../shared/domain/codes';
import type { Db } from '../../node/store/sqlite';
import { ftsQuery } from '../projections/fts-query';
import type { HandlerMap } from '../rpc/types';

interface CaseRow {
  id: string;
  doc_name: string;
  number: string;
  title: string;
  status: CaseStatus;
  sector: CrimeSector;
  tlp: Tlp;
  lead_agency: string;
  jurisdictions: string;
  opened_on: string;
  seizure_count: number;
  mapped_count: number;
  updated_at: number;
  updated_by: string;
}

const SORT_COLUMNS: Record<string, string> = {
  number: 'number',
  title: 'title COLLATE NOCASE',
  status: 'status',
  sector: 'sector',
  openedOn: 'opened_on',
  updatedAt: 'updated_at',
  seizureCount: 'seizure_count',
  mappedCount: 'mapped_count',
  leadAgency: 'lead_agency COLLATE NOCASE',
  // TLP 2.0 from least to most restricted.
  tlp: "CASE tlp WHEN 'CLEAR' THEN 0 WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2 WHEN 'AMBER+STRICT' THEN 3 ELSE 4 END",
};

function toSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id,
    docName: r.doc_name,
    number: r.number,
    title: r.title,
    status: r.status,
    sector: r.sector,
    tlp: r.tlp,
    leadAgency: r.lead_agency,
    jurisdictions: JSON.parse(r.jurisdictions) as string[],
    openedOn: r.opened_on,
    seizureCount: r.seizure_count,
    mappedCount: r.mapped_count,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/**
 * The next case number: the workspace index's next number, moved past any higher number among
 * the cases this machine has (cases of members not yet in the index).
 */
function nextCaseNumber(db: Db, fromIndex: string): string {
  const m = /^(.*-\d{4}-)(\d+)$/.exec(fromIndex);
  if (!m) return fromIndex;
  const prefix = m[1]!;
  const numbers = db.prepare('SELECT number FROM cases WHERE number LIKE ?').pluck().all(`${prefix}%`) as string[];
  let max = Number(m[2]) - 1;
  for (const n of numbers) max = Math.max(max, Number.parseInt(n.slice(prefix.length), 10) || 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

function caseRow(db: Db, caseId: string): CaseSummary {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
  if (!row) throw new NestError('not-found', `case ${caseId} does not exist in this workspace`);
  return toSummary(row);
}

export const caseHandlers: HandlerMap<keyof typeof casesRpc> = {
  'cases.list': (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const where: string[] = [];
    const args: unknown[] = [];
    if (p.sector) {
      where.push('sector = ?');
      args.push(p.sector);
    }
    if (p.status) {
      where.push('status = ?');
      args.push(p.status);
    }
    const q = p.text ? ftsQuery(p.text) : null;
    if (q) {
      where.push('id IN (SELECT case_id FROM search_fts WHERE search_fts MATCH ?)');
      args.push(q);
    }
    const order = `${SORT_COLUMNS[p.sortBy] ?? 'number'} ${p.sortDir === 'asc' ? 'ASC' : 'DESC'}, number DESC`;
    const sql = `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`;
    return (ws.store.db.prepare(sql).all(...args) as CaseRow[]).map(toSummary);
  },

  'cases.create': (p, { service }) => {
    const ws = service.workspace(p.workspaceId);
    const local = ws.local();
    const index = ws.workspaceDoc();
    const id = randomUUID();
    const number = nextCaseNumber(ws.store.db, index.nextCaseNumber(Number(p.fields.openedOn.slice(0, 4))));
    const name = ws.caseDocName(id);
    const writer = { memberId: local.memberId };
    ws.host.with(name, (doc) => {
      const meta = new CaseDoc(doc).init(id, number, p.fields, writer);
      // Only admins write the workspace doc (the relay enforces it). Another member registers the
      // case in their own registry doc, which the relay requires before it stores the case doc and
      // every admin reads; the case reaches the index when an admin's desktop syncs it
      // (workspace-runtime mirrors case meta).
      const { subject, target } = permissionContext(ws);
      if (can(subject, 'case.index', target)) {
        index.upsertCase({ id, number, title: meta.title, status: meta.status, sector: meta.sector, tlp: meta.tlp, createdBy: local.memberId, createdAt: meta.createdAt }, writer);
      } else {
        ws.host.with(registryDocName(ws.id, local.memberId), (reg) => new CaseRegistry(reg).register(id, meta.createdAt));
      }
    });
    return caseRow(ws.store.db, id);
  },

  'cases.get': (p, { service }) => caseRow(service.workspace(p.workspaceId).store.db, p.caseId),

  'seizures.mapPoints': (p, { service }) => {
    const db = service.workspace(p.workspaceId).store.db;
    const rows = db
      .prepare(
        `SELECT id, case_id, latitude, longitude, seizure_date, date_precision, sector, commodity, quantity, unit, place, country, reported_value, reported_currency, source_title FROM seizures
         WHERE latitude IS NOT NULL AND longitude IS NOT NULL ${p.caseId ? 'AND case_id = ?' : ''} ORDER BY seizure_date`,
      )
      .all(...(p.caseId ? [p.caseId] : [])) as {
      id: string;
      case_id: string;
      latitude: number;
      longitude: number;
      seizure_date: string;
      date_precision: DatePrecision;
      sector: CrimeSector;
      commodity: string;
      quantity: number | null;
      unit: QuantityUnit;
      place: string;
      country: string;
      reported_value: number | null;
      reported_currency: string | null;
      source_title: string;
    }[];
    return rows.map(
      (r): MapPoint => ({
        id: r.id,
        caseId: r.case_id,
        latitude: r.latitude,
        longitude: r.longitude,
        seizureDate: r.seizure_date,
        datePrecision: r.date_precision,
        sector: r.sector,
        commodity: r.commodity,
        quantity: r.quantity,
        unit: r.unit,
        place: r.place,
        country: r.country,
        reportedValue: r.reported_value,
        reportedCurrency: r.reported_currency,
        sourceTitle: r.source_title,
      }),
    );
  },

  'search.query': (p, { service }) => {
    const q = ftsQuery(p.text);
    if (!q) return [];
    const db = service.workspace(p.workspaceId).store.db;
    const rows = db
      .prepare(
        `SELECT f.kind, f.case_id, f.record_id, f.title, snippet(search_fts, 4, char(2), char(3), '…', 12) AS snippet, COALESCE(c.number, '') AS case_number
         FROM search_fts f LEFT JOIN cases c ON c.id = f.case_id WHERE search_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(q, p.limit) as { kind: 'case' | 'seizure'; case_id: string; record_id: string; title: string; snippet: string; case_number: string }[];
    return rows.map((r): SearchHit => ({ kind: r.kind, caseId: r.case_id, caseNumber: r.case_number, recordId: r.record_id, title: r.title, snippet: r.snippet }));
  },
};
