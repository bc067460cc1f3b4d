// cmake-missing: a build (the Rust cmake crate, a Python setup.py, a script) needs the cmake program, which is absent.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'cmake-missing',
  title: 'CMake is not installed',
  summary: 'The build drives a CMake project, but the cmake program is not installed or not on PATH.',
  category: 'toolchain',
  captures: {
    program: { type: 'string', doc: 'the CMake program that was not found' },
  },
  signals: ['program-not-found', 'configure-check-failed'],
  patterns: [
    {
      id: 'cmake-must-be-installed',
      // pybind11 cmake_example-style setup.py (copied by many projects): "RuntimeError: CMake must be installed to build the following extensions: foo"
      source: 'setup.py (cmake_example pattern)',
      literals: ['CMake must be installed'],
      re: /CMake must be installed to build/,
      weight: 0.95,
    },
    {
      id: 'scikit-build-cmake-problem',
      // scikit-build (classic): "Problem with the CMake installation, aborting build. CMake executable is cmake"
      source: 'scikit-build',
      literals: ['Problem with the CMake installation'],
      re: /Problem with the CMake installation, aborting build/,
      weight: 0.9,
    },
    {
      id: 'cmake-js-not-found',
      // cmake-js (node addons): "ERR! OMG CMake executable is not found. Please use your system's package manager to install it"
      source: 'cmake-js',
      literals: ['CMake executable is not found'],
      re: /CMake executable is not found/,
      weight: 0.95,
    },
    {
      id: 'cmake-wrapper-module-missing',
      // Python: "ModuleNotFoundError: No module named 'cmake'" — pip's `cmake` package installs a bin/cmake wrapper
      // (`from cmake import cmake`) that outlives its module; the program is there but broken, so this is no
      // "cmake missing" (setup.py scripts then say "CMake must be installed"), and vetoes the rule
      source: 'Python (pip cmake wrapper)',
      literals: ["No module named 'cmake'"],
      re: /^(?:ModuleNotFoundError|ImportError): No module named 'cmake'$/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => (ctx.hits.some((h) => h.pattern === 'cmake-wrapper-module-missing') ? null : {}),
  explanation:
    'The build generates its native code with CMake (the Rust `cmake` crate in a build script, a setup.py that calls cmake, a ' +
    'Makefile or script), but the `cmake` program is not installed or not on PATH. Crates such as libgit2-sys, rdkafka, ' +
    'aws-lc-sys, llama-cpp or grpcio-sys and many Python packages need it when no prebuilt binary is used.',
  fix: {
    summary: 'Install CMake (and a C/C++ compiler, which CMake will need next).',
    steps: [
      'Install cmake from the system package manager (or `pip install cmake` for a recent version in a Python environment).',
      'If cmake is installed outside PATH, add its bin directory to PATH.',
      { tool: 'cargo', step: 'The Rust cmake crate also takes the path from the CMAKE environment variable (CMAKE=/path/to/cmake).' },
      'Check whether the crate/package has a feature or option that uses a bundled or prebuilt library instead.',
    ],
    components: ['cmake'],
  },
});
