/**
 * HTTP helpers of the cluster tests: requests to a spawned relay with the body streamed (with
 * back-pressure, never built whole), a download hashed as it streams, and a spawned process's
 * peak resident memory while something runs (sampled from /proc every 10 ms).
 */
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import { authorizationHeader } from '../../../shared/protocol/relay';
import type { RelayProcess } from '../helpers';

/** An HTTP request to a relay, the body streamed from `body` with back-pressure. */
export async function request(r: RelayProcess, method: string, pathAndQuery: string, token: string, body: Iterable<Buffer> = [], headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; json: unknown }> {
  const req = http.request(`${r.httpUrl}${pathAndQuery}`, { method, headers: { authorization: authorizationHeader(token), ...headers } });
  const answered = once(req, 'response') as Promise<[http.IncomingMessage]>;
  for (const b of body) if (!req.write(b)) await once(req, 'drain');
  req.end();
  const [res] = await answered;
  const parts: Buffer[] = [];
  for await (const p of res) parts.push(p as Buffer);
  const text = Buffer.concat(parts);
  let json: unknown = null;
  try {
    json = JSON.parse(text.toString('utf8'));
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode ?? 0, body: text, json };
}

/** GETs a blob, hashing it as it streams (never held whole here either). */
export async function download(r: RelayProcess, pathAndQuery: string, token: string): Promise<{ status: number; hash: string; bytes: number }> {
  const req = http.request(`${r.httpUrl}${pathAndQuery}`, { headers: { authorization: authorizationHeader(token) } });
  req.end();
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  const hasher = crypto.createHash('sha256');
  let bytes = 0;
  for await (const p of res) {
    hasher.update(p as Buffer);
    bytes += (p as Buffer).length;
  }
  return { status: res.statusCode ?? 0, hash: hasher.digest('hex'), bytes };
}

/** Resident memory of a process, bytes (from /proc). */
function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) * 1024;
}

/** Runs `fn`, sampling the relay's RSS every 10 ms: the peak above the RSS before, bytes. */
export async function peakRssGrowth<T>(r: RelayProcess, fn: () => Promise<T>): Promise<{ result: T; growth: number; baseline: number }> {
  const pid = r.proc.pid!;
  const baseline = rssOf(pid);
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
  try {
    const result = await fn();
    peak = Math.max(peak, rssOf(pid));
    return { result, growth: peak - baseline, baseline };
  } finally {
    clearInterval(timer);
  }
}

