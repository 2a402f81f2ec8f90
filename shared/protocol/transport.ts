/**
 * The one transport interface between a renderer and the data service. Two small adapters
 * implement it on each side: MessagePort (Electron) and WebSocket (browser mode).
 */

/** A bidirectional, ordered, message-oriented channel of binary frames. */
export interface Transport {
  /** Sends one frame. Frames sent after close are dropped silently. */
  postMessage(frame: Uint8Array): void;
  /** Sets the handler for incoming frames (one handler; setting replaces). */
  onmessage: ((frame: Uint8Array) => void) | null;
  /** Sets the handler called once when the channel closes from either side. */
  onclose: (() => void) | null;
  /** Closes the channel. */
  close(): void;
}
