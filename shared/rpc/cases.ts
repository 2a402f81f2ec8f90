/**
 * RPC methods of the case domain: listing and creating cases, map points and search. Lists,
 * maps and searches are answered from the SQLite projections, never from loaded docs.
 * Editing a case or its seizures happens on the renderer's doc replica through `shared/docs`.
 */
import { z } from 'zod';
import { CASE_STATUSES, CONCEALMENT_METHODS, CRIME_SECTORS, DATE_PRECISIONS, DETECTION_METHODS, QUANTITY_UNITS, TLP_MARKINGS, TRANSPORT_MODES } from '../domain/codes';
import { caseFieldsSchema } from '../domain/case';
import { reviewFlagsSchema, seizureSchema } from '../domain/seizure';
import { SEIZURE_SORT_KEYS } from '../domain/seizure-order';
import { CASE_RELATIONS } from '../domain/case-link';
import { TIMELINE_PERIOD } from '../timeline/timeline';
import { method } from './define';

const workspaceId = z.string().uuid();

/** A case row of the case list (from the `cases` projection). Times are ms since epoch. */
export const caseSummarySchema = z.object({
  id: z.string(),
  docName: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  sector: z.enum(CRIME_SECTORS),
  tlp: z.enum(TLP_MARKINGS),
  leadAgency: z.string(),
  jurisdictions: z.array(z.string()),
  openedOn: z.string(),
  severity: z.number().int(),
  assignee: z.string(),
  tags: z.array(z.string()),
  closedOn: z.string(),
  resolution: z.string(),
  seizureCount: z.number().int(),
  mappedCount: z.number().int(),
  updatedAt: z.number(),
  updatedBy: z.string(),
});
/** A case row of the case list. */
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** Sortable columns of the case list. */
export const CASE_SORT_KEYS = ['number', 'title', 'status', 'sector', 'tlp', 'severity', 'assignee', 'leadAgency', 'openedOn', 'updatedAt', 'seizureCount', 'mappedCount'] as const;

/** Filters and sort of the case list. `text` is a full-text query over cases and their seizures. */
export const caseListQuerySchema = z.object({
  workspaceId,
  sector: z.enum(CRIME_SECTORS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  severity: z.number().int().min(1).max(4).optional(),
  /** A member id; '' lists the unassigned cases. */
  assignee: z.string().max(100).optional(),
  tag: z.string().max(40).optional(),
  text: z.string().max(200).optional(),
  /** The case's TLP marking (case list filter, issue 12). */
  tlp: z.enum(TLP_MARKINGS).optional(),
  /** A lead or participating agency, matched case-insensitively as a whole name. */
  agency: z.string().max(200).optional(),
  sortBy: z.enum(CASE_SORT_KEYS).default('number'),
  sortDir: z.enum(['asc', 'desc']).default('desc'),
});

/** One mapped seizure (WGS84 degrees), for map layers. */
export const mapPointSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  seizureDate: z.string(),
  datePrecision: z.enum(DATE_PRECISIONS),
  sector: z.enum(CRIME_SECTORS),
  commodity: z.string(),
  /** Scientific name of the species ('' when not recorded): the map's species filter. */
  taxon: z.string(),
  quantity: z.number().nullable(),
  /** Null when no quantity was reported. */
  unit: z.enum(QUANTITY_UNITS).nullable(),
  place: z.string(),
  country: z.string(),
  /** As reported by the authorities, in `reportedCurrency` (ISO 4217); never converted. */
  reportedValue: z.number().nullable(),
  reportedCurrency: z.string().nullable(),
  sourceTitle: z.string(),
  /** Open review flags (shared/domain/seizure.ts `reviewFlagSchema`); absent when none. The map marks such a seizure. */
  reviewFlags: reviewFlagsSchema.optional(),
});
/** One mapped seizure. */
export type MapPoint = z.infer<typeof mapPointSchema>;

/** What a search hit is: a case, a seizure, or an entity of a case (issue 12: names, aliases, identifiers, links' sources). */
export const SEARCH_KINDS = ['case', 'seizure', 'entity'] as const;

/** One full-text search hit. `snippet` marks matches with the characters of snippet-marks.ts. */
export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  caseId: z.string(),
  /** The case's number, e.g. NEST-2026-0001. */
  caseNumber: z.string(),
  recordId: z.string(),
  title: z.string(),
  /** `title` with its matches marked like `snippet` (an entity found by its name shows which words matched). */
  titleMarked: z.string(),
  snippet: z.string(),
});
/** One search hit. */
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Search hits of one kind, best first; groups ordered by their best hit. */
export const searchGroupSchema = z.object({ kind: z.enum(SEARCH_KINDS), hits: z.array(searchHitSchema) });
/** Search hits of one kind. */
export type SearchGroup = z.infer<typeof searchGroupSchema>;

/** One bundle object the STIX import did not map (id, type, and why: a catalogue sentence). */
export const stixRejectedSchema = z.object({ id: z.string(), type: z.string(), reason: z.string() });

