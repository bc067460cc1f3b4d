// python-interpreter-not-found: PyO3's build script or maturin looked for the Python interpreter to build the
// extension for and found none (or not the one it was told to use).

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'python-interpreter-not-found',
  title: 'No Python interpreter to build the extension for',
  summary: 'PyO3 or maturin could not find or run the Python interpreter that the extension module is built for.',
  category: 'python',
  captures: {
    interpreter: { type: 'string', doc: 'the interpreter that was not found', optional: true },
    tool: { type: 'string', doc: 'the tool that looked for it (`maturin`, `PyO3`)' },
  },
  patterns: [
    {
      id: 'pyo3-no-python3-interpreter',
      // pyo3-build-config 0.14+ build script: "error: no Python 3.x interpreter found"
      // (pyo3 <= 0.13: "Error: Python 3.x interpreter not found")
      source: 'pyo3-build-config build script',
      literals: ['no Python 3.x interpreter found', 'Python 3.x interpreter not found'],
      re: /^(?:error: |Error: )?(?:no Python 3\.x interpreter found|"?Python 3\.x interpreter not found)/,
      weight: 0.95,
    },
    {
      id: 'pyo3-interpreter-not-runnable',
      // pyo3-build-config 0.14+: "error: failed to run the Python interpreter at python3.13: No such file or directory (os error 2)"
      // (Windows: "The system cannot find the file specified. (os error 2)")
      source: 'pyo3-build-config build script',
      literals: ['failed to run the Python interpreter at'],
      re: /^(?:error: )?failed to run the Python interpreter at (?<interpreter>[^:\s]+(?::\\[^:]+)?): (?:No such file|The system cannot find)/,
      weight: 0.9,
    },
    {
      id: 'pyo3-old-no-interpreter',
      // pyo3 0.6-0.10 build script: 'Error: "Could not find any interpreter at python, are you sure you have python installed on your PATH?"'
      source: 'pyo3 <= 0.10 build script',
      literals: ['are you sure you have python installed'],
      re: /are you sure you have python installed/,
      weight: 0.9,
    },
    {
      id: 'maturin-no-interpreters',
      // maturin 0.8-1.x: "Caused by: Couldn't find any python interpreters. Please specify at least one with -i"
      // (0.11+ with requires-python: "Couldn't find any python interpreters with version >= 3.7. Please specify ...")
      source: 'maturin',
      literals: ["Couldn't find any python interpreter"],
      re: /Couldn't find any python interpreters?/,
      weight: 0.95,
    },
    {
      id: 'maturin-interpreter-doesnt-exist',
      // maturin 0.8-1.x, `-i` given a name or path that is not there: "Caused by: Python interpreter `3.9` doesn't exist"
      // (pyo3-pack 0.6: "python3 doesn't exist")
      source: 'maturin',
      literals: ["doesn't exist"],
      re: /^(?:Caused by: )?Python interpreter `(?<interpreter>[^`]+)` doesn't exist/,
      weight: 0.9,
    },
    {
      id: 'maturin-interpreter-info-failed',
      // maturin: "Caused by: Failed to get information from the python interpreter at /usr/bin/python3.12"
      // (the interpreter exists but could not be run or inspected: broken venv, Python 2, missing stdlib)
      source: 'maturin',
      literals: ['Failed to get information from the python interpreter'],
      re: /Failed to get information from the python interpreter at/,
      weight: 0.7,
    },
    {
      id: 'maturin-find-interpreter-failed',
      // maturin / maturin-action: "Failed to find a python interpreter"
      source: 'maturin',
      literals: ['Failed to find a python interpreter'],
      re: /Failed to find a python interpreter/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const ids = new Set(ctx.hits.map((h) => h.pattern));
    const tool = [...ids].some((id) => id.startsWith('maturin')) ? 'maturin' : 'PyO3';
    // The interpreter name is read here rather than with named groups, which keep the patterns cheap for recheck.
    const text = ctx.hits.map((h) => h.text).join('\n');
    const interpreter = /(?:interpreter at |any interpreter at )(?<i>[^\s,:]+)/.exec(text)?.groups?.i;
    return { captures: { tool, ...(interpreter && !ctx.captures.interpreter ? { interpreter } : {}) } };
  },
  explanation:
    '{{tool}} needs a Python interpreter to learn the version, ABI and library paths of the Python the extension is built for, ' +
    'and it found none: it tries `PYO3_PYTHON`, an active virtualenv or conda env, then `python3`/`python` on PATH (maturin: the `-i` ' +
    'list, or every interpreter it can discover with `--find-interpreter`). The interpreter `{{interpreter|python3 / python}}` is missing, not on ' +
    'PATH, or could not be run. This is typical of slim Docker images and manylinux containers (where the interpreters live in ' +
    '/opt/python/cp3*/bin and are not on PATH), of Windows installs without "Add python.exe to PATH", and of `-i 3.9` given where ' +
    '`-i python3.9` was meant.',
  fix: {
    summary: 'Install Python (3.x, with its development files) or point PyO3/maturin at it: PYO3_PYTHON=/path/to/python3 or `maturin build -i python3.x`.',
    steps: [
      'Install a Python 3 interpreter and its headers in the environment that runs the build (see the packages).',
      'Or tell PyO3 which interpreter to use: `export PYO3_PYTHON=$(command -v python3)` (Windows: `set PYO3_PYTHON=C:\\Path\\To\\python.exe`); activating a virtualenv also works.',
      'maturin: pass interpreters explicitly (`maturin build -i python3.12`, or a full path), or `--find-interpreter`; in manylinux containers they are /opt/python/cp3*/bin/python.',
      'maturin-action: set up Python with actions/setup-python for non-container builds, or list interpreters with `args: -i python3.12` / `--find-interpreter`; an abi3 crate needs no interpreter except on Windows.',
      'If the crate does not need to link against Python (abi3 or extension-module only), `PYO3_NO_PYTHON=1` with the `abi3-py3x` feature avoids the lookup.',
    ],
    packages: {
      apt: ['python3', 'python3-dev'],
      dnf: ['python3', 'python3-devel'],
      apk: ['python3', 'python3-dev'],
      pacman: ['python'],
      zypper: ['python3', 'python3-devel'],
      brew: ['python@3.12'],
      nix: ['python3'],
    },
    commands: ['export PYO3_PYTHON="$(command -v python3)"', 'maturin build --release -i python3'],
    platformCommands: {
      windows: ['winget install Python.Python.3.12', 'set PYO3_PYTHON=%LOCALAPPDATA%\\Programs\\Python\\Python312\\python.exe'],
      macos: ['brew install python@3.12'],
    },
  },
});
