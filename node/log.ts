/**
 * The one logger of Node-side code (data service, relay, CLIs): structured JSON lines via pino,
 * to stderr so stdout stays free for program output (e.g. the browser-mode URL).
 *
 * Never log tokens or case content: log ids, counts, sizes and error codes. The `redact` list
 * below is a safety net for common secret field names, not a licence to pass them.
 */
import pino from 'pino';

/** A structured logger (pino's interface). */
export type Logger = pino.Logger;

/**
 * Creates a logger named `name`. Level from `NEST_LOG_LEVEL` (default "info"; "silent" in tests
 * unless set).
 */
export function createLogger(name: string, level?: string): Logger {
  const lvl = level ?? process.env.NEST_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  return pino(
    {
      name,
      level: lvl,
      redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}
