// cmake-too-new: CMake 4 no longer configures a project (or a vendored dependency) whose cmake_minimum_required is
// older than 3.5; the opposite of cmake-too-old.

import { defineRule } from '../../../rule.js';

// CMake's error header names the CMakeLists.txt whose call failed: "CMake Error at externals/x/CMakeLists.txt:1 (cmake_minimum_required):".
const ERROR_AT = /^CMake Error at (?<file>.{1,300}?):\d+ \((?:cmake_minimum_required|cmake_policy)\):$/;

export default defineRule({
  id: 'cmake-too-new',
  title: 'CMake is newer than the project supports',
  summary: "The installed CMake (4.0 or newer) has dropped compatibility with the old version the project's cmake_minimum_required names.",
  category: 'toolchain',
  captures: {
    removed: { type: 'version', doc: 'the oldest CMake version this CMake still offers compatibility with' },
    file: { type: 'path', doc: 'the CMakeLists.txt (or module) whose cmake_minimum_required is too old', optional: true },
  },
  contextBefore: 2,
  patterns: [
    {
      id: 'cmake-compatibility-removed',
      // CMake >= 4.0 cmake_minimum_required()/cmake_policy(VERSION) with a version below 3.5, under
      // "CMake Error at CMakeLists.txt:1 (cmake_minimum_required):": "  Compatibility with CMake < 3.5 has been removed from CMake."
      // (CMake 3.x only warned: "... will be removed from a future version of CMake.", a deprecation warning)
      source: 'CMake cmake_minimum_required',
      literals: ['has been removed from CMake'],
      re: /^Compatibility with CMake < (?<removed>\d+(?:\.\d+){1,2}) has been removed from CMake\./,
      weight: 0.95,
    },
    {
      id: 'cmake-policy-version-minimum-advice',
      // The advice CMake 4 prints under that error, the one line of it a paste sometimes keeps: "Or, add
      // -DCMAKE_POLICY_VERSION_MINIMUM=3.5 to try configuring anyway." (cmPolicies.cxx; CMake 3.x has no such option)
      source: 'CMake >= 4.0 cmake_minimum_required',
      literals: ['to try configuring anyway'],
      re: /^Or, add -DCMAKE_POLICY_VERSION_MINIMUM=(?<removed>\d+(?:\.\d+){1,2}) to try configuring anyway\./,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const hit = ctx.hits[0];
    const file = [...hit.before].reverse().map((l) => ERROR_AT.exec(l)?.groups?.file).find((f) => f !== undefined);
    return file !== undefined ? { captures: { file } } : {};
  },
  explanation:
    '`{{file|CMakeLists.txt}}` asks for compatibility with a CMake older than {{removed}} ' +
    '(`cmake_minimum_required(VERSION 2.8)` or `3.1`), and CMake 4.0 removed that compatibility: it stops instead of ' +
    'configuring. The project is not broken for older CMake; the CMake that ran is newer than the project was written ' +
    'for. It often hits a vendored dependency or a submodule that has not been updated in years.',
  fix: {
    summary: 'Raise cmake_minimum_required to at least {{removed}}, or configure with -DCMAKE_POLICY_VERSION_MINIMUM={{removed}}.',
    steps: [
      'In the CMakeLists.txt that fails, write `cmake_minimum_required(VERSION {{removed}}...3.31)` (the `...<max>` part keeps newer policies working); for a vendored dependency, update it to a release that did so.',
      'Until then, `cmake -DCMAKE_POLICY_VERSION_MINIMUM={{removed}} ...` (or the environment variable `CMAKE_POLICY_VERSION_MINIMUM={{removed}}`, which also reaches CMake runs inside pip, cargo or a package recipe) configures anyway, as CMake suggests.',
      'Or use a CMake 3.x (`python3 -m pip install "cmake<4"`).',
    ],
    commands: ['cmake -DCMAKE_POLICY_VERSION_MINIMUM={{removed}} -S . -B build'],
  },
});
