import { forgetKeptSums, forgetOpenTotals } from './agent-figures';
import { forgetAgentTables } from './agent-table';
import { forgetColumns } from './floor-columns';
import type { Floor } from './floor-state';
import { forgetWindowParts } from './queue-figures';

/**
 * Drops everything the queries keep between calls (columns of the agents, the agent tables' closed
 * parts, each window's queue parts and the waiting figures, team ring sums), so the next query starts
 * from the floor alone: what a first tick after a start costs. Figures do not change; only the time to
 * compute them does.
 */
export function forgetFigureCaches(floor: Floor): void {
	forgetColumns(floor);
	forgetWindowParts(floor);
	forgetAgentTables(floor);
	forgetKeptSums(floor);
	forgetOpenTotals(floor);
}
