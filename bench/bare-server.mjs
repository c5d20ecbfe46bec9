// The ceiling of the benchmark: a bare node:http server that answers every
// request with the same bytes and Content-Type, and nothing else.
//
//   node bench/bare-server.mjs <body-file> <content-type> <port>
//
// Prints "ready <port>" once listening.
import fs from "node:fs";
import http from "node:http";

const [file, contentType, port] = process.argv.slice(2);
if (!file || !contentType || !port) {
	process.stderr.write("usage: node bench/bare-server.mjs <body-file> <content-type> <port>\n");
	process.exit(2);
}
const body = fs.readFileSync(file);
const length = String(body.length);

const server = http.createServer((_request, response) => {
	response.writeHead(200, { "content-type": contentType, "content-length": length });
	response.end(body);
});
server.listen(Number(port), "127.0.0.1", () => {
	process.stdout.write(`ready ${port}\n`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
