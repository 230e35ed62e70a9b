/**
 * WebSocket close codes of the collaboration endpoint. The 44xx codes mirror HTTP statuses and are
 * final, as the stock y-websocket provider (3.x) also treats them: reconnecting cannot help. Every
 * other code means "try again": the provider reconnects and its next sync sends what was missed.
 */
export const CloseCode = {
  /** The message could not be decoded or is not a y-websocket message we accept. */
  MalformedMessage: 1007,
  /** No y-websocket message soon after connecting: not a y-websocket client, or a stalled one. */
  Idle: 1008,
  /** A frame above the server's size limit (sent by `ws` itself when maxPayload is exceeded). */
  MessageTooBig: 1009,
  /** The server could not store an update; reconnecting resends it. */
  StorageFailure: 1011,
  /** No credentials, or a token the server does not know. */
  Unauthorized: 4401,
  /** The caller may not do what the message asks, or their link was revoked. */
  Forbidden: 4403,
  /**
   * The peer stopped reading: more than the limit waits in the server's send buffer for it. A
   * reconnect starts over with one sync instead of an ever-growing backlog.
   */
  TooSlow: 1013,
  /** No resolution with this id. */
  NotFound: 4404,
  /** The change would take the document past its size cap; it was not applied, stored or relayed. */
  DocumentTooLarge: 4413,
} as const

/**
 * Close codes after which reconnecting cannot help. 1009 is one too: the provider would resend the
 * same oversized change on every reconnect, for ever.
 */
export const FINAL_CLOSE_CODES: readonly number[] = [
  CloseCode.NotFound,
  CloseCode.Forbidden,
  CloseCode.Unauthorized,
  CloseCode.DocumentTooLarge,
  CloseCode.MessageTooBig,
]

/** Close codes that mean the change was too large for the resolution, not that access ended. */
export const TOO_LARGE_CLOSE_CODES: readonly number[] = [CloseCode.DocumentTooLarge, CloseCode.MessageTooBig]

/** Largest WebSocket frame the server accepts (bytes). A whole 300-paragraph resolution is ~300 KB. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024
