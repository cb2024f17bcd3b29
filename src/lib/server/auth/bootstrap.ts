import { randomBytes } from 'node:crypto';
import type { Logger } from '../util/logger';
import { UsernameTakenError, type UserStore } from './user-store';

export interface BootstrapOptions {
	username: string | undefined;
	password: string | undefined;
	mode: 'redis' | 'embedded';
	logger: Logger;
	randomPassword?: () => string;
}

export type BootstrapOutcome = 'exists' | 'created' | 'generated' | 'none';

/**
 * Creates the first admin, only while the store holds no users at all: restarting with the variables
 * still set never resets a password an admin has since changed. In the embedded demo, with no variables,
 * the password is made up and printed once, like the API token; with Redis an operator must choose one.
 */
export async function bootstrapAdmin(users: UserStore, options: BootstrapOptions): Promise<BootstrapOutcome> {
	if (!(await users.isEmpty())) return 'exists';
	const username = options.username ?? 'admin';
	let password = options.password;
	const generated = password === undefined && options.mode === 'embedded';
	if (generated) password = (options.randomPassword ?? (() => randomBytes(12).toString('base64url')))();
	if (password === undefined) {
		options.logger.warn(
			'no users yet and ADMIN_PASSWORD is not set: set ADMIN_USERNAME and ADMIN_PASSWORD, then restart'
		);
		return 'none';
	}
	try {
		await users.create({ username, displayName: username, role: 'admin', password });
	} catch (err) {
		// Another replica bootstrapped the same name a moment ago: its admin stands.
		if (err instanceof UsernameTakenError) return 'exists';
		throw err;
	}
	if (generated)
		options.logger.info(`no ADMIN_PASSWORD set; sign in as "${username}" with password: ${password}`);
	else options.logger.info(`created the first admin "${username}" from ADMIN_USERNAME / ADMIN_PASSWORD`);
	return generated ? 'generated' : 'created';
}
