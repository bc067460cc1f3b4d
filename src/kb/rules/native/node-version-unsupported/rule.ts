// node-version-unsupported: a native addon (or the nan release it bundles) is compiled by node-gyp against the V8
// API of a Node.js it does not support, so the compiler rejects V8 calls that this Node removed or changed.
// Not c-code-error: the code is fine for the Node versions it was written for; the fix is a Node or addon version.

import type { PatternHit } from '../../../rule.js';
import { defineRule } from '../../../rule.js';

const V8_ERROR_PATTERN_IDS = new Set(['gcc-clang-v8-api-error', 'msvc-v8-api-error']);

/** The node-gyp header cache names the Node version it compiled against: ".node-gyp/12.10.0/", "node-gyp\Cache\18.1.0\". */
const HEADER_CACHE_VERSION = /(?:\.node-gyp|node-gyp[\\/][Cc]ache)[\\/](?:iojs-)?(?<version>\d+\.\d+\.\d+)[\\/]/;

/** The Node.js version node-gyp built for: its banner, else the header cache path of a compiler note. */
function nodeVersionOf(hits: readonly PatternHit[]): string | undefined {
  for (const h of hits) if (h.captures._bannerNode ?? h.captures._errNode) return h.captures._bannerNode ?? h.captures._errNode;
  for (const h of hits) {
    const m = HEADER_CACHE_VERSION.exec(h.text);
    if (m?.groups) return m.groups.version;
  }
  return undefined;
}

