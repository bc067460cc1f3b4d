// node-headers-unavailable: node-gyp asked the dist URL for the headers (or node.lib, or the checksums) of the runtime
// version it targets, and the server answered 404/403: that version is not published there (a wrong --target, an
// Electron or fork version the URL does not serve, a mirror without it). Network failures are network-unreachable.
// A "-pre" Node (built from a source checkout) is the same cause, found before any download: node-gyp knows no URL
// for its headers and asks for --nodedir (the source tree) instead.

import { defineRule } from '../../../rule.js';

// Why a dist server lacks a version's files, said after the answer it gave.
const USUAL_REASONS =
  'Usual reasons: a `--target` (or npm_config_target) that names no released version, an Electron target built with ' +
  "Node's dist URL or the reverse, a fork or custom build of the runtime (castlabs Electron, a self-built Node) whose " +
  'headers live elsewhere, a pre-release or nightly, or a mirror (`disturl`, NODEJS_ORG_MIRROR) that does not carry it.';

/** The runtime version in a node-gyp dist URL: ".../v21.99.0/node-v21.99.0-headers.tar.gz", ".../headers/v9.3.0-wvvmp/...". */
const URL_VERSION = /\/v(?<version>\d+\.\d+\.\d+[\w.+-]{0,40})\//;

