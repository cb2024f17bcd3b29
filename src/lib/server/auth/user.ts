import { z } from 'zod';
import { USER_ROLES } from './roles';

/** Lower-case letters, digits and . _ @ -: what SSO proxies send and people can type on any keyboard. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
/** A PBX extension (digits) or a SIP URI: where listen / whisper audio is sent for this supervisor. */
export const AUDIO_ENDPOINT_PATTERN = /^(?:\d{2,15}|sips?:[^\s@]+@[^\s]+)$/;

/** A user as stored (JSON in the users hash); validated on every read so a bad record fails loudly. */
export const UserRecord = z.object({
	v: z.literal(1),
	id: z.string().min(1),
	username: z.string().regex(USERNAME_PATTERN),
	displayName: z.string().min(1).max(100),
	role: z.enum(USER_ROLES),
	/** Teams a supervisor may see and act on; ignored for admins and managers, who see all. */
	teams: z.array(z.string().min(1)).default([]),
	audioEndpoint: z.string().regex(AUDIO_ENDPOINT_PATTERN).nullable().default(null),
	disabled: z.boolean().default(false),
	passwordHash: z.string().min(1),
	/** Sessions begun before this are void: a password reset signs the account out everywhere. */
	passwordChangedAtMs: z.number().int(),
	createdAtMs: z.number().int(),
	updatedAtMs: z.number().int()
});
export type UserRecord = z.infer<typeof UserRecord>;

/** A user without the password hash: what routes, locals and pages get. */
export type PublicUser = Omit<UserRecord, 'passwordHash' | 'v'>;

export function toPublicUser(record: UserRecord): PublicUser {
	const { passwordHash: _hash, v: _v, ...rest } = record;
	return rest;
}

/** Folds case and surrounding space, so `Admin ` and `admin` are one account. */
export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}
