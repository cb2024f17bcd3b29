/** Input checks shared by the models: a wrong unit or a NaN must fail loudly, not staff a floor. */

export function assertAgents(agents: number): void {
	if (!Number.isInteger(agents) || agents < 0) {
		throw new RangeError(`agents must be a whole number ≥ 0, got ${agents}`);
	}
}

export function assertNonNegative(name: string, value: number): void {
	if (!Number.isFinite(value) || value < 0)
		throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
}

export function assertPositive(name: string, value: number): void {
	if (!Number.isFinite(value) || value <= 0)
		throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
}
