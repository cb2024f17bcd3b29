// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Actor } from '$lib/server/auth/roles';
import type { PublicUser } from '$lib/server/auth/user';

declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** The signed-in account, set by the `authenticate` hook; null when anonymous. */
			user: PublicUser | null;
			/** The same account as permissions see it: ask `can(locals.actor, action, subject)`. */
			actor: Actor | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
