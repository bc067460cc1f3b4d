// cmake-too-old: the installed CMake is older than the project needs: cmake_minimum_required says so, or the project
// uses a policy or a built-in command that a later CMake added.
//
// The lines come from the shared tool-version-too-old signal (kb/signals.ts); kb/tool-versions.ts dates policies and
// commands, so a feature the table does not know (a typo, a module function without its include()) stays silent.

import { defineRule, type Refinement } from '../../../rule.js';
import { cmakeReleaseOfCommand, cmakeReleaseOfPolicy } from '../../../tool-versions.js';

export default defineRule({
  id: 'cmake-too-old',
  title: 'CMake is older than the project requires',
  summary: "The installed CMake is older than the version the project's CMakeLists.txt needs.",
  category: 'toolchain',
  captures: {
    required: { type: 'version', doc: 'the CMake version the project asks for (for a policy or command: the release that added it)' },
    version: { type: 'version', doc: 'the CMake version that ran', optional: true },
    feature: { type: 'string', doc: 'the policy (`CMP0156`) or built-in command (`cmake_path`) this CMake does not know', optional: true },
  },
  internal: ['program', 'policy', 'command'],
  signals: ['tool-version-too-old'],
  patterns: [],
  refine: (ctx): Refinement | null => {
    const minimum = ctx.hits.find((h) => h.captures.required);
    if (minimum?.captures.version) {
      const { required, version } = minimum.captures;
      return { captures: { required, version, _why: `declares \`cmake_minimum_required(VERSION ${required})\`,`, _ran: ` (${version})`, _stops: 'CMake stops at that line, before looking at compilers or dependencies.' } };
    }
    const first = [...ctx.hits].sort((a, b) => a.line - b.line)[0];
    const { policy, command } = first.captures;
    const required = policy ? cmakeReleaseOfPolicy(policy) : command ? cmakeReleaseOfCommand(command) : undefined;
    if (!required) return null;
    const why = policy ? `sets policy ${policy}, which CMake ${required} introduced,` : `calls \`${command}()\`, a command CMake ${required} added,`;
    return { captures: { required, feature: policy ?? command ?? '', _why: why, _stops: 'CMake reports the line and goes on, but the configure step fails.' } };
  },
  explanation:
    'The project {{_why}} and the CMake that ran{{_ran|}} is older. {{_stops|}} Distribution CMake packages lag behind (Ubuntu 18.04 ships 3.10, 20.04 ships 3.16, ' +
    'Debian 11 ships 3.18, Debian 12 ships 3.25), while projects adopt new CMake features quickly.',
  fix: {
    summary: 'Install CMake {{required}} or newer (from PyPI, Kitware or a newer distribution), and make it the first cmake on PATH.',
    steps: [
      "The quickest way on any platform: `python3 -m pip install --upgrade cmake` (the PyPI wheel ships a current CMake); check with `cmake --version` that it comes first on PATH.",
      'On Debian/Ubuntu, Kitware\'s APT repository (apt.kitware.com) has current releases; elsewhere use the release binaries from cmake.org.',
      'If you cannot upgrade, use an older release of the project that supports the installed CMake.',
    ],
    commands: ['python3 -m pip install --upgrade cmake'],
    platformCommands: {
      macos: ['brew upgrade cmake'],
      windows: ['winget upgrade Kitware.CMake'],
    },
  },
});
