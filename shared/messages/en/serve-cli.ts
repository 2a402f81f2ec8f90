/**
 * English messages of the browser-mode host's command line (`npm run serve`,
 * service/entries/serve-cli.ts, `serve.cli.*`): its usage, a refused option, the address line the
 * end-to-end fixtures read (test/e2e/fixtures.ts: keep "NEST Desk is running at {url}" as it is),
 * and a failure to start. A port is a setting: passed as text, it prints as typed.
 */
export const serveCliMessages = {
  'serve.cli.usage': `Usage: npm run serve -- [--port N] [--data-dir DIR]

Runs NEST Desk in browser mode on 127.0.0.1 and prints the URL to open.
  --port N        TCP port (default: a free port)
  --data-dir DIR  data folder (default: $NEST_DATA_DIR or the OS app-data folder "NEST Desk")
  --keep-token    keep the access token in the data folder, so the same address works after a
                  restart (default: a new token, never stored, at every launch)
  --new-token     with --keep-token: replace the kept token (old addresses lose access)
  --basemaps DIR  serve the .mbtiles and .pmtiles files of DIR as offline basemaps (docs/map.md)
  --help          this text

The data folder is encrypted with a passphrase: set NEST_PASSPHRASE, or type it when asked
(the first launch asks twice). A lost passphrase cannot be recovered: the data is lost with it.`,
  'serve.cli.new-token-alone': '--new-token replaces a kept token: use it with --keep-token (without --keep-token every launch has a new token already)',
  'serve.cli.bad-port': '--port must be a whole number from 0 to 65535, not "{value}"',
  'serve.cli.running': 'NEST Desk is running at {url}',
  'serve.cli.data-folder': 'Data folder: {dir}. Press Ctrl+C to stop.',
  'serve.cli.could-not-start': 'NEST Desk could not start: {message}',
} as const;
