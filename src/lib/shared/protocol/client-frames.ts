import { z } from 'zod';

/** Inbound frames, validated by the server before anything else looks at them. */
export const SubscribeFrame = z.object({
	type: z.literal('subscribe.v1'),
	view: z.string().min(1).max(128),
	resumeFromSeq: z.number().int().min(0).optional()
});

export const UnsubscribeFrame = z.object({
	type: z.literal('unsubscribe.v1'),
	view: z.string().min(1).max(128)
});

export const ClientFrameSchema = z.discriminatedUnion('type', [SubscribeFrame, UnsubscribeFrame]);
