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

/** The file name a pack of case `caseNumber` marked `tlp` is offered under: `NEST-2026-0001-pack-TLP-RED.zip`. */
export function packFileName(caseNumber: string, tlp: string): string {
  return `${caseNumber.replace(/[^A-Za-z0-9._-]+/g, '_')}-pack-${markingSlug(tlp)}.zip`;
}
