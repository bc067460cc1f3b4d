// cmake-too-old: the project's cmake_minimum_required asks for a newer CMake than the one installed.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'cmake-too-old',
  title: 'CMake is older than the project requires',
  summary: "The installed CMake is older than the version the project's cmake_minimum_required asks for.",
  category: 'toolchain',
  captures: {
    required: { type: 'version', doc: 'the CMake version the project asks for' },
    version: { type: 'version', doc: 'the CMake version that ran' },
  },
  patterns: [
    {
      id: 'cmake-minimum-required',
      // CMake (all 3.x, also 2.8): "CMake 3.15 or higher is required.  You are running version 3.10.2" under
      // "CMake Error at CMakeLists.txt:1 (cmake_minimum_required):"
      source: 'CMake cmake_minimum_required',
      literals: ['or higher is required.'],
      re: /CMake (?<required>\d+(?:\.\d+){1,3}) or higher is required\.\s+You are running version (?<version>\d+(?:\.\d+){1,3})/,
      weight: 0.95,
    },
  ],
  explanation:
    'The project declares `cmake_minimum_required(VERSION {{required}})`, and the CMake that ran is {{version}}. CMake stops ' +
    'right there, before looking at compilers or dependencies. Distribution CMake packages lag behind (Ubuntu 18.04 ships 3.10, ' +
    '20.04 ships 3.16, Debian 11 ships 3.18), while projects adopt new CMake features quickly.',
  fix: {
    summary: 'Install CMake {{required}} or newer (from PyPI, Kitware or a newer distribution), and make it the first cmake on PATH.',
    steps: [
      "The quickest way on any platform: `python3 -m pip install --upgrade cmake` (the PyPI wheel ships a current CMake); check with `cmake --version` that it comes first on PATH.",
      'On Debian/Ubuntu, Kitware\'s APT repository (apt.kitware.com) has current releases; elsewhere use the release binaries from cmake.org.',
      'If you cannot upgrade, use an older release of the project that supports CMake {{version}}.',
    ],
    commands: ['python3 -m pip install --upgrade cmake'],
    platformCommands: {
      macos: ['brew upgrade cmake'],
      windows: ['winget upgrade Kitware.CMake'],
    },
  },
});
