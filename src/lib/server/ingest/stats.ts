/** Counters of the inbound edge, exposed on /api/v1/ingest and /metrics. */
export class IngestStats {
	messagesReceived = 0;
	eventsReceived = 0;
	eventsApplied = 0;
	eventsFromLog = 0;
	duplicates = 0;
	sourceRestarts = 0;
	gapsDetected = 0;
	gapsRecovered = 0;
	gapsUnrecovered = 0;
	recoveries = 0;
	snapshotRequests = 0;
	disconnects = 0;
	applyErrors = 0;
	lastReceiveMs: number | null = null;
}
