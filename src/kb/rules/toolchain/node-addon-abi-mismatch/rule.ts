// node-addon-abi-mismatch: a compiled addon (.node) was built for another Node.js ABI (NODE_MODULE_VERSION) than the
// Node.js or Electron that loads it: node_modules installed under another Node version, a stale build directory,
// Electron without electron-rebuild, or headers of another Node given to node-gyp. The addon itself is fine.

import { defineRule } from '../../../rule.js';

/** NODE_MODULE_VERSION of each Node.js release line (Electron uses numbers of its own). */
const NODE_BY_MODULE_VERSION: Record<string, string> = {
  '11': '0.10', '14': '0.12', '46': '4', '47': '5', '48': '6', '51': '7', '57': '8', '59': '9', '64': '10', '67': '11',
  '72': '12', '79': '13', '83': '14', '88': '15', '93': '16', '102': '17', '108': '18', '111': '19', '115': '20',
  '120': '21', '127': '22', '131': '23', '137': '24', '141': '25',
};

const describe = (moduleVersion: string | undefined) =>
  moduleVersion === undefined
    ? 'another Node.js'
    : NODE_BY_MODULE_VERSION[moduleVersion]
      ? `Node.js ${NODE_BY_MODULE_VERSION[moduleVersion]} (NODE_MODULE_VERSION ${moduleVersion})`
      : `NODE_MODULE_VERSION ${moduleVersion} (an Electron or other embedder ABI)`;

export default defineRule({
  id: 'node-addon-abi-mismatch',
  title: 'A native addon was built for another Node.js version than the one loading it',
  summary: 'A compiled Node.js addon was built for a different NODE_MODULE_VERSION (Node.js or Electron ABI) than the runtime that loads it.',
  category: 'toolchain',
  captures: {
    built: { type: 'integer', doc: 'the NODE_MODULE_VERSION the addon was compiled against' },
    required: { type: 'integer', doc: 'the NODE_MODULE_VERSION of the Node.js that loaded it' },
  },
  contextAfter: 1,
  patterns: [
    {
      id: 'node-module-version-mismatch',
      // Node.js (since 0.12, also Electron) when loading an addon; the message wraps over four lines:
      // "was compiled against a different Node.js version using" / "NODE_MODULE_VERSION 108. This version of Node.js requires" /
      // "NODE_MODULE_VERSION 115. Please try re-compiling or re-installing"; some pastes join them on one line
      source: 'Node.js (process.dlopen)',
      literals: ['This version of Node.js requires'],
      re: /NODE_MODULE_VERSION (?<built>\d{1,4})\. This version of Node\.js requires(?: NODE_MODULE_VERSION (?<_requiredInline>\d{1,4}))?/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const hit = ctx.hits[0];
    // the required version is on the next line when the message wraps ("NODE_MODULE_VERSION 115. Please try re-compiling")
    const next = hit.after[0] ?? '';
    const required = ctx.captures._requiredInline ?? /^\s*NODE_MODULE_VERSION (\d{1,4})\./.exec(next)?.[1];
    return {
      captures: {
        built: ctx.captures.built,
        ...(required ? { required } : {}),
        _builtFor: describe(ctx.captures.built),
        _runtime: required ? describe(required) : 'the Node.js that runs it',
      },
    };
  },
  explanation:
    'The addon was compiled for {{_builtFor}}, and {{_runtime}} cannot load it: every Node.js major release (and every ' +
    'Electron release) has its own native ABI. This happens when node_modules was installed under another Node.js ' +
    'version (nvm switch, a CI cache, a Docker layer copied from another image), when a build directory survives an ' +
    'upgrade, when an Electron app uses addons built for Node.js, or when node-gyp compiled against headers of another ' +
    'Node.js (--target, --nodedir, a stale header cache).',
  fix: {
    summary: 'Rebuild the addon with the Node.js (or Electron) that runs it.',
    steps: [
      'Run `npm rebuild` (or delete node_modules and reinstall) with the same `node` that runs the app; check `node -v` and `which node` in that environment.',
      'If the rebuild does not help, delete the package\'s build/ directory (and cached prebuilds), then rebuild.',
      'Electron: rebuild addons for Electron\'s ABI with `npx @electron/rebuild` (or electron-builder\'s install-app-deps).',
      'CI and Docker: do not restore node_modules or copy it from a stage that used another Node.js version; key caches on the Node version.',
    ],
    commands: ['npm rebuild'],
  },
});
