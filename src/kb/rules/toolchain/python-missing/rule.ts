// python-missing: a build tool needs a Python interpreter to run a helper (node-gyp runs gyp in Python; many
// Makefiles and scripts run `python`), and none is found under the name it uses.
// Not python-interpreter-not-found: that rule is about pyo3/maturin not finding the Python they build an extension for.

import { defineRule } from '../../../rule.js';
import { CMAKE_RECONFIGURE_STEP } from '../cmake-find-program.js';

export default defineRule({
  id: 'python-missing',
  title: 'Python is not installed (a build tool needs it)',
  summary: 'A build tool needs a Python interpreter to run its helper scripts, and none was found under the name it uses.',
  category: 'toolchain',
  captures: {
    python: { type: 'string', doc: 'the Python interpreter name the build ran (`python`, `python3`)' },
    program: { type: 'string', doc: 'the interpreter the shell did not find', optional: true },
  },
  internal: ['python7'],
  signals: ['program-not-found'],
  patterns: [
    {
      id: 'node-gyp-no-python',
      // node-gyp >= 5.0.3 (lib/find-python.js): "gyp ERR! stack Error: Could not find any Python installation to use";
      // 5.0.0-5.0.2 looked for Python 2 only: "... any Python 2 installation to use" (node-gyp-too-old when it rejected a Python 3)
      source: 'node-gyp',
      literals: ['Could not find any Python installation to use', 'Could not find any Python 2 installation to use'],
      re: /Could not find any Python (?:2 )?installation to use/,
      weight: 0.95,
    },
    {
      id: 'node-gyp-find-python-banner',
      // node-gyp >= 5 prints this banner when its search for an interpreter failed, before the final
      // "Could not find any Python installation to use" (a paste may stop in between):
      // 'gyp ERR! find Python You need to install the latest version of Python.'
      source: 'node-gyp >= 5',
      literals: ['You need to install the latest version of Python'],
      re: /find Python You need to install the latest version of Python/,
      weight: 0.85,
    },
    {
      id: 'node-gyp-find-python-candidate-failed',
      // node-gyp >= 5, one line per candidate it tried: 'gyp ERR! find Python - "python3" is not in PATH or produced an error'
      source: 'node-gyp >= 5',
      literals: ['is not in PATH or produced an error'],
      re: /find Python - "(?<python7>[^"]+)" is not in PATH or produced an error/,
      weight: 0.45,
    },
    {
      id: 'node-gyp-old-cant-find-python',
      // node-gyp <= 5: 'gyp ERR! stack Error: Can\'t find Python executable "python", you can set the PYTHON env variable.'
      source: 'node-gyp (old)',
      literals: ["find Python executable"],
      re: /Can(?:'|’)t find Python executable "(?<python>[^"]+)"/,
      weight: 0.95,
    },
    {
      id: 'windows-store-python-alias',
      // Windows 10/11 App Execution Alias: "Python was not found; run without arguments to install from the Microsoft Store, ..."
      source: 'Windows python.exe alias',
      literals: ['Python was not found'],
      re: /^Python was not found; run without arguments to install from the Microsoft Store/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const python = ctx.captures.program ?? ctx.captures.python ?? ctx.captures.python2 ?? ctx.captures.python3 ?? ctx.captures.python4 ?? ctx.captures.python5 ?? ctx.captures.python6 ?? ctx.captures.python7 ?? 'python3';
    return { captures: { python } };
  },
  explanation:
    'A build tool needed a Python interpreter to run its helper scripts and could not find `{{python}}`. node-gyp runs gyp (Python) ' +
    'to generate the native addon\'s Makefiles, so every npm package with a binding.gyp needs Python 3 when no prebuilt binary is ' +
    'downloaded; many Makefiles and build scripts run `python` too. Recent distributions and macOS ship only `python3` (no `python` ' +
    'command), and slim Docker images (node:*-slim, alpine) ship no Python at all.',
  fix: {
    summary: 'Install Python 3 (and, if a script insists on `python`, provide that name).',
    steps: [
      'Install Python 3 from the system package manager.',
      'If a script calls `python` (not python3): on Debian/Ubuntu install python-is-python3, elsewhere create the alias or fix the shebang.',
      { tool: 'node-gyp', step: 'For node-gyp, you can point it at an interpreter with `npm config set python /usr/bin/python3` or the PYTHON / npm_config_python environment variable.' },
      { tool: 'node-gyp', step: 'Alpine node images also need make and g++ for node-gyp: `apk add --no-cache python3 make g++`.' },
      { tool: 'cmake', step: CMAKE_RECONFIGURE_STEP },
    ],
    components: ['python'],
  },
});
