/**
 * The utility entry and the report printer share the parent port: a print reply from main reaches
 * the printer and is not refused as a main message (no warning, the service keeps serving), and
 * a message that is neither is still refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataService } from '../../../service/data-service';
import { serveParentPort, type ParentMessageEvent, type ParentPortLike } from '../../../service/entries/utility-entry';
import { portPrinter } from '../../../service/packs/pdf/port-printer';
import type { Logger } from '../../../node/log';

let dir: string;
let service: DataService;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-utility-print-'));
  service = DataService.open({ dataDir: dir, mode: 'electron', version: '1.0.0', logger: pino({ level: 'silent' }) as unknown as Logger });
});
afterEach(() => {
  service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the utility entry with the report printer', () => {
  it('passes print replies to the printer without refusing them, and still refuses strangers', async () => {
    const listeners: ((e: ParentMessageEvent) => void)[] = [];
    const posted: unknown[] = [];
    const port: ParentPortLike = { on: (_e, l) => listeners.push(l), postMessage: (m) => posted.push(m) };
    const send = (data: unknown): void => listeners.forEach((l) => l({ data, ports: [] }));
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push((JSON.parse(line) as { reason?: string; msg: string }).msg) }) as unknown as Logger;
    serveParentPort(port, { service, logger, exit: () => {} });
    const print = portPrinter(port);
    const pending = print('<p>x</p>', { headerText: 'TLP:GREEN' });
    const request = posted.find((m) => (m as { type?: string }).type === 'print-pdf') as { id: number; headerText: string };
    expect(request.headerText).toBe('TLP:GREEN');
    send({ type: 'print-pdf-result', id: request.id, pdf: new Uint8Array([37, 80, 68, 70]) });
    await expect(pending).resolves.toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(warnings).toEqual([]);
    send({ type: 'exec' });
    expect(warnings).toEqual(['message from main refused']);
  });
});
