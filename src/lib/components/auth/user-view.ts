import type { LocalizedName } from '$lib/shared/centre/setup';
import type { MessageKey } from '$lib/shared/i18n';

/** What the users page shows of an account (the server's record minus its secrets). */
export interface UserView {
	id: string;
	username: string;
	displayName: string;
	role: string;
	teams: readonly string[];
	audioEndpoint: string | null;
	disabled: boolean;
	updatedAtMs: number;
}

export interface TeamOption {
	teamId: string;
	name: LocalizedName;
}

/** Field errors as message keys, so they render in the page's language. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

export const ROLE_LABELS: Record<string, MessageKey> = {
	admin: 'roleAdmin',
	manager: 'roleManager',
	supervisor: 'roleSupervisor'
};
