/** English sentences of the wire protocols' errors (`protocol.*`): renderer frames and relay messages. */
export const protocolMessages = {
  'protocol.frame.too-large': 'frame of {bytes, number, ::group-off} bytes exceeds {max, number, ::group-off}',
  'protocol.frame.unknown-type': 'unknown frame type {type}',
  'protocol.frame.trailing': 'frame type {type} has trailing bytes',
  'protocol.frame.malformed': 'malformed frame: {detail}',
  'protocol.relay.unknown-sync-type': 'unknown sync message type {type}',
  'protocol.relay.unknown-type': 'unknown message type {type}',
  'protocol.relay.truncated': 'truncated message or bad varint',
  'protocol.relay.bad-stored-snapshot': 'malformed stored-state snapshot',
  'protocol.relay.unknown-auth-type': 'unknown auth message type {type}',
  'protocol.relay.unexpected': 'unexpected {kind} message',
  'protocol.relay.bad-awareness': 'malformed awareness update',
} as const;
