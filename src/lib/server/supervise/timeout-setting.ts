import { ConfigError } from '../config';

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

/**
 * `COMMAND_TIMEOUT_MS`: how long a command waits for its result before it is shown as failed. Checked
 * at start-up, so a typo stops the server instead of making every command fail at once.
 */
export function commandTimeoutMs(raw: string | undefined): number {
	if (raw === undefined || raw.trim() === '') return DEFAULT_COMMAND_TIMEOUT_MS;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 100 || value > 120_000) {
		throw new ConfigError(
			`COMMAND_TIMEOUT_MS must be a whole number of ms from 100 to 120000 (got "${raw}")`
		);
	}
	return value;
}
