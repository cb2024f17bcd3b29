import { backoffDelayMs } from '$lib/client/backoff';
import type { TeamData, TeamFrame } from '$lib/shared/protocol/team-frames';
import { teamView } from '$lib/shared/protocol/team-frames';
import { applyTeamPatch } from './team-rows';

type Status = 'connecting' | 'live' | 'offline';

/**
 * The console's socket: subscribes to its teams' views and keeps their pictures. A patch that does not
 * follow the last seq means a frame was missed, so the view is asked for again (a fresh snapshot).
 */
export class TeamConnection {
	teams = $state.raw<Record<string, TeamData>>({});
	status = $state<Status>('connecting');
	/** Server clock minus this browser's, from the last frame: durations tick on the server's time. */
	serverOffsetMs = $state(0);
	errors = $state.raw<string[]>([]);
	readonly #teamIds: () => string[];
	/** Last seq applied per team; plain data, not UI state. */
	readonly #seqs: Record<string, number> = {};
	#ws: WebSocket | null = null;
	#attempt = 0;
	#stopped = false;
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(teamIds: () => string[]) {
		this.#teamIds = teamIds;
	}

	start(): void {
		this.#stopped = false;
		this.#connect();
	}

	stop(): void {
		this.#stopped = true;
		if (this.#timer) clearTimeout(this.#timer);
		this.#ws?.close();
	}

	#connect(): void {
		const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
		const ws = new WebSocket(url);
		this.#ws = ws;
		this.status = 'connecting';
		ws.onopen = () => {
			this.#attempt = 0;
			for (const teamId of this.#teamIds()) this.#subscribe(teamId);
		};
		ws.onmessage = (event) => this.#onFrame(String(event.data));
		ws.onclose = () => {
			this.status = 'offline';
			if (this.#stopped) return;
			this.#timer = setTimeout(() => this.#connect(), backoffDelayMs(this.#attempt++, Math.random));
		};
	}

	#subscribe(teamId: string): void {
		this.#ws?.send(JSON.stringify({ type: 'subscribe.v1', view: teamView(teamId) }));
	}

	#onFrame(text: string): void {
		let frame: TeamFrame | { type: string; message?: string; freshness?: { serverNowMs: number } };
		try {
			frame = JSON.parse(text);
		} catch {
			return;
		}
		if ('freshness' in frame && frame.freshness)
			this.serverOffsetMs = frame.freshness.serverNowMs - Date.now();
		if (frame.type === 'error.v1') {
			this.errors = [...this.errors, (frame as { message?: string }).message ?? 'error'].slice(-5);
			return;
		}
		if (frame.type !== 'team.snapshot.v1' && frame.type !== 'team.patch.v1') return;
		const team = frame as TeamFrame;
		const teamId = team.view.slice('team:'.length);
		if (team.type === 'team.snapshot.v1') {
			this.#seqs[teamId] = team.seq;
			this.teams = { ...this.teams, [teamId]: team.data };
			this.status = 'live';
			return;
		}
		const current = this.teams[teamId];
		if (!current || this.#seqs[teamId] !== team.seq - 1) {
			this.#subscribe(teamId);
			return;
		}
		this.#seqs[teamId] = team.seq;
		this.teams = { ...this.teams, [teamId]: applyTeamPatch(current, team.data) };
	}
}
