import type { FastifyReply } from "fastify";

/**
 * A signal that aborts when the client hangs up before its answer is sent:
 * work still waiting for its turn (a search in a flood) can leave the queue.
 */
export function hangUpSignal(reply: FastifyReply): AbortSignal {
	const left = new AbortController();
	reply.raw.once("close", () => {
		if (!reply.raw.writableFinished) left.abort();
	});
	return left.signal;
}

/** Whether `error` is work dropped because its client hung up: there is no one left to answer. */
export function clientGone(error: unknown, reply: FastifyReply): boolean {
	return error instanceof Error && error.name === "AbortError" && reply.raw.destroyed;
}
