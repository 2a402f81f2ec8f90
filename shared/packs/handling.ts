/**
 * Handling markings of case packs (TLP 2.0, FIRST): which markings need the exporting member's
 * confirmation of who may receive the pack (TLP:RED and TLP:AMBER+STRICT), the catalogue sentence
 * that names those recipients, and how a marking is written into a file name. Used by the data
 * service (which refuses an unconfirmed export) and the export dialog (which asks) alike.
 */
import type { MessageId } from '../messages';

/** The markings whose export must be confirmed, with the sentence naming who may receive them. */
const RESTRICTED: Readonly<Record<string, MessageId>> = {
  RED: 'pack.handling.recipients.red',
  'AMBER+STRICT': 'pack.handling.recipients.amber-strict',
};

/** True when exporting material marked `tlp` (e.g. 'RED') needs a confirmation. */
export function needsConfirmation(tlp: string): boolean {
  return Object.prototype.hasOwnProperty.call(RESTRICTED, tlp);
}

/** The catalogue id of the sentence naming who may receive `tlp` material, or null when unrestricted. */
export function recipientsMessage(tlp: string): MessageId | null {
  return needsConfirmation(tlp) ? RESTRICTED[tlp]! : null;
}

/** The marking as a file-name part: `TLP-AMBER-STRICT` ('+' is awkward in file names). */
export function markingSlug(tlp: string): string {
  return `TLP-${tlp.replace(/\+/g, '-')}`;
}

/**
 * The file name every export of case `caseNumber` marked `tlp` is offered under, so the marking
 * travels with the file: `<number>-<what>-TLP-<level>.<ext>`, e.g. `NEST-2026-0001-map-TLP-AMBER.png`
 * (characters other than letters, digits, '.', '_' and '-' of the number become '_').
 */
export function markedFileName(caseNumber: string, what: string, tlp: string, ext: string): string {
  return `${caseNumber.replace(/[^A-Za-z0-9._-]+/g, '_')}-${what}-${markingSlug(tlp)}.${ext}`;
}

/** The file name a pack of case `caseNumber` marked `tlp` is offered under: `NEST-2026-0001-pack-TLP-RED.zip`. */
export function packFileName(caseNumber: string, tlp: string): string {
  return markedFileName(caseNumber, 'pack', tlp, 'zip');
}

/** TLP 2.0 markings (and TLP 1.0's WHITE), longest first so `AMBER+STRICT` is not read as `AMBER`. */
const MARKINGS = ['AMBER+STRICT', 'CLEAR', 'WHITE', 'GREEN', 'AMBER', 'RED'] as const;

/**
 * The TLP markings written in an unsigned place of a pack, in order of appearance and without
 * repeats, as the manifest writes them (`RED`, `AMBER+STRICT`): in the ZIP comment (`form`
 * `'text'`: `TLP:RED`, `TLP:AMBER+STRICT`) or in its file name (`'file-name'`: `TLP-RED`,
 * `TLP-AMBER-STRICT`, see {@link markingSlug}). Case-insensitive; an empty list when none is found.
 */
export function markingsIn(text: string, form: 'text' | 'file-name'): string[] {
  const sep = form === 'text' ? ':' : '-';
  const alt = MARKINGS.map((m) => (form === 'text' ? m.replace('+', '\\+') : m.replace('+', '-'))).join('|');
  const found: string[] = [];
  for (const m of text.matchAll(new RegExp(`TLP${sep}(${alt})(?![A-Za-z])`, 'gi'))) {
    const tlp = m[1]!.toUpperCase().replace('-STRICT', '+STRICT');
    if (!found.includes(tlp)) found.push(tlp);
  }
  return found;
}
