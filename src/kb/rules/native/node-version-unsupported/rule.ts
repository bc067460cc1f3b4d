// node-version-unsupported: a native addon (or the nan release it bundles) is compiled by node-gyp against the V8
// API of a Node.js it does not support, so the compiler rejects V8 calls that this Node removed or changed.
// Not c-code-error: the code is fine for the Node versions it was written for; the fix is a Node or addon version.
// The package manager can say the same before anything compiles: a package's `engines.node` range excludes the running
// Node.js, and npm (engine-strict), yarn 1 or pnpm refuses to install it.

import type { PatternHit } from '../../../rule.js';
import { defineRule } from '../../../rule.js';

const V8_WHY =
  'V8 drops and changes ' +
  'functions with each Node.js major release (v8::Handle, ForceSet, String::New, Object::Get without a context, ' +
  'AccessorSignature), so an addon or nan release written before that Node cannot compile against it. The other way round ' +
  'also happens: a nan newer than the Node headers expects an API this V8 does not have yet. The code is not broken; the ' +
  'combination of Node.js and addon (or nan) versions is unsupported. When the installed `node -v` is one the addon supports, ' +
  'node-gyp compiled against other headers than that Node\'s (a stale header cache or a distribution\'s patched node).';

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

const ENGINE_PATTERN_IDS = new Set(['npm-engine-required', 'yarn-engine-node-incompatible', 'pnpm-node-version-incompatible']);

