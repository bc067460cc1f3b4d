// cmake-too-old: the installed CMake is older than the project needs: cmake_minimum_required says so, the project
// uses a policy or a built-in command that a later CMake added, or its presets file is in a schema this CMake cannot read.
//
// The lines come from the shared tool-version-too-old signal (kb/signals.ts); kb/tool-versions.ts dates policies and
// commands, so a feature the table does not know (a typo, a module function without its include()) stays silent.

import { defineRule, type Refinement } from '../../../rule.js';
import { presetsTooNew, vsGeneratorTooNew } from '../../../signals.js';
import { cmakeReleaseOfCommand, cmakeReleaseOfPolicy, cmakeReleaseOfPresetsSchema, cmakeReleaseOfSubcommand } from '../../../tool-versions.js';

export default defineRule({
  id: 'cmake-too-old',
  title: 'CMake is older than the project requires',
  summary: "The installed CMake is older than the version the project's CMakeLists.txt needs.",
  category: 'toolchain',
  captures: {
    required: { type: 'version', doc: 'the CMake version the project asks for (for a policy, command or presets schema: the release that added it)', optional: true },
    version: { type: 'version', doc: 'the CMake version that ran', optional: true },
    feature: { type: 'string', doc: 'the policy (`CMP0156`), built-in command (`cmake_path`) or Visual Studio generator this CMake does not know', optional: true },
  },
  internal: ['program', 'policy', 'command'],
  signals: ['tool-version-too-old'],
  patterns: [],
  refine: (ctx): Refinement | null => {
    const minimum = ctx.hits.find((h) => h.captures.required);
    if (minimum?.captures.version) {
      const { required, version } = minimum.captures;
      return { captures: { required, version, _why: `The project declares \`cmake_minimum_required(VERSION ${required})\`, and the CMake that ran (${version}) is older.`, _stops: 'CMake stops at that line, before looking at compilers or dependencies.', _wanted: `CMake ${required} or newer` } };
    }
    const generatorHit = ctx.hits.find((h) => h.pattern === 'tool-version-too-old:cmake-vs-generator-newer');
    const tooNew = generatorHit && vsGeneratorTooNew(generatorHit.text, generatorHit.after);
    if (generatorHit && tooNew) {
      const { name, release: generatorRelease } = tooNew;
      return {
        captures: {
          required: generatorRelease,
          feature: name,
          _why: `The build asks CMake for the "${name}" generator, which CMake ${generatorRelease} added, and the CMake that ran is older: the generators it lists stop at an older Visual Studio.`,
          _stops: 'A build script that picks the generator from the installed Visual Studio (cmake-rs, a -sys crate\'s build.rs, an IDE) asks for the newest one, so an old cmake.exe earlier on PATH than a current one fails like this.',
          _wanted: `CMake ${generatorRelease} or newer`,
        },
        evidence: [{ line: generatorHit.line, text: generatorHit.text }],
      };
    }
    const presets = ctx.hits.find((h) => h.pattern.startsWith('tool-version-too-old:cmake-presets-version'));
    const reason = presets && presetsTooNew([presets.text, ...presets.after.slice(0, 2)]);
    if (presets && reason) {
      // where the reason wrapped onto the next line, show that line too
      const reasonLine = presetsTooNew([presets.text]) ? -1 : presets.after.findIndex((l) => presetsTooNew([l]));
      const evidence = [{ line: presets.line, text: presets.text }, ...(reasonLine >= 0 ? [{ line: presets.line + 1 + reasonLine, text: presets.after[reasonLine] }] : [])];
      const required = reason.schema ? cmakeReleaseOfPresetsSchema(reason.schema) : undefined;
      const asks = reason.minimumRequired
        ? 'asks, in its presets file\'s `cmakeMinimumRequired`, for a newer CMake than the one that ran'
        : `writes its presets file (CMakePresets.json or CMakeUserPresets.json) in a schema version${reason.schema ? ` (${reason.schema}, read since CMake ${required ?? 'a later release'})` : ''} that the CMake that ran does not know`;
      return {
        captures: {
          ...(required ? { required } : {}),
          _why: `The project ${asks}.`,
          _stops: 'CMake reads the presets before anything else, so `cmake --preset` stops at once; each schema version needs the CMake release that introduced it (3 needs 3.21, 4 needs 3.23, 6 needs 3.25, 8 needs 3.28).',
          _wanted: required ? `CMake ${required} or newer` : 'a newer CMake',
          ...(required ? {} : { _hint: " The project's README or its CMakeLists.txt's `cmake_minimum_required` names the release it needs." }),
        },
        evidence,
      };
    }
    const first = [...ctx.hits].sort((a, b) => a.line - b.line)[0];
    const { policy, command, _subOf: subOf, _sub: sub } = first.captures;
    const required = policy ? cmakeReleaseOfPolicy(policy) : command ? cmakeReleaseOfCommand(command) : subOf && sub ? cmakeReleaseOfSubcommand(subOf, sub) : undefined;
    if (!required) return null;
    const why = policy
      ? `sets policy ${policy}, which CMake ${required} introduced,`
      : command
        ? `calls \`${command}()\`, a command CMake ${required} added,`
        : `calls \`${subOf}(${sub} ...)\`, a sub-command CMake ${required} added,`;
    const feature = policy ?? command ?? `${subOf}(${sub})`;
    return { captures: { required, feature, _why: `The project ${why} and the CMake that ran is older.`, _stops: 'CMake reports the line and goes on, but the configure step fails.', _wanted: `CMake ${required} or newer` } };
  },
  explanation:
    '{{_why}} {{_stops|}} Distribution CMake packages lag behind (Ubuntu 18.04 ships 3.10, 20.04 ships 3.16, ' +
    'Debian 11 ships 3.18, Debian 12 ships 3.25), while projects adopt new CMake features quickly.',
  fix: {
    summary: 'Install {{_wanted}} (from PyPI, Kitware or a newer distribution), and make it the first cmake on PATH.{{_hint|}}',
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
