import { getRuntime } from '$lib/server/runtime/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ boards: getRuntime().boards() });
