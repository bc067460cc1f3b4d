// source-checkout-incomplete: the build adds a directory of its own source tree that is empty or absent, most
// often a git submodule that was never checked out (a clone without --recursive, GitHub's "Download ZIP", an sdist
// or git archive that leaves submodules out). Not a missing system library: the files belong to the project.

import { defineRule } from '../../../core/rule.js';

/** CMake prints the directory on its own line, indented, two lines above "does not contain a CMakeLists.txt file.". */
const INDENTED_PATH = /^\s*(\S.{0,300}?)\s*$/;

export default defineRule({
  id: 'source-checkout-incomplete',
  title: 'A source directory of the project is missing or empty (a submodule not checked out?)',
  summary: 'The build adds a directory of its own source tree that is empty or absent, usually a git submodule that was not checked out.',
  category: 'code', // the project's own source tree is incomplete
  contextBefore: 3,
  patterns: [
    {
      id: 'cmake-subdir-no-cmakelists',
      // CMake add_subdirectory on an empty or foreign directory: "CMake Error at CMakeLists.txt:3 (add_subdirectory):",
      // "  The source directory", "    /src/app/third_party/fmt", "  does not contain a CMakeLists.txt file."
      source: 'CMake add_subdirectory',
      literals: ['does not contain a CMakeLists.txt file'],
      re: /^does not contain a CMakeLists\.txt file/,
      weight: 0.85,
    },
    {
      id: 'cmake-subdir-not-existing',
      // CMake add_subdirectory on a missing directory (the message wraps at 80 columns, so "directory." may be on the next line):
      // 'add_subdirectory given source "extern/pybind11" which is not an existing directory.'
      source: 'CMake add_subdirectory',
      literals: ['add_subdirectory given source'],
      re: /add_subdirectory given source "(?<directory>[^"]{1,300})" which is not an existing/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const noCmakeLists = ctx.hits.find((h) => h.pattern === 'cmake-subdir-no-cmakelists');
    const before = noCmakeLists ? [...noCmakeLists.before].reverse().find((l) => l.trim() !== '') : undefined;
    const fromContext = before ? INDENTED_PATH.exec(before)?.[1] : undefined;
    const directory = ctx.captures.directory ?? fromContext ?? 'a subdirectory';
    const state = ctx.captures.directory ? 'does not exist' : 'has no CMakeLists.txt (it is empty, or holds something else)';
    return { captures: { directory, _state: state } };
  },
  explanation:
    'The project\'s CMakeLists.txt adds `{{directory}}` with add_subdirectory, and that directory {{_state}}. It is part ' +
    'of the project\'s own source tree, most often a git submodule (pybind11, fmt, googletest...) that was not checked out: ' +
    'a `git clone` without `--recursive`, GitHub\'s "Download ZIP", a git archive or an sdist that leaves submodules out. ' +
    'Installing a system package does not help; the missing files belong to the checkout. The errors that follow ' +
    '(`Unknown CMake command "pybind11_add_module"`) are consequences.',
  fix: {
    summary: 'Check out the missing submodules (or the complete source) and configure again.',
    steps: [
      'In a git clone: `git submodule update --init --recursive`, then rerun CMake (for a new clone: `git clone --recursive <url>`).',
      'From a ZIP or tarball: download a release archive that includes the submodules, or clone the repository instead.',
      'If the directory is optional (tests, examples), turn off the option that adds it.',
    ],
    commands: ['git submodule update --init --recursive'],
  },
});
