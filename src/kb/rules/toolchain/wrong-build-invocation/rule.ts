// wrong-build-invocation: the configure tool was pointed at directories that are not a source tree and a build
// directory (meson given two directories without meson.build, or the same one twice; CMake given a source path that
// does not exist or holds no CMakeLists.txt): the command, not the project or the machine, is wrong. CMake's top-level
// "does not appear to contain CMakeLists.txt" also comes from an empty git submodule directory, so the advice names
// both; add_subdirectory's "does not contain a CMakeLists.txt file" stays with source-file-missing.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'wrong-build-invocation',
  title: 'The configure command was pointed at the wrong directories',
  summary: 'The configure command (meson setup, cmake) was given directories that are not the project\'s source tree and a separate build directory.',
  category: 'toolchain',
  captures: {
    tool: { type: 'string', doc: 'the build system that rejected its arguments (CMake or Meson)' },
    directory: { type: 'path', doc: 'the source directory it was given, when the log names it', optional: true },
  },
  patterns: [
    {
      id: 'meson-neither-directory-has-meson-build',
      // meson setup (msetup.py validate_core_dirs): "ERROR: Neither directory contains a build file meson.build." (older meson: under
      // "Error during basic setup:"); recent meson: "ERROR: Neither source directory 'build' nor build directory None contain a build
      // file meson.build." Also for `meson install` mistyped for `ninja install` on a meson that reads it as `meson setup install`.
      source: 'meson setup',
      literals: ['Neither directory contains a build file', 'contain a build file meson.build'],
      re: /^(?:ERROR: )?Neither (?:directory contains|source directory '[^']{0,400}' nor build directory \S{1,400} contain) a build file meson\.build/,
      weight: 0.85,
    },
    {
      id: 'meson-source-equals-build',
      // meson setup: "ERROR: Source and build directories must not be the same. Create a pristine build directory."
      source: 'meson setup',
      literals: ['Source and build directories must not be the same'],
      re: /^(?:ERROR: )?Source and build directories must not be the same/,
      weight: 0.85,
    },
    {
      id: 'cmake-source-directory-does-not-exist',
      // CMake (cmake.cxx): 'CMake Error: The source directory "/x/nosuch" does not exist.' then "Specify --help for usage, or press
      // the help button on the CMake GUI."
      source: 'CMake',
      literals: ['" does not exist.'],
      re: /CMake Error: The source directory "(?<directory>[^"]{1,400})" does not exist\./,
      weight: 0.8,
    },
    {
      id: 'cmake-source-directory-without-cmakelists',
      // CMake (cmake.cxx, 2.x to 3.31): 'CMake Error: The source directory "/x/build" does not appear to contain CMakeLists.txt.'
      // then "Specify --help for usage, ...". add_subdirectory's different wording ("does not contain a CMakeLists.txt file")
      // is source-file-missing's.
      source: 'CMake',
      literals: ['does not appear to contain CMakeLists.txt'],
      re: /CMake Error: The source directory "(?<directory>[^"]{1,400})" does not appear to contain CMakeLists\.txt/,
      weight: 0.8,
    },
  ],
  refine: (ctx) => ({ captures: { tool: ctx.hits.some((h) => h.pattern.startsWith('cmake-')) ? 'CMake' : 'Meson' } }),
  explanation:
    '{{tool}} was run with directories it cannot use: the source directory it was given ({{directory|the one on the command line}}) ' +
    'does not exist or holds no build file (meson.build, CMakeLists.txt), or the source and build directories are the same. The usual causes are ' +
    'running the command from another directory than the instructions assume (inside `build/`, or in a parent folder), a typo in ' +
    'the path, or a mistyped step (`meson install` where the instructions say `ninja install`, which an old meson reads as ' +
    '`meson setup install`). When that directory is a git submodule of the project (or a vendored dependency), it is usually ' +
    'empty because the repository was cloned without its submodules or downloaded as a ZIP archive, which has none.',
  fix: {
    summary: 'Run the configure command from the project\'s top directory, with a separate build directory.',
    steps: [
      'Meson: from the directory that holds the top-level meson.build, `meson setup builddir`; then `meson compile -C builddir` and `meson install -C builddir` (or `ninja -C builddir install`).',
      'CMake: `cmake -S <top-level source directory> -B build`, with the path that holds the top-level CMakeLists.txt (run from the project root, or point -S there; `cmake ..` only works from a build directory directly inside it).',
      'If {{directory|that directory}} is a git submodule (an empty directory in a clone), fetch it: `git submodule update --init --recursive` in the project root; a ZIP download has no submodules, so clone with `git clone --recursive` instead.',
      'Check the build instructions for the exact commands; a typo in one of them is a common cause.',
    ],
    commands: ['meson setup builddir', 'cmake -S . -B build'],
  },
});
