/**
 * Dense indexes for team ids, in the order first seen (teams are never removed): the team rows of the
 * agent accumulators and the figure columns are both by this index, so a query adds a period's team
 * rows to its own without a look-up per team.
 */
export class TeamIndex {
	readonly ids: string[] = [];
	readonly #byId = new Map<string, number>();

	/** The index of `teamId`, registering a team not seen before. */
	of(teamId: string): number {
		let index = this.#byId.get(teamId);
		if (index === undefined) {
			index = this.ids.length;
			this.ids.push(teamId);
			this.#byId.set(teamId, index);
		}
		return index;
	}
}
