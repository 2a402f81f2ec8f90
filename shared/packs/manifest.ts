/**
 * The case pack's manifest (`manifest.json`): every file of the pack with its size and SHA-256,
 * the app that wrote it, the case and the exact case state exported (its Yjs state vector), who
 * exported it and when. Written as canonical JSON (canonical-json.ts); `manifest.sig` signs
 * exactly these bytes. Schema documented in docs/case-packs.md.
 */
import { z } from 'zod';
import { MEMBER_ROLES } from '../domain/codes';
import { MAX_VOLUMES } from '../docs/names';

// Every schema is built by a function, afresh on each call, not once when the module loads:
// mutation testing (docs/testing.md) can then tell which test reached each bound and pattern. A
// cached schema would be built by the first test only, and only that test would be credited with
// (and run against) its mutants. A build costs about 5 ms for the whole manifest (0.3 ms for the
// signature file) at a load of 20: callers build one per export, verification or RPC schema.

/**
 * The format tag the app writes: version 2 adds the state vector of each volume doc
 * (`case.volumes`) and, with relay provenance, how far each volume's log was read.
 */
export const PACK_FORMAT = 'nest-case-pack/2';
/** Version 1 (packs written before 2026-12-07): the case doc's state vector only. Still verified. */
export const PACK_FORMAT_V1 = 'nest-case-pack/1';

/** Most volumes a manifest lists (a case of 1,000,000 seizures needs 200). */
const MAX_LISTED_VOLUMES = 10_000;

/** A volume number, as in its doc name (`…/vol/<n>`). */
function volumeNumberSchema() {
  return z.number().int().min(1).max(MAX_VOLUMES);
}

/** Pack paths that are not listed in the manifest (the manifest itself and its signature). */
export const MANIFEST_PATH = 'manifest.json';
/** The detached signature's path. */
export const SIGNATURE_PATH = 'manifest.sig';

/** A SHA-256 digest: 64 lowercase hex digits. */
function sha256HexSchema() {
  return z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
}

/** Longest pack path, in characters (UTF-16 code units); the writer's paths are under 100. */
export const MAX_PACK_PATH = 400;

/**
 * Why a ZIP entry name is unsafe: it could write outside the folder it is unpacked into, or show
 * a reader another name than it has.
 */
export type UnsafePathReason = 'absolute' | 'parent' | 'backslash' | 'control' | 'bidi' | 'overlong';

/** C0 controls (NUL included), DEL, C1 controls, and the line and paragraph separators: they break or forge report lines. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Bidirectional formatting characters (embeddings, overrides, isolates, marks): `exe.txt` can be shown as `txt.exe`. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Why unpacking an entry named `p` could write outside its folder (or confuse a reader), or null
 * when it cannot: `absolute` (leading `/` or a drive letter `C:`), `parent` (a `..` segment),
 * `backslash` (a Windows separator, which some unzippers follow), `control` (a C0 or C1 control
 * character, NUL and DEL included, or a line/paragraph separator), `bidi` (a bidirectional
 * override, embedding, isolate or mark, which reorders how the name is shown), `overlong` (more
 * than {@link MAX_PACK_PATH} characters). The one rule for pack paths: the manifest schema and
 * the verifier's ZIP reader both use it.
 */
export function unsafePathReason(p: string): UnsafePathReason | null {
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'absolute';
  if (p.includes('\\')) return 'backslash';
  if (p.split('/').includes('..')) return 'parent';
  if (CONTROL.test(p)) return 'control';
  if (BIDI.test(p)) return 'bidi';
  if (p.length > MAX_PACK_PATH) return 'overlong';
  return null;
}

/**
 * `name` as it may be shown: every control and bidirectional formatting character written
 * `\uXXXX` (so a hostile name can neither forge lines of a report nor reorder its own text), and
 * a name over {@link MAX_PACK_PATH} characters cut there with `…` after it.
 */