export default defineRule({
  id: 'node-headers-unavailable',
  title: 'The Node or Electron headers node-gyp needs are not published at its dist URL',
  summary: 'The dist server node-gyp downloads from has no headers for the runtime version it builds for (HTTP 404 or 403), or the runtime is a "-pre" build that none publishes.',
  category: 'toolchain',
  captures: {
    status: { type: 'integer', doc: 'the HTTP status the dist server answered (none for a "pre" Node, which node-gyp does not download for)', optional: true },
    url: { type: 'string', doc: 'the file node-gyp asked for', optional: true },
    targetVersion: { type: 'version', doc: 'the runtime version in that URL', optional: true },
  },
  internal: ['_status2', '_what', '_getUrl', '_getStatus', '_preNode'],
  patterns: [
    {
      id: 'gyp-response-downloading',
      // node-gyp >= 3 (lib/install.js): "gyp ERR! stack Error: 404 response downloading https://nodejs.org/.../node-v21.99.0-headers.tar.gz"
      source: 'node-gyp >= 3',
      literals: ['response downloading http'],
      re: /Error: (?<status>40[34]) response downloading (?<url>https?:\/\/\S{1,400})/,
      weight: 0.9,
    },
    {
      id: 'gyp-status-code-downloading',
      // node-gyp 0.x-2.x: "gyp ERR! stack Error: 403 status code downloading tarball" / "... downloading SHASUMS.txt"; every
      // version for the checksums and node.lib: "Error: 404  status code downloading checksum", "... downloading x64/node.lib"
      source: 'node-gyp',
      literals: ['status code downloading'],
      // node.lib's names its architecture: "... downloading 32-bit node.lib" / "64-bit iojs.lib" (node-gyp 0.x-6), "... downloading
      // x64 node.lib" / "arm64 node.lib" (node-gyp 7 and later)
      re: /Error: (?<_status2>40[34]) {1,2}status code downloading (?<_what>tarball|checksum|SHASUMS\d*\.txt|(?:(?:32|64)-bit |(?:x86|x64|ia32|arm64) )?[\w./-]{0,40}(?:node|iojs)\.lib)\b/,
      weight: 0.9,
    },
    {
      id: 'gyp-prerelease-node',
      // node-gyp 0.5 to 13 (lib/install.js), for a Node whose version has the "pre" tag (a build of a source checkout, which
      // nodejs.org never publishes): 'gyp ERR! stack Error: "pre" versions of node cannot be installed, use the --nodedir
      // flag instead' (before 1.0 as "gyp ERR! rebuild error Error: ..."). Not its verbose 'detected "pre" node version'
      // line, printed also when --nodedir was given and no download was needed.
      source: 'node-gyp 0.5-13 (lib/install.js)',
      literals: ['versions of node cannot be installed'],
      re: /"pre" versions of node cannot be installed/,
      weight: 0.9,
    },
    {
      id: 'gyp-node-version',
      // node-gyp's banner and trailer name the running Node ("gyp info using node@0.8.0-pre | linux | x64", "gyp ERR! node -v v5.0.0-pre")
      source: 'node-gyp',
      literals: ['gyp info using node@', 'gyp ERR! node -v '],
      re: /gyp (?:info using node@|ERR! node -v v)(?<_preNode>\d+\.\d+\.\d+-pre)\b/,
      weight: 0.05,
    },
    {
      id: 'gyp-http-status',
      // node-gyp's request log: "gyp http 404 https://electronjs.org/headers/v9.0.0/node-v9.0.0-headers.tar.gz"
      source: 'node-gyp',
      literals: ['gyp http 40'],
      re: /gyp http (?<_getStatus>40[34]) (?<_getUrl>https?:\/\/\S{1,400})/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    if (ctx.hits.some((h) => h.pattern === 'gyp-prerelease-node')) {
      const node = ctx.captures._preNode ? `Node.js ${ctx.captures._preNode}` : 'a Node.js';
      return {
        captures: {
          _story: `node-gyp builds for ${node} whose version carries the "pre" tag: a build of a source checkout, whose headers no dist server publishes, so node-gyp does not try to download any and asks for the source tree (--nodedir) instead.`,
        },
      };
    }
    const decisive = ctx.hits.find((h) => h.pattern === 'gyp-response-downloading' || h.pattern === 'gyp-status-code-downloading');
    if (!decisive) return null;
    const status = Number(decisive.captures.status ?? decisive.captures._status2);
    // the old wording names only the kind of file; the request log line before it has the URL
    const url = decisive.captures.url ?? ctx.hits.filter((h) => h.pattern === 'gyp-http-status' && h.line <= decisive.line).at(-1)?.captures._getUrl;
    const targetVersion = url ? URL_VERSION.exec(url)?.groups?.version : undefined;
    return {
      // a 403 is most often a missing object on S3-backed hosts, but a proxy's refusal prints the same
      confidence: status === 403 ? 0.75 : 0.9,
      captures: {
        status: String(status),
        ...(url ? { url } : {}),
        ...(targetVersion ? { targetVersion } : {}),
        _story:
          `The server answered ${status}${status === 403 ? ' (a 403 from nodejs.org, electronjs.org or S3 usually means the file does not exist; from a company proxy it can also mean the proxy refused)' : ''} ` +
          `for ${url ?? 'that file'}: no headers for ${targetVersion ?? 'that version'} are published at that URL. ${USUAL_REASONS}`,
      },
    };
  },
  explanation:
    'Before it compiles an addon, node-gyp downloads the headers (and on Windows node.lib) of the exact runtime it builds ' +
    'for, from `<dist-url>/v<version>/`. {{_story}}',
  fix: {
    summary: 'Point node-gyp at headers that exist: a released --target with the matching --dist-url, or a local --nodedir.',
    steps: [
      'Check the version and URL in the log: open the URL in a browser; if it is a typo or an unreleased version, fix `--target` / `npm_config_target`.',
      'Electron: use electron-rebuild (or @electron/rebuild), which sets `--dist-url=https://electronjs.org/headers` and the right target; for forks use the fork\'s own header URL.',
      'A mirror or company registry: `npm config get disturl` and NODEJS_ORG_MIRROR; remove the setting or use a mirror that carries the version.',
      'For a custom or pre-release ("-pre") runtime, build against its source tree: `node-gyp rebuild --nodedir=/path/to/node-source` (through npm: `npm_config_nodedir=/path/to/node-source npm install`), or switch to a released Node.js.',
    ],
    commands: ['npm config get disturl', 'npm config get target'],
  },
});
