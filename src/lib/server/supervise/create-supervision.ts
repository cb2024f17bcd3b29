import type { Bus, ChannelNames } from '../bus/bus';
import type { Floor } from '../live/floor-state';
import type { Logger } from '../util/logger';
import { AuditLog } from './audit-log';
import { CommandTracker } from './command-tracker';
import { SuperviseService } from './supervise-service';

export interface Supervision {
	tracker: CommandTracker;
	audit: AuditLog;
	service: SuperviseService;
}

/** The supervise layer over the runtime's bus and floor; ingest feeds `tracker.settle` the results. */
export function createSupervision(options: {
	bus: Bus;
	names: ChannelNames;
	prefix: string;
	floor: Floor;
	timeoutMs: number;
	logger: Logger;
}): Supervision {
	const { bus, floor, logger } = options;
	const tracker = new CommandTracker({ clock: () => Date.now(), timeoutMs: options.timeoutMs });
	const audit = new AuditLog({ bus, prefix: options.prefix, logger });
	const service = new SuperviseService({
		bus,
		commandChannel: options.names.command,
		tracker,
		audit,
		clock: () => Date.now(),
		agentTeam: (agentId) => floor.agents.get(agentId)?.teamId ?? null,
		floorSession: (sessionId) => floor.supervisions.get(sessionId) ?? null,
		logger
	});
	return { tracker, audit, service };
}
