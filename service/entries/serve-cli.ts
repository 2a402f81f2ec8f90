/**
 * `npm run serve`: NEST Desk in browser mode. Starts the data service on the data folder
 * (NEST_DATA_DIR or the OS app-data folder) and serves the built app on 127.0.0.1, printing the
 * URL (with its per-launch token) as one line on stdout:
 *
 *   NEST Desk is running at http://127.0.0.1:PORT/#token=…
 *
 * Options: --port N (default 0 = a free port), --data-dir DIR, --keep-token, --new-token, --basemaps DIR, --help.
 * The data folder is encrypted with a key derived from a passphrase: NEST_PASSPHRASE, or typed on
 * the terminal (asked twice at first launch). See service/keys/.
 * The token is new at every launch unless --keep-token keeps it in the data folder (so an open
 * page reconnects when the host restarts on the same port).
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../../node/log';
import { appPath } from '../../node/store/app-root';
import { DataService } from '../data-service';
import { loadPassphraseDataKey } from '../keys/cli-key';
import { defaultDataDir } from '../../node/fs/data-dir';
import { startBrowserHost } from './browser-host';
import { browserToken } from './browser-token';
import { preparePdfPrinter } from '../packs/pdf/printer-registry';
import { t } from '../../shared/messages';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'new-token': { type: 'boolean' }, 'keep-token': { type: 'boolean' }, basemaps: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(t('serve.cli.usage'));
    return;
  }
  if (values['new-token'] && !values['keep-token']) throw new Error(t('serve.cli.new-token-alone'));
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(t('serve.cli.bad-port', { value: values.port ?? '' }));
  const logger = createLogger('serve', process.env.NEST_LOG_LEVEL ?? 'warn');
  const dataDir = values['data-dir'] ?? defaultDataDir();
  // NEST_SYNC_WARN_AFTER_MS: the sync health warning threshold (end-to-end tests and demos shorten the 2 minutes).
  const warnAfterMs = Number(process.env.NEST_SYNC_WARN_AFTER_MS);
  const syncTimings = Number.isInteger(warnAfterMs) && warnAfterMs > 0 ? { warnAfterMs } : undefined;
  // The passphrase is checked before any database is touched (a wrong one stops here).
  const dataKey = await loadPassphraseDataKey(dataDir);
  const service = DataService.open({ dataDir, mode: 'browser', logger, version: process.env.npm_package_version, dataKey, ...(syncTimings ? { syncTimings } : {}) });
  const host = await startBrowserHost({ service, rendererDir: appPath('dist', 'renderer'), port, logger, basemapDir: values.basemaps, token: browserToken(dataDir, { keep: values['keep-token'] ?? false, renew: values['new-token'] ?? false }) });
  console.log(t('serve.cli.running', { url: host.url }));
  console.log(t('serve.cli.data-folder', { dir: dataDir }));
  // Now, while the page loads, not mid-export: the report printer's driver blocks the event loop
  // for seconds while it loads (docs/case-packs.md, "Event loop during an export").
  void preparePdfPrinter();
  const stop = async (): Promise<void> => {
    await host.close();
    service.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(t('serve.cli.could-not-start', { message: err instanceof Error ? err.message : String(err) }));
  process.exit(1);
});