/** What a STIX import created and what it did not import (docs/stix.md). */
export const stixImportReportSchema = z.object({
  caseId: z.string(),
  number: z.string(),
  seizures: z.number().int(),
  entities: z.number().int(),
  links: z.number().int(),
  rejected: z.array(stixRejectedSchema),
});
/** What a STIX import did. */
export type StixImportReportDto = z.infer<typeof stixImportReportSchema>;

/** What a STIX import would create (nothing is written): the case's title and TLP, the counts, and what it would skip. */
export const stixPreviewSchema = z.object({
  title: z.string(),
  tlp: z.string(),
  seizures: z.number().int(),
  entities: z.number().int(),
  links: z.number().int(),
  rejected: z.array(stixRejectedSchema),
});
/** A STIX import preview. */
export type StixPreviewDto = z.infer<typeof stixPreviewSchema>;

/** STIX 2.1 exchange with partner agencies (docs/stix.md): one grouped addition of the case domain. */
export const stixRpc = {
  'cases.exportStix': method(
    z.object({ workspaceId, caseId: z.string().uuid() }),
    z.object({ fileName: z.string(), content: z.string() }),
    'The case as a STIX 2.1 bundle (JSON text) with a file name carrying its number and TLP.',
    'case.read',
  ),
  'cases.previewStix': method(
    z.object({ workspaceId, fileName: z.string().max(255), content: z.string().max(64 * 1024 * 1024) }),
    stixPreviewSchema,
    'What importing a STIX 2.1 bundle would create and skip, with the reasons; writes nothing.',
    'case.create',
  ),
  'cases.importStix': method(
    z.object({ workspaceId, fileName: z.string().max(255), content: z.string().max(64 * 1024 * 1024) }),
    stixImportReportSchema,
    'Creates a case from a STIX 2.1 bundle and reports every object it could not import.',
    'case.create',
  ),
} as const;

/**
 * The country check of a point: `countryAt` the ISO 3166-1 alpha-2 code of the country it lies in
 * (or the nearest within `toleranceKm` at sea; null at open sea), `nearCountry` true when it lies
 * in or within `toleranceKm` km of the seizing country (an unknown code is never flagged).
 */
export const locationCheckSchema = z.object({ countryAt: z.string().nullable(), nearCountry: z.boolean(), toleranceKm: z.number() });
/** The result of `seizures.checkLocation`. */
export type LocationCheck = z.infer<typeof locationCheckSchema>;

/** Most rows one `seizures.page` call returns. */
export const SEIZURE_PAGE_MAX = 500;

/**
 * One row of the seizure table, as the `seizures` projection holds it (migrations 003 and 010):
 * the fields the table shows, sorts and filters by, wherever the seizure lives (case doc or a
 * volume doc). Null or [] where the seizure has no value (never a default).
 */
export const seizureRowSchema = z.object({
  id: z.string(),
  seizureDate: z.string(),
  datePrecision: z.enum(DATE_PRECISIONS),
  sector: z.enum(CRIME_SECTORS),
  commodity: z.string(),
  taxon: z.string(),
  quantity: z.number().nullable(),
  unit: z.enum(QUANTITY_UNITS).nullable(),
  place: z.string(),
  country: z.string(),
  /** WGS84 degrees; null when not mapped. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** As reported, in `reportedCurrency` (ISO 4217); never converted. */
  reportedValue: z.number().nullable(),
  reportedCurrency: z.string().nullable(),
  /**
   * Only in a page sorted by value (tester finding F12): the reported value converted to USD at
   * the seizure's date, the number the sort used; null when there is a value but no rate to
   * convert it (such rows sort after every converted one). Absent on other sorts.
   */
  reportedUsd: z.number().nullable().optional(),
  sourceTitle: z.string(),
  sourceUrl: z.string(),
  operation: z.string(),
  seizingAgencies: z.array(z.string()),
  originCountries: z.array(z.string()),
  exportCountries: z.array(z.string()),
  transitCountries: z.array(z.string()),
  missedTransitCountries: z.array(z.string()),
  destinationCountries: z.array(z.string()),
  concealmentMethod: z.enum(CONCEALMENT_METHODS).nullable(),
  transportMode: z.enum(TRANSPORT_MODES).nullable(),
  detectionMethod: z.enum(DETECTION_METHODS).nullable(),
  /** Open review flags (shared/domain/seizure.ts `reviewFlagSchema`); absent or [] when none (a `Seizure` read from a doc is a row too). */
  reviewFlags: reviewFlagsSchema.optional(),
});
/** One row of the seizure table. */
export type SeizureRow = z.infer<typeof seizureRowSchema>;

/**
 * A page of a case's seizures (`seizures.page`): sorted by `sortBy` (shared/domain/seizure-order.ts;
 * `value` by the reported value converted to USD at the seizure date), kept to those matching
 * every word of `text` (seizureFilterText) and of `sector` when given, rows `offset` … `offset + limit - 1`.
 * Two optional narrowings for the tabs that name seizures by id or by date (issue 11 item 4):
 * `ids` keeps those of the listed seizures that are live in the case (a look-up by id: link
 * ends, exhibits' seizures; an id not answered is not a live seizure of this case), `period` those
 * of one timeline period (shared/timeline/timeline.ts `timelinePeriod`: `YYYY-MM` holds the dates
 * known to the day or month, `YYYY` those known only to the year).
 */
