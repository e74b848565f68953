// A static file server on 127.0.0.1 with an ephemeral port: serves the release build
// (dist/) exactly as built, with the right MIME type for .wasm. Loopback only.
//
// Options, for the embedding journeys:
// - `mounts`: extra directories by URL prefix (`{ '/hosts/': 'tests/hosts' }`), so the
//   clinic host pages load the same `/afterglow.js` a clinic would.
// - `vars`: `{{NAME}}` placeholders replaced in served HTML (another server's origin,
//   known only once it listens); the object may be filled in after start.
// - `headers(pathname)`: extra response headers (the iframe option's frame-ancestors).
// - `served`: every path this server answered, in order (the offline journeys count what
//   a second visit asks of the network).
// - `compress`: the benchmark's slow-network runs: every file sent brotli (level 11, as a
//   server would precompress) or gzip, whichever the browser accepts, so what crosses the
//   emulated network is what a patient would download. `encodings` counts what was sent.
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

function locate(base, mounts, pathname) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (pathname.startsWith(prefix)) return [resolve(dir), pathname.slice(prefix.length)];
  }
  return [base, pathname];
}

/** Serves `root` until `close()`; resolves to `{ url, close }`. */
export async function startServer(root, { mounts = {}, vars = {}, headers = () => ({}), compress = false } = {}) {
  const base = resolve(root);
  const packed = new Map();
  const encodings = {};
  const served = [];
  const pack = (file, body, accepted) => {
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    encodings[encoding ?? 'identity'] = (encodings[encoding ?? 'identity'] ?? 0) + 1;
    if (!encoding) return [null, body];
    const key = `${encoding} ${file}`;
    if (!packed.has(key)) {
      packed.set(key, encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
    }
    return [encoding, packed.get(key)];
  };
  const server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      served.push(pathname);
      const [dir, path] = locate(base, mounts, pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (extname(file) === '.html') {
        body = body.toString('utf8').replace(/\{\{([A-Z_]+)\}\}/g, (m, name) => vars[name] ?? m);
      }
      let encoding = null;
      if (compress) [encoding, body] = pack(file, Buffer.from(body), req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        'cache-control': 'no-store',
        ...headers(pathname),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, encodings, served, close: () => new Promise((ok) => server.close(ok)) };
}
