/**
 * Saves an invitation as a `.nestinvite` file (its text is the invitation string): the desktop's
 * native Save dialog in Electron (`window.nestDesk.saveFile`), a Blob download in browser mode.
 */
import { saveTextFile } from '../platform/save-text-file';

/** MIME type of a `.nestinvite` file: plain text, one line. */
export const INVITATION_MIME = 'text/plain;charset=utf-8';

/** Saves `invitation` as `fileName`; resolves to false when the user cancelled the Save dialog. */
export function saveInvitationFile(fileName: string, invitation: string): Promise<boolean> {
  return saveTextFile(fileName, `${invitation}\n`, INVITATION_MIME);
}
