/**
 * Main's own calls to the data service (issue 13: files the user picked in main's native dialog
 * are added by main, so the page never names a path). Main opens a MessagePort to the service like
 * a window does and speaks the same RPC frames (shared/protocol/frames.ts) over it: the service
 * validates and authorises each call exactly as it does a window's.
 *
 * Typed structurally (the port is Electron's MessagePortMain), so tests drive it with a real
 * data service over Node's MessageChannel.
 */
import { FRAME, decodeFrame, encodeFrame } from '../../shared/protocol/frames';
import { portTransport, type PortLike } from '../../shared/protocol/port-transport';
import type { RpcMethod, RpcParams, RpcResult } from '../../shared/rpc/contract';
import { NestError, type ErrorInfo, ERROR_CODES } from '../../shared/errors';

/** The part of Electron's MessagePortMain a call uses. */
export interface CallPort extends PortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** A connection of main to the data service for a few calls; close it when done. */
export interface ServiceCaller {
  call<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResult<M>>;
  close(): void;
}

/**
 * Wraps `port` (whose other end was handed to the data service) as a caller.
 * A call rejects with the service's NestError (code, catalogue id and values kept), or with
 * NestError('internal') when the port closes before the answer.
 */
export function serviceCaller(port: CallPort): ServiceCaller {
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const transport = portTransport(port, (onData, onClose) => {
    port.on('message', (e) => onData(e.data));
    port.on('close', onClose);
  });
  transport.onmessage = (bytes) => {
    const f = decodeFrame(bytes);
    if (f.type !== FRAME.RPC_RESPONSE) return;
    const p = pending.get(f.id);
    if (!p) return;
    pending.delete(f.id);
    if (f.ok) p.resolve(f.body);
    else p.reject(toError(f.body as ErrorInfo));
  };
  transport.onclose = () => {
    for (const p of pending.values()) p.reject(new NestError('internal', 'the data service closed the connection'));
    pending.clear();
  };
  return {
    call(method, params) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        transport.postMessage(encodeFrame({ type: FRAME.RPC_REQUEST, id, method, params }));
      });
    },
    close: () => transport.close(),
  };
}

function toError(info: ErrorInfo): NestError {
  const code = (ERROR_CODES as readonly string[]).includes(info?.code) ? info.code : 'internal';
  return info?.messageId ? new NestError(code, { id: info.messageId, ...(info.values ? { values: info.values } : {}) }, info.issues) : new NestError(code, String(info?.message ?? 'error'));
}
