// stale-build-directory: a build directory configured earlier (by another CMake/meson run, in another place, with
// another generator or meson version) is reused, and the build system refuses it. A clean reconfigure fixes it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'stale-build-directory',
  title: 'The build directory was configured for another source, generator or build-system version',
  summary: 'A build directory left by an earlier configure (another path, generator or meson version) is reused, and CMake or meson refuses it.',
  category: 'toolchain',
  captures: {
    tool: { type: 'string', doc: 'the build system that refused the directory (CMake or Meson)' },
    configuredWith: { type: 'string', doc: 'what the directory was configured with: the old path, generator or meson version', optional: true },
    current: { type: 'string', doc: 'what this run uses instead: the new path, generator or meson version', optional: true },
  },
  explains: ['wrong-build-invocation'],
  patterns: [
    {
      id: 'cmake-cache-directory-moved',
      // CMake (cmake.cxx, 2.x to 4.x): "CMake Error: The current CMakeCache.txt directory /new/build/CMakeCache.txt is different
      // than the directory /old/build where CMakeCache.txt was created. This may result in binaries being created in the wrong place."
      source: 'CMake',
      literals: ['where CMakeCache.txt was created'],
      re: /The current CMakeCache\.txt directory (?<current>\S{1,400})[/\\]CMakeCache\.txt is different than the directory (?<configuredWith>\S{1,400}) where CMakeCache\.txt was created/,
      weight: 0.9,
    },
    {
      id: 'cmake-cache-directory-moved-spaced',
      // The same CMake line with a space in a path ("C:/Users/Jane Doe/build"), which the pattern above does not capture.
      source: 'CMake',
      literals: ['CMake Error: The current CMakeCache.txt directory '],
      re: /CMake Error: The current CMakeCache\.txt directory \S/,
      weight: 0.85,
    },
    {
      id: 'cmake-source-mismatch',
      // CMake: 'CMake Error: The source "/new/CMakeLists.txt" does not match the source "/old/CMakeLists.txt" used to generate cache.
      // Re-run cmake with a different source directory.' (a build directory reused for another checkout or source directory)
      source: 'CMake',
      literals: ['used to generate cache'],
      re: /The source "(?<current>[^"]{1,400})" does not match the source "(?<configuredWith>[^"]{1,400})" used to generate cache/,
      weight: 0.9,
    },
    {
      id: 'cmake-generator-mismatch',
      // CMake prints three lines: "CMake Error: Error: generator : Ninja", "Does not match the generator used previously: Unix Makefiles",
      // "Either remove the CMakeCache.txt file and CMakeFiles directory or choose a different binary directory."; the same for
      // "generator platform" ("Does not match the platform used previously: x64") and "generator toolset".
      source: 'CMake',
      literals: ['used previously:'],
      re: /^Does not match the (?:generator|platform|toolset|instance) used previously: ?(?<configuredWith>.{0,200})$/,
      weight: 0.9,
    },
    {
      id: 'meson-version-mismatch',
      // meson (coredata.py MesonVersionMismatchException): "ERROR: Build directory has been generated with Meson version 0.61.2, which is
      // incompatible with the current version 0.62.0." (< 0.57: "... incompatible with current version 0.40.0.", under "Meson encountered
      // an error:"). Not the "Regenerating configuration from scratch: Build directory has been ..." line, after which meson goes on.
      source: 'meson',
      literals: ['Build directory has been generated with Meson version'],
      re: /^(?:ERROR: |Meson encountered an error: ?)?Build directory has been generated with Meson version (?<configuredWith>\d[\w.]{0,30}\w), which is incompatible with (?:the )?current version (?<current>\d[\w.]{0,30}\w)/,
      weight: 0.9,
    },
    {
      id: 'meson-pickle-from-old-version',
      // meson (utils/universal.py pickle_load): "ERROR: Build data file '/x/build/meson-private/build.dat' references functions or classes
      // that don't exist. This probably means that it was generated with an old version of meson. Try running from the source directory
      // meson setup /x/build --wipe" (also "Coredata file ..."): the directory's pickles were written by another meson.
      source: 'meson',
      literals: ["references functions or classes that don't exist"],
      re: /file '(?<_file>[^']{1,400})' references functions or classes that don't exist/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const meson = ctx.hits.some((h) => h.pattern.startsWith('meson-'));
    const cmake = ctx.hits.some((h) => h.pattern.startsWith('cmake-'));
    return { captures: { tool: cmake || !meson ? 'CMake' : 'Meson' } };
  },
  explanation:
    'The build directory was configured before, and not for this run: {{tool}} recorded {{configuredWith|another source directory, generator or version}} ' +
    'in it (its CMakeCache.txt, or meson-private/), and this run uses {{current|a different one}}. This happens when a build directory is ' +
    'copied or moved with the sources (a `build/` committed to the repository, copied into a Docker image, or a project folder moved), ' +
    'when an IDE configured it with another generator (Ninja against Unix Makefiles), or when meson was upgraded or downgraded since the ' +
    'directory was set up. {{tool}} will not reuse such a directory, so nothing is built.',
  fix: {
    summary: 'Delete the stale build directory (or its cache) and configure again.',
    steps: [
      'CMake: remove the build directory, or at least its CMakeCache.txt and CMakeFiles/, and configure again (`cmake --fresh -S . -B build` on CMake >= 3.24); keep one generator per build directory.',
      'Meson: `meson setup --wipe builddir` (or `meson setup --reconfigure builddir` after a minor meson upgrade), or delete builddir and run `meson setup builddir` again.',
      'Do not ship a build directory with the sources: add `build/` to .gitignore and .dockerignore, so a Docker `COPY . .` does not bring the host\'s cache into the image.',
    ],
    commands: [{ tool: 'cmake', command: 'rm -rf build && cmake -S . -B build' }, { tool: 'meson', command: 'meson setup --wipe builddir' }],
  },
});
