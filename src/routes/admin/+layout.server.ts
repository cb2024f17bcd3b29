import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the admin bar; each page still checks its own permission. */
export const load: LayoutServerLoad = ({ locals }) => ({
	me: locals.user ? { displayName: locals.user.displayName } : null
});