export function printablePath(name: string): string {
  const cut = name.length > MAX_PACK_PATH ? `${name.slice(0, MAX_PACK_PATH)}…` : name;
  return cut.replace(new RegExp(`${CONTROL.source}|${BIDI.source}`, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A path inside a pack: forward slashes, no empty, `.` or `..` segment, no leading slash or drive
 * letter, no backslash, control or bidirectional formatting character, at most
 * {@link MAX_PACK_PATH} characters — so that unpacking it can never write outside its folder
 * ({@link unsafePathReason}).
 */
export function packPathSchema() {
  return z
    .string()
    .min(1)
    // A leading (or trailing, or doubled) slash leaves an empty segment, which the last test refuses.
    .refine((p) => unsafePathReason(p) === null && p.split('/').every((s) => s !== '' && s !== '.'), 'must be a relative path with forward slashes and no . or .. segments');
}

/** A calendar day as YYYY-MM-DD. */
function isoDaySchema() {
  return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
}

/**
 * A partial export: seizures dated within `from`…`to` (inclusive, YYYY-MM-DD; a seizure without
 * a date is left out when either is given) and, when listed, only `seizureIds`; only `exhibitIds`
 * when listed, and never an exhibit of a seizure left out. Exhibits keep their whole chain of
 * custody; `exhibits/` holds the files of the exhibits kept. Ids are kept sorted (deterministic).
 */
export function packSelectionSchema() {
  return z.object({
    from: isoDaySchema().optional(),
    to: isoDaySchema().optional(),
    seizureIds: z.array(z.string().min(1).max(100)).max(200_000).optional(),
    exhibitIds: z.array(z.string().min(1).max(100)).max(100_000).optional(),
  });
}
/** A partial export. */
export type PackSelection = z.infer<ReturnType<typeof packSelectionSchema>>;

/** Who confirmed exporting restricted material (TLP:RED, TLP:AMBER+STRICT), and when (ISO 8601 UTC). */
export function handlingSchema() {
  return z.object({
    tlp: z.string().max(20),
    confirmedBy: z.object({ memberId: z.string().min(1).max(100), name: z.string().max(120) }),
    confirmedAt: z.string().max(30),
  });
}
/** A recorded handling confirmation. */
export type Handling = z.infer<ReturnType<typeof handlingSchema>>;

/** Whether the pack carries the relay's provenance: read up to `upToSeq`, or unavailable and why. */
export function provenanceStatusSchema() {
  return z.discriminatedUnion('status', [
    z.object({
      status: z.literal('relay'),
      /** The last seq of the case doc's log read. */
      upToSeq: z.number().int().nonnegative(),
      records: z.number().int().nonnegative(),
      flagged: z.number().int().nonnegative(),
      /** Format 2: the last seq read of each volume doc's log (0: the relay holds none of it, its records are `not-on-relay`), by volume number. */
      volumes: z.array(z.object({ n: volumeNumberSchema(), upToSeq: z.number().int().nonnegative() })).max(MAX_LISTED_VOLUMES).optional(),
    }),
    z.object({ status: z.literal('unavailable'), reason: z.enum(['not-synced', 'relay-unreachable', 'refused']) }),
  ]);
}
/** Whether the pack carries the relay's provenance. */
export type ProvenanceStatus = z.infer<ReturnType<typeof provenanceStatusSchema>>;

/** One file of the pack. */
export function manifestFileSchema() {
  return z.object({
    /** Path inside the ZIP. */
    path: packPathSchema(),
    /** Size in bytes. */
    size: z.number().int().nonnegative(),
    /** SHA-256 of the file's bytes, lowercase hex. */
    sha256: sha256HexSchema(),
    /** IANA media type, when known. */
    mediaType: z.string().max(200).optional(),
    /** For an attached file (exhibits/…, named by hash): the name it had when it was added. */
    originalName: z.string().max(500).optional(),
    /** For an attached file: the references of the exhibits that cite it (`NEST-2026-0001/EX-003`), sorted. */
    exhibits: z.array(z.string().max(200)).max(1000).optional(),
  });
}
/** One file of the pack. */
export type ManifestFile = z.infer<ReturnType<typeof manifestFileSchema>>;

/** The manifest. */
export function manifestSchema() {
  return z.object({
    format: z.enum([PACK_FORMAT_V1, PACK_FORMAT]),
    app: z.object({ name: z.string().min(1).max(100), version: z.string().min(1).max(50) }),
    workspace: z.object({ id: z.string().min(1).max(100), name: z.string().max(200) }),
    case: z.object({
      id: z.string().min(1).max(100),
      number: z.string().max(100),
      title: z.string().max(500),
      /** TLP 2.0 marking of the case (CLEAR, GREEN, AMBER, AMBER+STRICT, RED). */
      tlp: z.string().max(20),
      /** The exported case state: the case doc's Yjs state vector, base64. */
      stateVector: z.string().max(100_000),
      /** Format 2 (required there, absent in 1): each volume doc's Yjs state vector, base64, by volume number ascending ([] for a case without volumes). */
      volumes: z.array(z.object({ n: volumeNumberSchema(), stateVector: z.string().max(100_000) })).max(MAX_LISTED_VOLUMES).optional(),
    }),
    exportedBy: z.object({ memberId: z.string().min(1).max(100), name: z.string().max(120), agency: z.string().max(200), role: z.enum(MEMBER_ROLES) }),
    /** ISO 8601 UTC, e.g. 2026-12-06T13:05:00.000Z. */
    exportedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/),
    /** What was selected (omitted: the whole case); see {@link packSelectionSchema}. */
    selection: packSelectionSchema().optional(),
    /** For TLP:RED and TLP:AMBER+STRICT: who confirmed the export after being told who may receive it, and when. */
    handling: handlingSchema().optional(),
    /** Whether `data/provenance.csv` is in the pack: the relay's log was read up to `upToSeq`, or why not. */
    provenance: provenanceStatusSchema().optional(),
    files: z.array(manifestFileSchema()),
  }).superRefine((m, ctx) => {
    // Format 2 names every doc the pack was taken from; format 1 had no such field to name.
    if (m.format === PACK_FORMAT && !m.case.volumes) ctx.addIssue({ code: 'custom', path: ['case', 'volumes'], message: `required in ${PACK_FORMAT}` });
    if (m.format === PACK_FORMAT_V1 && m.case.volumes) ctx.addIssue({ code: 'custom', path: ['case', 'volumes'], message: `not part of ${PACK_FORMAT_V1}` });
    const ns = (m.case.volumes ?? []).map((v) => v.n);
    if (ns.some((n, i) => i > 0 && n <= ns[i - 1]!)) ctx.addIssue({ code: 'custom', path: ['case', 'volumes'], message: 'must list each volume once, by number ascending' });
  });
}
/** The manifest. */
export type Manifest = z.infer<ReturnType<typeof manifestSchema>>;

/**
 * Paths listed twice, or that clash with the manifest or signature (both are refused by the writer
 * and reported by the verifier).
 */
export function clashingPaths(files: readonly { path: string }[]): string[] {
  const seen = new Set<string>([MANIFEST_PATH, SIGNATURE_PATH]);
  const clashes: string[] = [];
  for (const f of files) {
    if (seen.has(f.path)) clashes.push(f.path);
    seen.add(f.path);
  }
  return clashes;
}