export const seizurePageQuerySchema = z.object({
  workspaceId,
  caseId: z.string().uuid(),
  sortBy: z.enum(SEIZURE_SORT_KEYS).default('date'),
  sortDir: z.enum(['asc', 'desc']).default('desc'),
  text: z.string().max(200).default(''),
  /**
   * Which fields `text` searches: `any` every field of the seizure filter (seizureFilterText), or
   * `commodity` the commodity and the species only ("Assign a price": "Commodity or species contains").
   */
  match: z.enum(['any', 'commodity']).default('any'),
  /** Only seizures of this crime sector (absent: all); "Assign a price" narrows by it. */
  sector: z.enum(CRIME_SECTORS).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(SEIZURE_PAGE_MAX).default(100),
  ids: z.array(z.string().uuid()).min(1).max(SEIZURE_PAGE_MAX).optional(),
  period: z.string().regex(TIMELINE_PERIOD, 'a timeline period: YYYY or YYYY-MM').optional(),
  /** Only seizures with an open review flag ("Flagged for review"). */
  flagged: z.boolean().optional(),
});
/** The params of `seizures.page`. */
export type SeizurePageQuery = z.infer<typeof seizurePageQuerySchema>;

/** A page of seizures: `total` rows match the filter (all of the case's live seizures without one), `rows` from `offset`. */
export const seizurePageSchema = z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(seizureRowSchema) });
/** A page of seizures. */
export type SeizurePage = z.infer<typeof seizurePageSchema>;
/**
 * A link made to a case from another case (issue 12 item 7, seen from the linked case): which case,
 * how and why, who linked it when, and whether it was removed since (by whom, when; ms since epoch).
 */
export const linkedFromSchema = z.object({
  linkId: z.string(),
  fromCaseId: z.string(),
  fromNumber: z.string(),
  fromTitle: z.string(),
  relation: z.enum(CASE_RELATIONS),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.number(),
  removed: z.boolean(),
  removedBy: z.string().nullable(),
  removedAt: z.number().nullable(),
});
/** A link made to a case from another case. */
export type LinkedFrom = z.infer<typeof linkedFromSchema>;

export const casesRpc = {
  'cases.list': method(caseListQuerySchema, z.array(caseSummarySchema), 'Cases of a workspace, filtered and sorted.', 'workspace.read'),
  'cases.create': method(
    z.object({ workspaceId, fields: caseFieldsSchema, templateId: z.string().uuid().optional() }),
    caseSummarySchema,
    'Creates a case with the next case number and adds it to the case index.',
    'case.create',
  ),
  'cases.get': method(z.object({ workspaceId, caseId: z.string().uuid() }), caseSummarySchema, 'One case row.', 'case.read'),
  'cases.linkedFrom': method(
    z.object({ workspaceId, caseId: z.string().uuid() }),
    z.array(linkedFromSchema),
    'The links other cases made to this case, live first then removed, newest first; only from cases the member may read.',
    'case.read',
  ),
  'seizures.mapPoints': method(
    z.object({ workspaceId, caseId: z.string().uuid().optional() }),
    z.array(mapPointSchema),
    'Mapped seizures of a case, or of the whole workspace.',
    'case.read',
  ),
  'seizures.page': method(
    seizurePageQuerySchema,
    seizurePageSchema,
    'A sorted, filtered page of a case\'s live seizures from the projection (case doc and volume docs alike), with the number that match.',
    'case.read',
  ),
  'seizures.get': method(
    z.object({ workspaceId, caseId: z.string().uuid(), seizureId: z.string().uuid() }),
    seizureSchema.nullable(),
    'One live seizure of a case, read from the doc that holds it (the case doc or one of its volumes); null when there is none.',
    'case.read',
  ),
  'seizures.checkLocation': method(
    z.object({ workspaceId, latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), country: z.string() }),
    locationCheckSchema,
    'The country check of a point set on the map (the import\'s check, item 2 of issue 11): the country it lies in, and whether it is within the tolerance of the seizing country.',
    'workspace.read',
  ),
  'search.query': method(
    z.object({ workspaceId, text: z.string().min(1).max(200), limit: z.number().int().min(1).max(200).default(50) }),
    z.array(searchHitSchema),
    'Full-text search over case titles, summaries and seizures.',
    'workspace.read',
  ),
  'search.grouped': method(
    z.object({ workspaceId, text: z.string().min(1).max(200), limitPerKind: z.number().int().min(1).max(50).default(5) }),
    z.array(searchGroupSchema),
    'Full-text search grouped by kind (cases, seizures, entities), each group ranked, groups ordered by their best hit.',
    'workspace.read',
  ),
} as const;
