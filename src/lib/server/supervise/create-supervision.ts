import type { UserStore } from '../auth/user-store';
import type { Bus, ChannelNames } from '../bus/bus';
import type { Floor } from '../live/floor-state';
import type { Logger } from '../util/logger';
import { AuditLog } from './audit-log';
import { CommandTracker } from './command-tracker';
import { lookupDisplayNames, MonitorNames } from './monitor-names';
import { SuperviseService } from './supervise-service';

export interface Supervision {
	tracker: CommandTracker;
	audit: AuditLog;
	service: SuperviseService;
	/** Live display names of the supervisors in sessions, for the team views' "monitoring". */
	monitorNames: MonitorNames;
}

/** The supervise layer over the runtime's bus and floor; ingest feeds `tracker.settle` the results. */
export function createSupervision(options: {
	bus: Bus;
	names: ChannelNames;
	prefix: string;
	floor: Floor;
	timeoutMs: number;
	logger: Logger;
	/** The user store, asked for display names; a function because the store is made after the runtime. */
	users?: () => Pick<UserStore, 'findByUsername'>;
}): Supervision {
	const { bus, floor, logger, users } = options;
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
	const monitorNames = new MonitorNames({
		lookup: async (usernames) => (users ? lookupDisplayNames(users(), usernames) : {}),
		clock: () => Date.now(),
		logger
	});
	return { tracker, audit, service, monitorNames };
}
