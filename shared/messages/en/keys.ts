/**
 * English messages about the data folder's key (`keys.*`): the key wrapped by the OS keychain
 * (desktop) or derived from a passphrase (browser mode and CLIs). See service/keys/.
 */
export const keyMessages = {
  'keys.file-damaged': 'The key file {file} is damaged ({detail}). Restore it from a backup; without it the encrypted workspaces cannot be opened.',
  'keys.unwrap-failed': 'The key in {file} could not be unlocked by the keychain of this computer ({detail}). It was made for another user account or computer, or the keychain was reset. Nothing was changed.',
  'keys.missing':
    'The data folder {dir} holds encrypted workspaces but its key file is missing ({file}). Restore the key file from a backup; a new key would not open them. Nothing was changed.',
  'keys.wrong-passphrase': 'Wrong passphrase for the data folder {dir}. Nothing was opened or changed.',
  'keys.passphrase-too-short': 'The passphrase must have at least {min} characters.',
  'keys.passphrase-mismatch': 'The two passphrases differ. Nothing was set.',
  'keys.passphrase-needed-new':
    'The data folder {dir} has no passphrase yet: set NEST_PASSPHRASE to choose one, or start from a terminal to type it.',
  'keys.passphrase-needed':
    'The data folder {dir} is encrypted with a passphrase: set NEST_PASSPHRASE or start from a terminal to type it.',
  'keys.desktop-folder': 'The data folder {dir} is locked by the desktop app (its key is in the keychain of this computer): open it with NEST Desk, or use another data folder here.',
  'keys.passphrase-prompt': 'Passphrase for the NEST Desk data folder: ',
  'keys.passphrase-new': 'Choose a passphrase for the NEST Desk data folder (it cannot be recovered: losing it loses the data): ',
  'keys.passphrase-repeat': 'Type the passphrase again: ',
} as const;
