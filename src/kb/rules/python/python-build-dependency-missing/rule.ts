// python-build-dependency-missing: a Python package's build (setup.py, a PEP 517 backend) imports a module that is not
// installed in the environment the build runs in: Cython, numpy, pybind11, setuptools, wheel, setuptools-rust...
//
// The lines come from the shared python-module-missing signal (ModuleNotFoundError/ImportError, "invalid command
// 'bdist_wheel'"); only modules the kb knows as build requirements count, and numpy-like ones only inside a build.

import { PYTHON_BUILD_MODULES } from '../../../components.js';
import { defineRule } from '../../../rule.js';

// Lines of a traceback or pip output that show the import ran inside a package build, not in the user's program.
// (pip and uv run a legacy setup.py through exec, so its functions' frames read `File "<string>", line 33, in
// get_extensions`; `python -c` code shows only `in <module>`)
const BUILD_CONTEXT = /File "<string>", line \d+, in (?!<module>)|setup\.py|_in_process\.py|build_meta\.py|get_requires_for_build|prepare_metadata_for_build|build_wheel|egg_info|Getting requirements to build|Preparing metadata|build_ext|setup_requires|pip-build-env|pip-install-|pip-req-build-/;
// Modules that only a build imports: their absence is a build dependency missing wherever it shows.
const BUILD_ONLY = new Set(['setuptools', 'wheel', 'pkg_resources', 'setuptools_rust', 'setuptools_scm', 'skbuild', 'scikit_build_core', 'mesonpy', 'hatchling', 'flit_core', 'poetry', 'distutils']);

export default defineRule({
  id: 'python-build-dependency-missing',
  title: 'A Python build dependency is not installed',
  summary: "A Python package's build imports a module (Cython, numpy, setuptools, wheel, ...) that is not installed where the build runs.",
  category: 'python',
  captures: {
    module: { type: 'string', doc: 'the Python module the build imported' },
    pypi: { type: 'string', doc: 'the PyPI project that provides it, as a requirement (`setuptools<82` for pkg_resources)' },
  },
  signals: ['python-module-missing'],
  contextBefore: 14,
  patterns: [
    {
      id: 'uv-undeclared-build-dependency',
      // uv after a build that failed on an import (uv 0.4+): "Caused by: This error likely indicates that gsplat depends
      // on torch, but doesn't declare it as a build dependency." (the package may be a URL: "git+https://..."); later uv
      // says "hint: ..." and quotes the names in backticks ("depends on `torch`, but doesn't declare it ...")
      source: 'uv',
      literals: ["but doesn't declare it as a build dependency"],
      re: /This error likely indicates that \S{1,300} depends on `?(?<module>[\w.-]{1,100})`?, but doesn't declare it as a build dependency/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const hits = ctx.hits.filter((h) => {
      const module = h.captures.module ?? '';
      if (h.pattern === 'uv-undeclared-build-dependency') return true;
      if (!(module in PYTHON_BUILD_MODULES)) return false;
      return BUILD_ONLY.has(module) || h.before.some((l) => BUILD_CONTEXT.test(l)) || BUILD_CONTEXT.test(h.text);
    });
    if (hits.length === 0) return null;
    const module = hits[0].captures.module;
    // setuptools 82 no longer ships pkg_resources: the latest setuptools would not bring it back.
    const pypi = module === 'pkg_resources' ? 'setuptools<82' : (PYTHON_BUILD_MODULES[module] ?? module);
    const captures: Record<string, string> = { module, pypi };
    // distutils left the standard library in Python 3.12: a release that still imports it predates 3.12.
    if (module === 'pkg_resources') {
      captures._note = ' setuptools 82 and later no longer include pkg_resources, so the build needs an older setuptools, or a release of the package that no longer imports pkg_resources.';
      // Upgrading setuptools first would install the release without pkg_resources.
      captures._upgrade = 'python -m pip install --upgrade pip wheel';
    }
    if (module === 'distutils') captures._note = ' On Python 3.12 and later distutils is no longer part of Python: the package release imports it because it predates 3.12; setuptools provides a replacement, and a newer release of the package (or Python 3.11) avoids it.';
    return { captures, evidence: hits.map((h) => ({ line: h.line, text: h.text })) };
  },
  explanation:
    'The build of a Python package ran its setup.py or build backend, which imports `{{module}}` (from the PyPI package {{pypi}}), and ' +
    'that module is not installed in the environment the build runs in. With build isolation (pip\'s default for pyproject builds) only ' +
    'the packages listed in pyproject.toml\'s [build-system] requires are there; with `--no-build-isolation`, `python setup.py ...` or ' +
    'an old pip, it is the current environment.{{_note|}}',
  fix: {
    summary: 'Install {{pypi}} where the build runs (or let the package declare it as a build requirement).',
    steps: [
      'Install it first: `python -m pip install "{{pypi}}"`; with build isolation, then build with `--no-build-isolation` so the build sees it.',
      'If it is your package, list {{pypi}} in pyproject.toml under [build-system] requires (not only in install_requires).',
      'For `invalid command \'bdist_wheel\'`, install `wheel` (or upgrade pip and setuptools, which no longer need it separately).',
    ],
    commands: ['{{_upgrade|python -m pip install --upgrade pip setuptools wheel}}', 'python -m pip install "{{pypi}}"'],
  },
});
