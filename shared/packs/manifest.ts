/**
 * The case pack's manifest (`manifest.json`): every file of the pack with its size and SHA-256,
 * the app that wrote it, the case and the exact case state exported (its Yjs state vector), who
 * exported it and when. Written as canonical JSON (canonical-json.ts); `manifest.sig` signs
 * exactly these bytes. Schema documented in docs/case-packs.md.
 */
import { z } from 'zod';
import { MEMBER_ROLES } from '../domain/codes';

/** The manifest's format tag; a verifier refuses any other. */
export const PACK_FORMAT = 'nest-case-pack/1';

/** Pack paths that are not listed in the manifest (the manifest itself and its signature). */
export const MANIFEST_PATH = 'manifest.json';
/** The detached signature's path. */
export const SIGNATURE_PATH = 'manifest.sig';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

/**
 * A path inside a pack: forward slashes, no empty, `.` or `..` segment, no leading slash, no
 * backslash or control character — so that unpacking it can never write outside its folder.
 */
export const packPathSchema = z
  .string()
  .min(1)
  .max(400)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && ![...p].some((c) => c.charCodeAt(0) < 0x20) && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), 'must be a relative path with forward slashes and no . or .. segments');

/** One file of the pack. */
export const manifestFileSchema = z.object({
  /** Path inside the ZIP. */
  path: packPathSchema,
  /** Size in bytes. */
  size: z.number().int().nonnegative(),
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: sha256Hex,
  /** IANA media type, when known. */
  mediaType: z.string().max(200).optional(),
  /** For an attached file (exhibits/…, named by hash): the name it had when it was added. */
  originalName: z.string().max(500).optional(),
});
/** One file of the pack. */
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** The manifest. */
export const manifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
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
  }),
  exportedBy: z.object({ memberId: z.string().min(1).max(100), name: z.string().max(120), agency: z.string().max(200), role: z.enum(MEMBER_ROLES) }),
  /** ISO 8601 UTC, e.g. 2026-12-06T13:05:00.000Z. */
  exportedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/),
  /** What was selected (omitted: the whole case). Free-form description for the reader. */
  selection: z.string().max(1000).optional(),
  files: z.array(manifestFileSchema),
});
/** The manifest. */
export type Manifest = z.infer<typeof manifestSchema>;

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
