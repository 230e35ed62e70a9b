/**
 * WebSocket close codes of the collaboration endpoint. The 44xx codes mirror HTTP statuses so a
 * client can tell "gone for good" (stop reconnecting) from "try again".
 */
export const CloseCode = {
  /** The message could not be decoded or is not a y-websocket message we accept. */
  MalformedMessage: 1007,
  /** A frame above the server's size limit (sent by `ws` itself when maxPayload is exceeded). */
  MessageTooBig: 1009,
  /** The server could not store an update; reconnecting resends it. */
  StorageFailure: 1011,
  /** No credentials, or a token the server does not know. */
  Unauthorized: 4401,
  /** The caller may not do what the message asks, or their link was revoked. */
  Forbidden: 4403,
  /** No resolution with this id. */
  NotFound: 4404,
} as const

/** Close codes after which reconnecting cannot help. */
export const FINAL_CLOSE_CODES: readonly number[] = [CloseCode.NotFound, CloseCode.Forbidden, CloseCode.Unauthorized]

/** Largest WebSocket frame the server accepts (bytes). A whole 300-paragraph resolution is ~300 KB. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024
