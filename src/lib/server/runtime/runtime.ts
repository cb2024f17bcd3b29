import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CentreSetup } from '../../shared/centre/setup';
import type { BoardData, BoardInfo, Freshness } from '../../shared/protocol/frames';
import { channelNames, type Bus } from '../bus/bus';
import { MemoryBus } from '../bus/memory-bus';
import { RedisBus } from '../bus/redis-bus';
import { loadConfig, type ServerConfig } from '../config';
import { Ingest } from '../ingest/ingest';
import { applyEvent, createFloor, type Floor } from '../live/floor';
import { localDayStartMs } from '../live/day-window';
import { CloseCode } from '../../shared/protocol/close-codes';
import { RealtimeHub } from '../realtime/hub';
import { AlertActionStore } from '../alerts/action-store';
import { AlertService } from '../alerts/alert-service';
import { startAlertTimer } from '../alerts/alert-timer';
import { boardAlertFeed } from '../alerts/board-feed';
import { SettingsStore } from '../settings/store';
import { consoleLogger, type Logger } from '../util/logger';
import { createSimulation } from '../../sim/simulation';
import { runSimulator, type RunningSimulator } from '../../sim/shell';
import { boardsOf } from './boards';
import { BoardService } from '../boards/board-service';
import { createRuntimeHistory, type RuntimeHistory } from '../history/runtime-history';
import { createSupervision, type Supervision } from '../supervise/create-supervision';
import { commandTimeoutMs } from '../supervise/timeout-setting';
import { teamData } from '../supervise/team-data';
import { can } from '../auth/permissions';
import { getAuth } from '../auth/instance';
import { allowedOrigins } from '../auth/origin';
import { identifyUpgrade, readCookie, type UpgradeIdentity } from '../auth/upgrade-auth';
import { DEVICE_COOKIE } from '../devices/cookie';
import { deviceActor } from '../devices/device-store';
import { startDeviceWatch } from '../devices/device-watch';
import { getDevices } from '../devices/instance';

/** Process-wide key of the live runtime: dev's Vite loader, the production entry and Kit's bundle share it. */
export const RUNTIME_KEY = Symbol.for('cc-wallboard.runtime');

export interface Runtime {
	readonly config: ServerConfig;
	readonly setup: CentreSetup;
	readonly timeZone: string;
	readonly mode: 'redis' | 'embedded';
	readonly bus: Bus;
	readonly floor: Floor;
	readonly ingest: Ingest;
	readonly hub: RealtimeHub;
	/** Alerts of the floor, evaluated every second; changes go to the hub. */
	readonly alerts: AlertService;
	/** Targets, thresholds and limits: the set-up's, overridden at run time through the settings API. */
	readonly settings: SettingsStore;
	/** Stored, versioned boards and what TVs are sent for them. */
	readonly boardService: BoardService;
	/** Interval history: the live floor's intervals as they close, and the store reports read. */
	readonly history: RuntimeHistory;
	/** Supervision commands out, results in, and the audit trail. */
	readonly supervision: Supervision;
	readonly startedAtMs: number;
	/** The floor's clock: wall time, or simulated time in the embedded mode. */
	clock(): number;
	boards(): BoardInfo[];
	boardData(boardId: string): BoardData | null;
	freshness(): Freshness;
	/** Bus connected and the first catch-up done. */
	ready(): boolean;
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	stop(): Promise<void>;
}

type Registry = Record<symbol, Runtime | undefined>;

/** The one live runtime of this process, started on first use. */
export function getRuntime(options: { buildId?: string } = {}): Runtime {
	const registry = globalThis as unknown as Registry;
	let runtime = registry[RUNTIME_KEY];
	if (!runtime) {
		runtime = startRuntime(
			loadConfig(process.env, () => randomBytes(18).toString('base64url')),
			{
				buildId: options.buildId ?? 'dev',
				logger: consoleLogger('runtime')
			}
		);
		registry[RUNTIME_KEY] = runtime;
		installShutdown(runtime);
	}
	return runtime;
}

