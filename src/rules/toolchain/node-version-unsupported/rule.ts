// node-version-unsupported: a native Node addon (or the nan version it uses) does not support the Node version it is
// built for: its C++ does not compile against that Node's V8/node API, or node-gyp cannot get headers for it.

import { defineRule } from '../../../core/rule.js';

export default defineRule({
  id: 'node-version-unsupported',
  title: 'The native addon does not support this Node version',
  summary: "A native Node addon's C++ (or its nan) does not match the V8/Node API of the Node version it is built for.",
  category: 'toolchain',
  explains: ['c-code-error', 'cxx-source-incompatible'],
  patterns: [
    {
      id: 'v8-api-mismatch',
      // g++ / clang++ compiling an addon or nan.h against another Node's V8 headers:
      // "nan.h:668:49: error: no matching function for call to ‘v8::Object::New()’",
      // "error: ‘NewFromUtf8’ is not a member of ‘v8::String’", "error: ‘class v8::Object’ has no member named ‘ForceSet’",
      // "error: ‘v8::Handle’ has not been declared", clang "error: no member named 'Utf8Value' in 'v8::String'"
      source: 'g++ / clang++ (node-gyp builds)',
      literals: ['v8::', '‘v8’', "'v8'"],
      re: /:\d+(?::\d+)?: error: (?:no matching (?:function for call to|constructor for initialization of) [‘']v8::|[‘'][\w:~]{1,100}[’'] is not a member of [‘']v8(?:::\w{1,60})?[’']|[‘']class v8::\w{1,60}[’'] has no member named|[‘']v8::[\w:]{1,100}[’'] has not been declared|no member named '\w{1,60}' in '(?:v8|node)::)/,
      weight: 0.85,
    },
    {
      id: 'node-gyp-prerelease-node',
      // node-gyp < 5: 'gyp ERR! stack Error: "pre" versions of node cannot be installed, use the --nodedir flag instead.'
      source: 'node-gyp',
      literals: ['versions of node cannot be installed'],
      re: /"pre" versions of node cannot be installed/,
      weight: 0.9,
    },
    {
      id: 'node-gyp-node-version',
      // node-gyp: "gyp info using node@22.14.0 | darwin | x64" (support: which Node it built for)
      source: 'node-gyp',
      literals: ['gyp info using node@'],
      re: /gyp info using node@(?<node>[\w.-]{1,40})/,
      weight: 0.05,
    },
  ],
  explanation:
    'The addon was compiled against the headers of Node {{node|the installed Node}}, and its C++ (or the nan helper library it ' +
    'bundles) uses V8/Node APIs that this Node version no longer has, or does not have yet. Addons written against nan or raw ' +
    'V8 break with new Node major versions; old addon releases, and Node versions older than the addon supports, fail the same ' +
    'way. A pre-release Node has no downloadable headers for node-gyp at all.',
  fix: {
    summary: 'Build with a Node version the addon supports, or upgrade the addon (and its nan) to a release that supports this Node.',
    steps: [
      'Check which Node versions the addon (or the package that depends on it) supports; switch with nvm/fnm/volta or the image tag (node:<version>).',
      'Upgrade the package: newer releases usually support newer Node (often through N-API / node-addon-api, which does not break across versions).',
      'If the package pins an old nan, updating nan (`npm update nan`) may be enough.',
      'For a pre-release Node, point node-gyp at its source with --nodedir, or use a released Node.',
    ],
  },
});
