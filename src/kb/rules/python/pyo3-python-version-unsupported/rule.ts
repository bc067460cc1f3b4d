// pyo3-python-version-unsupported: pyo3-build-config refuses the Python it found because that version is outside
// the range the PyO3 release in Cargo.lock supports (typically a brand-new CPython with an old PyO3).

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'pyo3-python-version-unsupported',
  title: 'This PyO3 version does not support the Python version being built for',
  summary: 'PyO3 stopped the build because the target Python version is newer (or older) than the PyO3 release in use supports.',
  category: 'python',
  captures: {
    pyver: { type: 'version', doc: 'the Python version the build used' },
    supported: { type: 'version', doc: 'the newest (or oldest) Python version this PyO3 supports' },
    pyo3: { type: 'version', doc: 'the PyO3 version', optional: true },
    direction: { type: 'string', doc: 'whether the Python is `newer` or `older` than PyO3 supports' },
    impl: { type: 'string', doc: 'the Python implementation', optional: true },
  },
  internal: ['advice'],
  patterns: [
    {
      id: 'pyo3-version-out-of-range',
      // pyo3-build-config / pyo3-ffi build script, 0.15-0.26:
      //   "error: the configured Python interpreter version (3.13) is newer than PyO3's maximum supported version (3.12)"
      //   "error: the configured Python interpreter version (3.6) is lower than PyO3's minimum supported version (3.7)"
      // 0.27+: "the configured Python version (3.15) is newer than ..."; free-threaded builds: "The configured ...";
      // PyPy/GraalPy: "the configured PyPy interpreter version (3.9) is lower than ..."
      source: 'pyo3-build-config build script',
      literals: ["than PyO3's"],
      re: /he configured (?:Python|PyPy|GraalPy)(?: interpreter)? version \(\d+\.\d+\) is (?:newer|lower|older) than PyO3's (?:maximum|minimum) supported version/,
      weight: 0.95,
    },
    {
      id: 'pyo3-version-out-of-range-wrapped',
      // the same message wrapped by uv/rich at 80 columns: "error: the configured Python interpreter version (3.13) is newer than"
      source: 'pyo3-build-config via uv / rich',
      literals: ['the configured Python', 'The configured Python', 'the configured PyPy'],
      re: /he configured (?:Python|PyPy|GraalPy)(?: interpreter)? version \(\d+\.\d+\) is (?:newer|lower|older) than\s*$/,
      weight: 0.9,
    },
    {
      id: 'pyo3-current-version-help',
      // pyo3-build-config help lines naming the PyO3 release: "= help: please check if an updated version of PyO3 is available. Current version: 0.20.3"
      // (0.27+: "= help: this package is being built with PyO3 version 0.27.2")
      source: 'pyo3-build-config build script',
      literals: ['Current version:', 'built with PyO3 version'],
      re: /updated version of PyO3 is available\. Current version: \d|this package is being built with PyO3 version \d/,
      weight: 0.3,
    },
    {
      id: 'pyo3-forward-compat-help',
      // pyo3-build-config >= 0.16: "= help: set PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 to suppress this check and build anyway using the stable ABI"
      source: 'pyo3-build-config build script',
      literals: ['PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1'],
      re: /set PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 to suppress this check/,
      weight: 0.3,
    },
    {
      id: 'pyo3-build-script-crate',
      // cargo naming the PyO3 crate whose build script stopped: "error: failed to run custom build command for `pyo3-ffi v0.20.3`"
      source: 'cargo',
      literals: ['failed to run custom build command for `pyo3'],
      re: /failed to run custom build command for `pyo3(?:-ffi|-build-config)? v\d/,
      weight: 0.2,
    },
  ],
  refine: (ctx) => {
    // Captures are read here rather than with named groups, which keep the patterns cheap for recheck.
    const text = ctx.hits.map((h) => h.text).join('\n');
    const m = /configured (?<impl>Python|PyPy|GraalPy)(?: interpreter)? version \((?<pyver>\d+\.\d+)\) is (?<direction>newer|lower|older) than(?: PyO3's (?:maximum|minimum) supported version \((?<supported>\d+\.\d+)\))?/.exec(text)?.groups ?? {};
    const pyo3 = /(?:Current version: |built with PyO3 version |for `pyo3(?:-ffi|-build-config)? v)(?<v>\d+\.\d+\.\d+)/.exec(text)?.groups?.v;
    const c: Record<string, string | undefined> = { ...m, pyo3 };
    const tooNew = c.direction === 'newer';
    // PyO3 < 0.15 parsed "3.10"/"3.11" as "3.1": a too-old PyO3, not a too-old Python.
    const misparsed = !tooNew && c.pyver === '3.1';
    return {
      captures: {
        ...(c.pyver ? { pyver: c.pyver } : {}),
        ...(c.supported ? { supported: c.supported } : {}),
        ...(c.pyo3 ? { pyo3: c.pyo3 } : {}),
        direction: tooNew ? 'newer' : 'older',
        impl: c.impl ?? 'Python',
        advice: tooNew
          ? `PyO3 ${c.pyo3 ?? 'in Cargo.lock'} was released before ${c.impl ?? 'Python'} ${c.pyver ?? 'this version'} and refuses to guess its ABI`
          : misparsed
            ? `PyO3 ${c.pyo3 ?? 'in Cargo.lock'} is so old that it misreads Python 3.10+ as "3.1"; upgrading PyO3 fixes it`
            : `this PyO3 release dropped support for ${c.impl ?? 'Python'} ${c.pyver ?? 'this version'}`,
      },
    };
  },
  explanation:
    'The build script of pyo3-ffi/pyo3-build-config checked the interpreter it builds for and found {{impl|Python}} {{pyver|?}}, which is ' +
    '{{direction}} than what PyO3 {{pyo3|(the version in Cargo.lock)}} supports ({{supported|?}}): {{advice}}. ' +
    'This usually happens when pip builds a package from source because no wheel exists yet for a new Python release ' +
    '(pydantic-core, orjson, rpds-py, tiktoken... on the newest CPython), or when a CI matrix / maturin-action `--find-interpreter` ' +
    'picks up a Python newer than the project\'s PyO3.',
  fix: {
    summary: 'Upgrade PyO3 to a release that supports {{impl|Python}} {{pyver|this version}}, or build for a Python version PyO3 {{pyo3|}} supports.',
    steps: [
      'Your own crate: bump `pyo3` (and `numpy`, `pyo3-log`, ... that depend on it) in Cargo.toml to a release that supports {{impl|Python}} {{pyver|this version}} (Python 3.13: PyO3 >= 0.22; 3.14: >= 0.26), then `cargo update -p pyo3`.',
      'If the crate uses the stable ABI (`abi3` feature) and the Python is newer, `PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1` lets the build continue (not possible for free-threaded Python).',
      'Installing a third-party package with pip: upgrade that package to a release that ships wheels for {{impl|Python}} {{pyver|this version}}, or use Python {{supported|an older version}} (e.g. `uv venv --python {{supported|3.12}}`, pyenv, `python:{{supported|3.12}}-slim`).',
      'CI: limit the interpreters (maturin `-i python3.12`, cibuildwheel `build = "cp39-* ... cp312-*"`) to those the PyO3 version supports.',
    ],
    commands: ['cargo update -p pyo3', 'PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 pip install <package>'],
  },
});
