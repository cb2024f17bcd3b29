import { calcPage } from '$lib/server/staffing/calc-page';
import type { PageServerLoad } from './$types';

/** The calculator's figures, computed here by the same code as `GET /api/v1/staffing/calc`. */
export const load: PageServerLoad = ({ url }) => calcPage(url.searchParams);
