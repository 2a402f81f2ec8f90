/**
 * Checks every IPC message before main acts on it (Electron security checklist § 17):
 * - the sender: the main frame of one of the app's own windows, currently showing an
 *   `app://nest/` page (a subframe, a foreign window, a destroyed frame or a navigated-away page
 *   is refused);
 * - the payload: zod schemas of the exact argument list each channel takes.
 *
 * Pure and typed structurally, so tests run without Electron; main.ts adapts Electron's events.
 */
import { z } from 'zod';
import { describeIssues } from '../../shared/errors';
import { isAppUrl } from './app-url';

/** A check's outcome: the accepted value, or why it was refused (for the log and the error). */
export type Verdict<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The part of Electron's WebFrameMain a sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly frameTreeNodeId: number;
  readonly detached?: boolean;
}

/** The part of Electron's IpcMainEvent / IpcMainInvokeEvent a sender check reads. */
export interface IpcEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
  /** MessagePorts sent along (IpcMainEvent only); no channel of ours accepts any. */
  readonly ports?: readonly unknown[];
}

/** Which webContents are the app's own windows. */
export interface WindowRegistry {
  has(webContentsId: number): boolean;
}

/**
 * Accepts the sender of `event` when its frame exists, is not detached, is the main frame of its
 * webContents, that webContents is one of `ourWebContentsIds`, and the frame shows an
 * `app://nest/` URL. Also refuses any transferred MessagePorts.
 */
export function checkSender(event: IpcEventLike, ourWebContentsIds: WindowRegistry): Verdict<FrameLike> {
  const frame = event.senderFrame;
  if (!ourWebContentsIds.has(event.sender.id)) return { ok: false, reason: `webContents ${event.sender.id} is not an app window` };
  if (!frame) return { ok: false, reason: 'the sending frame no longer exists (navigated or destroyed)' };
  if (frame.detached) return { ok: false, reason: 'the sending frame is detached' };
  if (frame.parent !== null || frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId) return { ok: false, reason: 'the sender is a subframe, not the main frame' };
  if (!isAppUrl(frame.url)) return { ok: false, reason: `the sending page is not an app://nest/ page (${describeUrl(frame.url)})` };
  if (event.ports && event.ports.length > 0) return { ok: false, reason: `${event.ports.length} unexpected MessagePort(s) attached` };
  return { ok: true, value: frame };
}

/** A URL's scheme and host only (never its path or query, which could hold case data), for logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'unparseable URL';
  }
}

/** Largest `saveFile` content: 100 MiB of UTF-8. */
export const MAX_SAVE_BYTES = 100 * 1024 * 1024;

/** Characters no file name of ours may contain: separators, Windows-reserved and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_NAME_CHARS = /[/\\<>:"|?*\u0000-\u001f\u007f]/;

/**
 * A suggested file name: a plain name (no folder), 1–255 characters and at most 255 UTF-8 bytes
 * (the ext4/APFS/NTFS limits), without path separators, `<>:"|?*` or control characters, and
 * not `.`/`..` or made only of dots and spaces.
 */
export const fileNameSchema = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(255, { error: 'must be at most 255 characters' })
  .refine((s) => Buffer.byteLength(s, 'utf8') <= 255, { error: 'must be at most 255 bytes in UTF-8' })
  .refine((s) => !FORBIDDEN_NAME_CHARS.test(s), { error: 'must be a plain file name without / \\ < > : " | ? * or control characters' })
  .refine((s) => !/^[. ]+$/.test(s), { error: 'must not be made only of dots and spaces' });

/** File content: a string of at most {@link MAX_SAVE_BYTES} UTF-8 bytes. */
export const fileContentSchema = z
  .string({ error: 'must be a string' })
  // Every UTF-16 unit is ≥ 1 UTF-8 byte, so a longer string is too large without encoding it.
  .refine((s) => s.length <= MAX_SAVE_BYTES && Buffer.byteLength(s, 'utf8') <= MAX_SAVE_BYTES, { error: `must be at most ${MAX_SAVE_BYTES} bytes (100 MiB) in UTF-8` });

/** The argument list of each renderer → main channel (shared/desktop-api.ts `IPC`). */
export const ipcArgs = {
  /** `nest:request-data-port`: no arguments. */
  requestDataPort: z.tuple([], { error: 'takes no arguments' }),
  /** `nest:save-file`: (suggestedName, content). */
  saveFile: z.tuple([fileNameSchema, fileContentSchema], { error: 'takes (suggestedName: string, content: string)' }),
  /** `nest:add-files`: (workspaceId, caseId), both UUIDs; never a path (main's dialog picks it). */
  addFiles: z.tuple([z.string().uuid({ error: 'must be a UUID' }), z.string().uuid({ error: 'must be a UUID' })], { error: 'takes (workspaceId: string, caseId: string)' }),
} as const;

/** Validates `args` against `schema`; the reason names each bad argument ("1: must be…"). */
export function checkArgs<T>(schema: z.ZodType<T>, args: readonly unknown[]): Verdict<T> {
  const r = schema.safeParse(args);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, reason: describeIssues(r.error.issues.map((i) => ({ path: i.path.length ? [`argument ${String(i.path[0])}`, ...i.path.slice(1)] : ['arguments'], message: i.message }))) };
}