/** The story of a package manager that refused a package whose `engines.node` excludes this Node.js (null: not that). */
function engineStory(hits: readonly PatternHit[]): { captures: Record<string, string> } | null {
  const engine = hits.find((h) => ENGINE_PATTERN_IDS.has(h.pattern));
  if (!engine) return null;
  const c = engine.captures;
  let required: string | undefined = c.requiredNode ?? engine.after.map((l) => /^Expected version: (?<r>\S.{0,200})$/.exec(l)?.groups?.r).find((r) => r);
  if (engine.pattern === 'npm-engine-required') {
    // npm checks engines.node and engines.npm alike; only a range that names node alone says Node.js is the one refused
    const engines = c._engines ?? '';
    if (!/"node":/.test(engines) || /"npm":/.test(engines)) return null;
    required = /"node":"(?<range>[^"]{1,200})"/.exec(engines)?.groups?.range;
  }
  const nodeVersion = c.nodeVersion ?? engine.after.map((l) => /^(?:(?:npm (?:ERR!|error) )?(?:notsup )?Actual: +\{.{0,200}"node":"v?|Got: v?)(?<v>\d+\.\d+\.\d+)/.exec(l)?.groups?.v).find((v) => v);
  const pkg = c.package ?? engine.before.map((l) => /^(?:npm (?:ERR!|error) )?(?:notsup )?Not compatible with your version of node\/npm: (?<p>\S{1,214})/.exec(l)?.groups?.p).filter((p) => p).pop();
  const node = nodeVersion ? `Node.js ${nodeVersion}` : 'the running Node.js';
  return {
    captures: {
      ...(nodeVersion ? { nodeVersion } : {}),
      ...(pkg ? { package: pkg } : {}),
      ...(required ? { requiredNode: required } : {}),
      _story: `The package manager refused ${pkg ? `\`${pkg}\`` : 'a package'}: its \`engines.node\` range${required ? ` (\`${required}\`)` : ''} excludes ${node}.`,
      _why: ENGINES_WHY,
    },
  };
}

const ENGINES_WHY =
  'A package declares in its package.json (`engines`) the Node.js versions it supports; npm with engine-strict, yarn 1 and ' +
  'pnpm refuse to install it on any other, for a dependency as for the project itself. The range is often a minimum (a ' +
  'release that dropped an old Node.js), sometimes an exact or upper bound that a newer Node.js misses.';

export default defineRule({
  id: 'node-version-unsupported',
  title: 'The package does not support this Node.js version',
  summary: 'A package does not support the running Node.js: its native addon (or the nan release it uses) does not compile against that V8 API, or its engines.node range excludes it and the package manager refuses it.',
  category: 'toolchain',
  captures: {
    file: { type: 'path', doc: 'the header or source file the error is in', optional: true },
    message: { type: 'string', doc: 'the compiler\'s error message', optional: true },
    nodeVersion: { type: 'version', doc: 'the Node.js version the addon was built for, or that the package manager refused', optional: true },
    package: { type: 'string', doc: 'the package whose `engines.node` range excludes this Node.js', optional: true },
    requiredNode: { type: 'string', doc: 'that `engines.node` range', optional: true },
  },
  contextBefore: 3,
  contextAfter: 8,
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
      // (zh), with ASCII quotes in German: '"SetAccessCheckCallbacks": Ist kein Element von "v8::ObjectTemplate"'
      source: 'MSVC cl.exe compiling a node-gyp addon',
      literals: ['): error C2039: '],
      re: /^(?:npm (?:ERR!|error) )?(?<file>(?:[A-Za-z]:)?[^\s:()]+\.(?:h|hh|hpp|cc|cpp|cxx|c))\(\d+\): error C2039: (?<message>['“"]\w+['”"] ?: .*['“"]v8(?:::[\w:<>, ]+)?['”"].*)/,
      weight: 0.75,
    },
    {
      id: 'npm-engine-required',
      // npm under engine-strict (npm 7+ code EBADENGINE, before ENOTSUP), after "npm ERR! notsup Not compatible with your
      // version of node/npm: foo@1.0.0": 'npm ERR! notsup Required: {"node":">=20"}' then 'npm ERR! notsup Actual:
      // {"npm":"9.6.7","node":"v18.17.0"}' (npm 11: "npm error notsup"; npm 1.0-1.1 without the "notsup" tag). The
      // warning form ("npm WARN EBADENGINE", "npm WARN notsup") installs anyway and is left out
      source: 'npm',
      literals: ['notsup Required: {', 'ERR! Required: {'],
      re: /^npm (?:ERR!|error) (?:notsup )?Required: (?<_engines>\{.{0,300}\})\s*$/,
      weight: 0.9,
    },
    {
      id: 'yarn-engine-node-incompatible',
      // yarn 1 (an error unless --ignore-engines): 'error foo@1.0.0: The engine "node" is incompatible with this module.
      // Expected version ">=14.16". Got "12.22.12"' (older yarn 1 releases print no "Got" part); "info ..." is an optional
      // dependency yarn skips, and "The engine "yarn"" is yarn's own version, not Node's
      source: 'yarn 1',
      literals: ['The engine "node" is incompatible'],
      re: /^error (?<package>\S{1,214}): The engine "node" is incompatible with this module\. Expected version "(?<requiredNode>[^"]{0,200})"(?:\. Got "(?<nodeVersion>\d+\.\d+\.\d+)")?/,
      weight: 0.9,
    },
    {
      id: 'pnpm-node-version-incompatible',
      // pnpm (7-10 seen) under " ERR_PNPM_UNSUPPORTED_ENGINE  Unsupported environment (bad pnpm and/or Node.js version)": 'Your Node
      // version is incompatible with "registry.npmjs.org/vite-plugin-mkcert/1.10.1".' then "Expected version: >=v16.0.0"
      // and "Got: v14.19.0" (its warning form reads " WARN  Unsupported engine: wanted: ..."; "Your pnpm version is
      // incompatible" is pnpm's own version)
      source: 'pnpm',
      literals: ['Your Node version is incompatible with'],
      re: /^Your Node version is incompatible with "(?<package>[^"]{1,300})"/,
      weight: 0.9,
    },
    {
      id: 'node-gyp-context',
      // node-gyp's banner ("gyp info using node@0.11.13 | darwin | x64", "gyp ERR! node -v v17.9.0") or the header cache it
      // compiles against ("/home/u/.node-gyp/12.10.0/include/node/v8.h", "node-gyp\Cache\18.1.0\include\node\v8.h",
      // node-gyp < 1: ".node-gyp/0.11.14/src/node.h"), or npm's echo of the install script that runs it ("> node-gyp
      // rebuild"; on Windows 'if not defined npm_config_node_gyp (node "...\node-gyp\bin\node-gyp.js" rebuild )')
      source: 'node-gyp',
      literals: ['gyp info using node@', 'gyp ERR! node -v ', '.node-gyp', 'node-gyp/', 'node-gyp\\', 'node-gyp rebuild', 'node-gyp.js" rebuild'],
      re: /gyp info using node@(?<_bannerNode>\d+\.\d+\.\d+)|gyp ERR! node -v v(?<_errNode>\d+\.\d+\.\d+)|(?:\.node-gyp|node-gyp[\\/][Cc]ache)[\\/](?:iojs-)?\d+\.\d+\.\d+[\\/]|^(?:> ?)?node-gyp rebuild\b|node-gyp\.js" rebuild\b/,
      weight: 0.1,
    },
  ],
  refine: (ctx) => {
    if (ctx.hits.some((h) => ENGINE_PATTERN_IDS.has(h.pattern))) {
      const engines = engineStory(ctx.hits);
      if (engines) return engines;
      if (ctx.hits.every((h) => ENGINE_PATTERN_IDS.has(h.pattern) || h.pattern === 'node-gyp-context')) return null;
    }
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
      captures: { ...(nodeVersion ? { nodeVersion } : {}), _story: `The compiler rejected calls to the V8 API ${where} while node-gyp built it for ${node}.`, _why: V8_WHY },
    };
  },
  explanation: '{{_story}} {{_why}}',
  fix: {
    summary: 'Use a release of the package (and nan) that supports this Node.js, or run a Node.js version the package supports.',
    steps: [
      'Upgrade the package that owns the addon to a release that supports this Node.js (`npm ls nan` shows which packages pull an old nan); many old addons are replaced by N-API packages that no longer depend on the V8 API.',
      'If the package cannot be upgraded, run the build with a Node.js LTS it supports (nvm, volta, or the Docker image tag), e.g. `nvm install 18 && nvm use 18`.',
      'If nan is newer than the Node.js (rare), pin nan to the release that matched it with npm `overrides` / yarn `resolutions`.',
      'For an engines refusal, switch to a Node.js inside the range the error prints (nvm, volta, `.nvmrc`, the CI setup-node version or the Docker image tag), or use a release of the package whose range includes this Node.js; yarn\'s `--ignore-engines` or npm without engine-strict only hides the mismatch.',
      'If `node -v` is a supported version, clear node-gyp\'s header cache (`rm -rf ~/.cache/node-gyp ~/.node-gyp`) and rebuild, so the headers match the running Node.js.',
    ],
    commands: ['npm ls nan', 'node -v'],
  },
});