export function startRuntime(config: ServerConfig, deps: { buildId: string; logger: Logger }): Runtime {
	const { env, setup } = config;
	const { logger } = deps;
	const timeZone = env.TZ_CENTRE;
	const names = channelNames(env.CC_PREFIX);
	const bus: Bus = env.REDIS_URL
		? new RedisBus(env.REDIS_URL, { pubsub: env.REDIS_PUBSUB })
		: new MemoryBus();
	const floor = createFloor(setup, { timeZone, limits: { maxAheadMs: env.EVENT_MAX_AHEAD_MS } });
	const settings = new SettingsStore({
		bus,
		prefix: env.CC_PREFIX,
		setup,
		floor,
		logger: consoleLogger('settings')
	});
	let simulator: RunningSimulator | null = null;
	const clock = () => (simulator ? simulator.now() : Date.now());
	// Acknowledgements and snoozes live in Redis, so every replica and a restarted one agree on them.
	const alertLogger = consoleLogger('alerts');
	const alertActions = new AlertActionStore({ bus, prefix: env.CC_PREFIX, clock, logger: alertLogger });
	const alerts = new AlertService({ floor, clock, actions: alertActions, logger: alertLogger });
	settings.onAlertInputs((inputs) => alerts.configureFrom(inputs));
	const history = createRuntimeHistory(config, floor, clock);

	const supervision = createSupervision({
		bus,
		names,
		prefix: env.CC_PREFIX,
		floor,
		timeoutMs: commandTimeoutMs(process.env.COMMAND_TIMEOUT_MS),
		logger: consoleLogger('supervise'),
		// Asked only once the runtime exists (a team view is built): this runtime's Auth, as `identify` uses.
		users: () => getAuth(self).users
	});

	const ingest = new Ingest({
		onCommandResult: (result) => supervision.tracker.settle(result),
		bus,
		names,
		clock: () => Date.now(),
		logger: consoleLogger('ingest'),
		replayFromMs: () => localDayStartMs(clock(), timeZone) - 12 * 3600_000,
		apply: (events) => {
			const now = clock();
			for (const event of events) {
				// Before the event: an interval it ends is read as the floor stood at its last instant.
				history.live.beforeEvent(event.ts);
				applyEvent(floor, event, now);
				alerts.observe(event);
			}
		}
	});

	const boardService = new BoardService({
		bus,
		prefix: env.CC_PREFIX,
		setup,
		setupBoards: boardsOf(setup),
		floor,
		clock,
		timeZone,
		logger: consoleLogger('boards')
	});

	const staleBounds = { minMs: env.STALE_MIN_SEC * 1000, maxMs: env.STALE_MAX_SEC * 1000 };
	const freshness = (): Freshness => ({
		asOfMs: floor.lastEventTs,
		serverNowMs: clock(),
		busConnected: bus.status().connected,
		gapOpen: ingest.gapOpen,
		lastReceiveMs:
			ingest.stats.lastReceiveMs === null ? null : ingest.stats.lastReceiveMs + (clock() - Date.now()),
		staleAfterMs: ingest.arrivals.staleAfterMs(Date.now(), staleBounds)
	});

	const boardData = (boardId: string): BoardData | null => boardService.data(boardId);

	const hub = new RealtimeHub({
		boardData,
		freshness,
		allowedOrigins: [env.ORIGIN, ...(env.WS_ORIGINS?.split(',') ?? [])].flatMap((o) =>
			o?.trim() ? [o.trim()] : []
		),
		buildId: deps.buildId,
		clock,
		logger: consoleLogger('realtime'),
		limits: { tickMs: env.WS_TICK_MS },
		alerts: boardAlertFeed(boardService.alertBoards, alerts),
		// This runtime's Auth, not getRuntime()'s: a runtime started directly (tests) must not start another.
		identify: async (req): Promise<UpgradeIdentity> => {
			const identity = await identifyUpgrade(getAuth(self), req, allowedOrigins(env));
			if (!identity.ok || identity.actor) return identity;
			// No account: perhaps a paired TV. A dead token (revoked, perhaps while this socket was down) is
			// refused with 4401, so the TV goes back to pairing instead of showing its board anonymously.
			const token = readCookie(req.headers.cookie, DEVICE_COOKIE);
			if (!token) return identity;
			const devices = getDevices(self);
			const device = await devices.byToken(token);
			if (!device)
				return { ...identity, refuse: { code: CloseCode.unauthorized, reason: 're-pair this screen' } };
			devices.touch(device.id, { seenMs: Date.now() }).catch(() => undefined);
			return { ok: true, user: null, actor: deviceActor(device) };
		},
		anonymousBoards: !env.WALL_REQUIRE_PAIRING,
		teams: {
			authorize: (actor, teamId) => can(actor, 'team.read', { team: teamId }),
			data: (teamId) =>
				teamData(
					{
						floor,
						activeAlerts: () => alerts.list(),
						clock,
						monitorName: (id) => supervision.monitorNames.nameOf(id)
					},
					teamId
				)
		}
	});

	ingest.start();
	history.live.start(clock, () => ingest.ready);
	settings.start().catch((err: unknown) => logger.error('settings not loaded', { error: String(err) }));
	hub.start();
	boardService.start();
	alerts.onChanges((changes) => hub.publishAlerts(changes));
	alerts.start().catch((err: unknown) => logger.error('alert actions not loaded', { error: String(err) }));
	const stopAlerts = startAlertTimer(alerts, alertLogger);
	if (config.mode === 'embedded') {
		const simulation = createSimulation({
			setup,
			agents: env.SIM_AGENTS,
			seed: env.SIM_SEED,
			source: 'sim',
			startMs: Date.now(),
			timeZone
		});
		simulator = runSimulator({
			bus,
			prefix: env.CC_PREFIX,
			simulation,
			speed: env.SIM_SPEED,
			writeLog: true
		});
		logger.info('embedded mode: simulated centre on an in-process bus (set REDIS_URL to use Redis)', {
			agents: env.SIM_AGENTS,
			speed: env.SIM_SPEED
		});
	} else {
		logger.info('redis mode', { prefix: env.CC_PREFIX });
	}
	if (config.apiTokensGenerated) {
		logger.info(`no API_TOKENS set; API token for this run: ${config.apiTokens[0]}`);
	}

	const startedAtMs = Date.now();
	let stopping: Promise<void> | null = null;
	const self: Runtime = {
		config,
		setup,
		timeZone,
		mode: config.mode,
		bus,
		floor,
		ingest,
		hub,
		alerts,
		settings,
		boardService,
		history,
		supervision,
		startedAtMs,
		clock,
		boards: () => boardService.infos(),
		boardData,
		freshness,
		ready: () => ingest.ready && settings.loaded && boardService.store.loaded,
		handleUpgrade: (req, socket, head) => hub.handleUpgrade(req, socket, head),
		stop: () =>
			(stopping ??= (async () => {
				ingest.stop();
				stopAlerts();
				stopDeviceWatch();
				alerts.stop();
				boardService.stop();
				await simulator?.stop();
				await hub.stop();
				supervision.tracker.abandonAll();
				await history.stop();
				await bus.close();
			})())
	};
	// Revokes and rebinds made on another replica reach this one's TVs within seconds.
	const stopDeviceWatch = startDeviceWatch(hub, getDevices(self), (err) =>
		logger.warn('device check failed', { error: String(err) })
	);
	return self;
}

function installShutdown(runtime: Runtime): void {
	const stop = () => {
		void runtime.stop().then(() => delete (globalThis as unknown as Registry)[RUNTIME_KEY]);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}
