import net from "node:net";

/** A TCP relay to PostgreSQL that can drop every connection and refuse new ones, then come back on the same port. */
export class Relay {
	private server: net.Server | undefined;
	private readonly sockets = new Set<net.Socket>();

	constructor(
		readonly port: number,
		private readonly target: { host: string; port: number },
	) {}

	async open(): Promise<void> {
		const server = net.createServer((client) => {
			const upstream = net.connect(this.target.port, this.target.host);
			for (const socket of [client, upstream]) {
				this.sockets.add(socket);
				socket.on("close", () => this.sockets.delete(socket));
				socket.on("error", () => socket.destroy());
			}
			client.pipe(upstream).pipe(client);
		});
		await new Promise<void>((resolve, reject) => {
			server.once("error", reject);
			server.listen(this.port, "127.0.0.1", () => resolve());
		});
		this.server = server;
	}

	async cut(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	}
}
