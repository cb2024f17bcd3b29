import { z } from 'zod';
import type { MessageKey } from '../../shared/i18n';
import { USER_ROLES, type UserRole } from './roles';
import { AUDIO_ENDPOINT_PATTERN, USERNAME_PATTERN } from './user';

/** zod messages are i18n keys, so the page shows each error in its own language next to its field. */
const message = (key: MessageKey) => key;

const username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, message('authErrUsername'));
const displayName = z
	.string()
	.trim()
	.min(1, message('authErrDisplayName'))
	.max(100, message('authErrDisplayName'));
const role = z.enum(USER_ROLES, { error: message('authErrRole') });
const password = z.string().min(10, message('authErrPassword')).max(256, message('authErrPassword'));
const audioEndpoint = z
	.string()
	.trim()
	.transform((value) => (value === '' ? null : value))
	.pipe(z.string().regex(AUDIO_ENDPOINT_PATTERN, message('authErrAudioEndpoint')).nullable());
const teams = z.array(z.string().min(1));

const profile = { displayName, role, teams, audioEndpoint };
const CreateForm = z.object({ username, password, ...profile });
const UpdateForm = z.object(profile);
const PasswordForm = z.object({ password });

export type UserField = 'username' | 'password' | 'displayName' | 'role' | 'teams' | 'audioEndpoint';
export type FieldErrors = Partial<Record<UserField, MessageKey>>;
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function fields(form: FormData): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		username: text('username'),
		password: text('password'),
		displayName: text('displayName'),
		role: text('role'),
		audioEndpoint: text('audioEndpoint'),
		teams: form.getAll('teams').filter((t): t is string => typeof t === 'string')
	};
}

function parse<T extends { role?: UserRole; teams?: string[] } | { password: string }>(
	schema: z.ZodType<T>,
	form: FormData,
	knownTeams: readonly string[]
): FormResult<T> {
	const result = schema.safeParse(fields(form));
	const errors: FieldErrors = {};
	if (!result.success) {
		for (const issue of result.error.issues) {
			const field = issue.path[0] as UserField;
			errors[field] ??= issue.message as MessageKey;
		}
		return { ok: false, errors };
	}
	const value = result.data;
	// Teams only mean something for supervisors, who must have one: an empty console helps nobody.
	if ('teams' in value && value.teams) {
		if (value.teams.some((team) => !knownTeams.includes(team))) errors.teams = 'authErrTeams';
		else if (value.role === 'supervisor' && value.teams.length === 0) errors.teams = 'authErrSupervisorTeams';
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

export type CreateUserInput = z.infer<typeof CreateForm>;
export type UpdateUserInput = z.infer<typeof UpdateForm>;

export const parseCreateForm = (form: FormData, knownTeams: readonly string[]) =>
	parse(CreateForm, form, knownTeams);
export const parseUpdateForm = (form: FormData, knownTeams: readonly string[]) =>
	parse(UpdateForm, form, knownTeams);
export const parsePasswordForm = (form: FormData) => parse(PasswordForm, form, []);

/** What the form showed, to refill it after an error (never the password). */
export function echoFields(form: FormData): Record<string, unknown> {
	const { password: _password, ...rest } = fields(form);
	return rest;
}
