/**
 * `blob:` URLs of case files for the page: the whole file (the viewer) or a thumbnail of an image.
 *
 * Thumbnails are made here, in the renderer, each time a list shows them: the image is decoded
 * with `createImageBitmap` (off the main thread's layout, no DOM image) and drawn scaled into a
 * canvas of at most {@link THUMB_PX} pixels a side, kept as a small JPEG `blob:` URL in memory
 * for the session, by hash. Nothing is stored: a thumbnail is derived from bytes whose hash the
 * case doc records, so it never goes into the shared doc and needs no sync (docs/evidence.md).
 */
import { useEffect, useState } from 'react';
import type { AttachedFile } from '../../../shared/domain/attached-file';
import { useClient } from '../app/services';
import type { DataClient } from '../data/client';
import { loadFileBlob, type CaseRef } from './file-bytes';

/** Longest side of a thumbnail, CSS pixels × 2 for sharp screens. */
export const THUMB_PX = 96;

/** Images the browser decodes and we make thumbnails of (no SVG: it is a document, not pixels). */
export function isThumbnailable(mediaType: string): boolean {
  return ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'].includes(mediaType);
}

/** Media types the viewer shows inside the app (images and PDFs). */
export function isViewable(mediaType: string): boolean {
  return isThumbnailable(mediaType) || mediaType === 'application/pdf';
}

/** The size of a thumbnail of a `w`×`h` image: scaled down to fit {@link THUMB_PX}, never up. */
export function thumbSize(w: number, h: number, max = THUMB_PX): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(w, h, 1));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

const thumbs = new Map<string, Promise<string>>();

async function makeThumb(client: DataClient, ref: CaseRef, file: Pick<AttachedFile, 'hash' | 'mediaType'>): Promise<string> {
  const bitmap = await createImageBitmap(await loadFileBlob(client, ref, file));
  try {
    const { width, height } = thumbSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) throw new Error('no thumbnail');
    return URL.createObjectURL(blob);
  } finally {
    bitmap.close();
  }
}

/**
 * The thumbnail URL of an image file (null while it is made, or when it cannot be). When the
 * bytes are not on this desktop yet (a file another member added, still downloading), it tries
 * again as soon as a `files.status` event says this desktop holds them (verified).
 */
export function useThumbnail(ref: CaseRef, file: Pick<AttachedFile, 'hash' | 'mediaType'>): string | null {
  const client = useClient();
  const [url, setUrl] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = `${ref.workspaceId}/${ref.caseId}/${file.hash}`;
  useEffect(() => {
    if (!isThumbnailable(file.mediaType)) return;
    let live = true;
    let stopWaiting: (() => void) | null = null;
    let p = thumbs.get(key);
    if (!p) {
      p = makeThumb(client, ref, file);
      thumbs.set(key, p);
      // A failure (bytes not here yet) is not remembered: the next list shows it again.
      p.catch(() => thumbs.delete(key));
    }
    p.then(
      (u) => live && setUrl(u),
      () => {
        if (!live) return;
        setUrl(null);
        stopWaiting = client.on('files.status', (e) => {
          if (e.workspaceId !== ref.workspaceId || e.caseId !== ref.caseId) return;
          if (e.files.some((f) => f.hash === file.hash && (f.state === 'verified' || f.local))) setAttempt((n) => n + 1);
        });
      },
    );
    return () => {
      live = false;
      stopWaiting?.();
    };
  }, [client, key, file.mediaType, attempt]);
  return url;
}

/** The whole file as a `blob:` URL while mounted (revoked after), or its loading error. */
export function useFileUrl(ref: CaseRef, file: Pick<AttachedFile, 'hash' | 'mediaType'>): { url: string | null; error: unknown } {
  const client = useClient();
  const [state, setState] = useState<{ url: string | null; error: unknown }>({ url: null, error: null });
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    loadFileBlob(client, ref, file).then(
      (blob) => {
        made = URL.createObjectURL(blob);
        if (live) setState({ url: made, error: null });
        else URL.revokeObjectURL(made);
      },
      (error: unknown) => live && setState({ url: null, error }),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [client, ref.workspaceId, ref.caseId, file.hash, file.mediaType]);
  return state;
}
