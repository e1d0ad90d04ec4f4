// Serves the production build (build/, the adapter-static output) as a static host would:
// files as they are, and the SPA shell (index.html) for any other path. Used by `npm start`, the
// end-to-end tests and the benchmarks, so they all run exactly what gets deployed. Text files are
// gzipped when the client accepts it, as every static host does (Lighthouse measures transfer).
//   node scripts/serve.mjs [--port 4173] [--host 127.0.0.1] [--dir build]
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(opt('port', process.env.PORT ?? 4173));
const host = opt('host', '127.0.0.1');
const root = path.resolve(opt('dir', process.env.TRAGT_BUILD_DIR || 'build'));

if (!existsSync(path.join(root, 'index.html'))) {
	console.error(`No build found in ${root}: run \`npm run build\` first.`);
	process.exit(1);
}

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm'
};

const COMPRESSIBLE = new Set([
	'.html',
	'.js',
	'.mjs',
	'.css',
	'.json',
	'.webmanifest',
	'.svg',
	'.txt'
]);
/** Gzipped files by path and modification time: each is compressed once, not per request. */
const gzipped = new Map();
function gzipOf(file) {
	const key = `${file}:${statSync(file).mtimeMs}`;
	let body = gzipped.get(key);
	if (!body) {
		body = gzipSync(readFileSync(file));
		gzipped.set(key, body);
	}
	return body;
}

const server = createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://x');
	let file = path.join(root, decodeURIComponent(url.pathname));
	if (!file.startsWith(root)) {
		res.writeHead(403).end();
		return;
	}
	if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
	let status = 200;
	if (!existsSync(file) || !statSync(file).isFile()) {
		// Assets that do not exist are 404s (a missing chunk must show as one); pages get the shell.
		if (path.extname(url.pathname) && !url.pathname.endsWith('.html')) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		file = path.join(root, 'index.html');
	}
	const immutable = url.pathname.startsWith('/_app/immutable/');
	const headers = {
		'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
		'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
		vary: 'accept-encoding'
	};
	const gzip =
		COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
	if (gzip) {
		const body = gzipOf(file);
		res.writeHead(status, {
			...headers,
			'content-encoding': 'gzip',
			'content-length': body.length
		});
		res.end(req.method === 'HEAD' ? undefined : body);
		return;
	}
	res.writeHead(status, headers);
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	createReadStream(file).pipe(res);
});

server.listen(port, host, () => {
	console.log(`Tragt is running at http://${host}:${port}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
