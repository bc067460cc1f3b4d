// build-tool-too-old: a build tool that ran (ninja, bison, autoconf, automake) is older than the project asks for, and
// no more specific rule (cmake-too-old, meson-too-old, rustc-too-old) owns the tool.
//
// The lines come from the shared tool-version-too-old signal (kb/signals.ts), which reads each tool's own version
// check; the kb table (components.ts) routes the tool here and names the package that provides it.

import { COMPONENTS, factForOutdatedProgram } from '../../../components.js';
import { mergeInstallFacts } from '../../../platforms.js';
import { defineRule } from '../../../rule.js';

// Where a distribution's package is usually the old one, what gets a current release instead.
const UPGRADE_HINT: Readonly<Record<string, string>> = {
  ninja: '`python3 -m pip install --upgrade ninja` ships a current ninja on any platform; make sure it comes first on PATH (`ninja --version`).',
  bison: 'macOS ships bison 2.3 in /usr/bin: `brew install bison` and put `$(brew --prefix bison)/bin` before /usr/bin on PATH.',
  autoconf: 'Old LTS distributions (CentOS 7: 2.69, Ubuntu 20.04: 2.69) have no newer autoconf package: build it from the GNU release tarball into a prefix of its own, or build the project from its release tarball, which ships a generated configure and needs no autoconf.',
  automake: 'Old LTS distributions have no newer automake package: build it from the GNU release tarball, or build the project from its release tarball, which ships generated Makefile.in files.',
};

export default defineRule({
  id: 'build-tool-too-old',
  title: 'A build tool is older than the project requires',
  summary: 'A build tool the project needs (ninja, bison, autoconf, automake) is installed, but older than the version the project asks for.',
  category: 'toolchain',
  captures: {
    program: { type: 'string', doc: 'the tool that is too old' },
    required: { type: 'version', doc: 'the version the project asks for' },
    version: { type: 'version', doc: 'the version that ran', optional: true },
  },
  internal: ['required2', 'required3', 'version2', 'version3'],
  signals: ['tool-version-too-old'],
  // CMake's Ninja generator names the ninja that ran two lines above its "Ninja 1.10 or higher is required."
  contextBefore: 3,
  patterns: [],
  refine: (ctx) => {
    const hit = [...ctx.hits].sort((a, b) => a.line - b.line)[0];
    const program = hit.captures.program;
    const required = hit.captures.required ?? hit.captures.required2 ?? hit.captures.required3;
    const before = hit.pattern === 'tool-version-too-old:cmake-ninja-features' ? hit.before.map((l) => /^\s*(?<v>\d+(?:\.\d+){1,3})\s*$/.exec(l)?.groups?.v).find(Boolean) : undefined;
    const version = hit.captures.version ?? hit.captures.version2 ?? hit.captures.version3 ?? before;
    if (!program || !required) return null;
    const fact = factForOutdatedProgram(program);
    const install = fact.component ? mergeInstallFacts([COMPONENTS[fact.component]]) : undefined;
    return {
      captures: { program, required, ...(version ? { version } : {}), _ran: version ? ` (${version})` : '', _hint: UPGRADE_HINT[program] ?? '' },
      ...(install ? { install } : {}),
    };
  },
  explanation:
    'The project needs {{program}} {{required}} or newer, and the {{program}} that ran{{_ran|}} is older, so it stops at ' +
    'its version check before doing any work. Distribution packages lag behind upstream releases, and an old copy ' +
    'earlier on PATH (a system one before a newer one in /usr/local or a virtualenv) has the same effect.',
  fix: {
    summary: 'Install {{program}} {{required}} or newer and make it the first {{program}} on PATH.',
    steps: [
      'Upgrade the package that provides `{{program}}` (below), or install a newer release from upstream; check with `{{program}} --version` which one runs.',
      '{{_hint|If the distribution has no newer package, install a current release into a prefix of its own and put its bin directory first on PATH.}}',
      'If you cannot upgrade, use an older release of the project that supports the installed {{program}}.',
    ],
  },
});
