/** WebSocket close codes shared by server and client, so each side knows what the other meant. */
export const CloseCode = {
	/** Normal shutdown (server restarting): reconnect with backoff. */
	goingAway: 1001,
	/** The client sent something it should not; reconnecting won't help until it is fixed. */
	badRequest: 4400,
	/** Not authenticated: re-pair this screen or log in again. */
	unauthorized: 4401,
	/** Authenticated but not allowed to see that view. */
	forbidden: 4403,
	/** The client's protocol is too old: reload the page. */
	clientTooOld: 4409,
	/** Too many connections or subscriptions from this client. */
	tooMany: 4429
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