export default defineRule({
  id: 'node-version-unsupported',
  title: 'The native addon does not support this Node.js version',
  summary: 'A native addon (or the nan release it uses) does not compile against the V8 API of the Node.js version node-gyp builds it for.',
  category: 'toolchain',
  captures: {
    file: { type: 'path', doc: 'the header or source file the error is in', optional: true },
    message: { type: 'string', doc: 'the compiler\'s error message', optional: true },
    nodeVersion: { type: 'version', doc: 'the Node.js version the addon was built for', optional: true },
  },
  explains: ['c-code-error'],
  patterns: [
    {
      id: 'gcc-clang-v8-api-error',
      // gcc: "nan.h:668:49: error: no matching function for call to ‘v8::Object::New()’",
      //      "error: ‘class v8::Object’ has no member named ‘ForceSet’", "error: ‘AccessorSignature’ is not a member of ‘v8’",
      //      "error: ‘Handle’ in namespace ‘v8’ does not name a template type", "error: cannot convert ‘v8::Local<v8::Context>’ to ‘v8::Isolate*’";
      // (npm >= 7 relays a failed install script's output with an "npm error " / "npm ERR! " prefix)
      // clang: "error: no member named 'ForceSet' in 'v8::Object'", "error: no member named 'ThrowException' in namespace 'v8'",
      //        "error: no type named 'Handle' in namespace 'v8'"; gcc 4 prints no column ("nan.h:663: error: ...")
      source: 'gcc / clang compiling a node-gyp addon',
      literals: ['v8::', "'v8'", '‘v8’'],
      re: /^(?:npm (?:ERR!|error) )?(?<file>[^\s:()]+\.(?:h|hh|hpp|cc|cpp|cxx|c)):\d+(?::\d+)?: error: (?<message>no matching (?:member )?function for call to ['‘]v8::.*|['‘](?:class |struct )?v8::[^'’]*['’] has no member named ['‘]\w+['’].*|['‘]\w+['’] is not a member of ['‘]v8(?:::[\w:]+)?['’].*|no (?:member|type|template) named ['‘]\w+['’] in (?:['‘]v8::[^'’]*['’]|namespace ['‘]v8['’]).*|['‘]\w+['’] in namespace ['‘]v8['’] does not name a (?:template )?type.*|['‘]v8::\w+['’] has not been declared.*|cannot convert ['‘][^'’]*['’] to ['‘]v8::.*)/,
      weight: 0.75,
    },
    {
      id: 'msvc-v8-api-error',
      // MSVC cl.exe: "nan.h(229): error C2039: 'New': is not a member of 'v8::String'" (VS 2015+), "'Close' : is not a member
      // of 'v8::HandleScope'" (older, space before the colon), localised "“DefineOwnProperty”: 不是“v8::Object”的成员"
      source: 'MSVC cl.exe compiling a node-gyp addon',
      literals: ['): error C2039: '],
      re: /^(?:npm (?:ERR!|error) )?(?<file>(?:[A-Za-z]:)?[^\s:()]+\.(?:h|hh|hpp|cc|cpp|cxx|c))\(\d+\): error C2039: (?<message>['“]\w+['”] ?: .*['“]v8(?:::[\w:<>, ]+)?['”].*)/,
      weight: 0.75,
    },
    {
      id: 'node-gyp-context',
      // node-gyp's banner ("gyp info using node@0.11.13 | darwin | x64", "gyp ERR! node -v v17.9.0") or the header cache it
      // compiles against ("/home/u/.node-gyp/12.10.0/include/node/v8.h", "node-gyp\Cache\18.1.0\include\node\v8.h",
      // node-gyp < 1: ".node-gyp/0.11.14/src/node.h")
      source: 'node-gyp',
      literals: ['gyp info using node@', 'gyp ERR! node -v ', '.node-gyp', 'node-gyp/', 'node-gyp\\'],
      re: /gyp info using node@(?<_bannerNode>\d+\.\d+\.\d+)|gyp ERR! node -v v(?<_errNode>\d+\.\d+\.\d+)|(?:\.node-gyp|node-gyp[\\/][Cc]ache)[\\/](?:iojs-)?\d+\.\d+\.\d+[\\/]/,
      weight: 0.1,
    },
  ],
  refine: (ctx) => {
    const nodeVersion = nodeVersionOf(ctx.hits);
    const node = nodeVersion ? `Node.js ${nodeVersion}` : 'this Node.js';
    const v8Errors = ctx.hits.filter((h) => V8_ERROR_PATTERN_IDS.has(h.pattern));
    // node-gyp's '"pre" versions of node cannot be installed' is node-headers-unavailable: no headers to download, not a V8 API the addon lacks.
    if (v8Errors.length === 0) return null;
    // V8 errors alone could come from a project that embeds V8 itself; require node-gyp, or the error inside nan's headers.
    const inNan = v8Errors.some((h) => /(?:^|[\\/])nan(?:_\w+)?\.h$/.test(h.captures.file ?? ''));
    const viaNodeGyp = ctx.hits.some((h) => h.pattern === 'node-gyp-context');
    if (!inNan && !viaNodeGyp) return null;
    const where = inNan ? 'inside nan (Native Abstractions for Node.js), the compatibility layer the addon bundles,' : "in the addon's own bindings";
    return {
      confidence: inNan ? 0.9 : 0.85,
      captures: { ...(nodeVersion ? { nodeVersion } : {}), _story: `The compiler rejected calls to the V8 API ${where} while node-gyp built it for ${node}.` },
    };
  },
  explanation:
    '{{_story}} V8 drops and changes ' +
    'functions with each Node.js major release (v8::Handle, ForceSet, String::New, Object::Get without a context, ' +
    'AccessorSignature), so an addon or nan release written before that Node cannot compile against it. The other way round ' +
    'also happens: a nan newer than the Node headers expects an API this V8 does not have yet. The code is not broken; the ' +
    'combination of Node.js and addon (or nan) versions is unsupported. When the installed `node -v` is one the addon supports, ' +
    'node-gyp compiled against other headers than that Node\'s (a stale header cache or a distribution\'s patched node).',
  fix: {
    summary: 'Use a release of the addon (and nan) that supports this Node.js, or build with a Node.js version the addon supports.',
    steps: [
      'Upgrade the package that owns the addon to a release that supports this Node.js (`npm ls nan` shows which packages pull an old nan); many old addons are replaced by N-API packages that no longer depend on the V8 API.',
      'If the package cannot be upgraded, run the build with a Node.js LTS it supports (nvm, volta, or the Docker image tag), e.g. `nvm install 18 && nvm use 18`.',
      'If nan is newer than the Node.js (rare), pin nan to the release that matched it with npm `overrides` / yarn `resolutions`.',
      'If `node -v` is a supported version, clear node-gyp\'s header cache (`rm -rf ~/.cache/node-gyp ~/.node-gyp`) and rebuild, so the headers match the running Node.js.',
    ],
    commands: ['npm ls nan', 'node -v'],
  },
});
