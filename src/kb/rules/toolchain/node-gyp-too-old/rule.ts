// node-gyp-too-old: the node-gyp that runs (often the copy bundled with npm or pinned by a package such as node-sass)
// predates the Python, Visual Studio or Node.js it finds: Python 2-only code under Python 3, gyp importing distutils
// under Python 3.12+, a Visual Studio release it cannot identify, or a Node.js whose process.config is read-only.
// Not python-missing / msvc-missing: the tool is there.

import type { PatternHit } from '../../../rule.js';
import { defineRule } from '../../../rule.js';

const GYP_FRAME = 'gyp-python-frame';

/** Visual Studio instance folders ("...\Microsoft Visual Studio\2022\Community", VS 2026's "...\18\Insiders") and the
 * first node-gyp that can tell their version (node-gyp 8.4 for VS 2022, 12.1 for VS 2026). */
const VS_INSTANCES: readonly { folder: RegExp; release: string; nodeGyp: readonly [number, number] }[] = [
  { folder: /Microsoft Visual Studio[\\/]2022[\\/]\w+/, release: 'VS 2022', nodeGyp: [8, 4] },
  { folder: /Microsoft Visual Studio[\\/]18[\\/]\w+/, release: 'VS 2026', nodeGyp: [12, 1] },
];

function olderThan(version: string, [major, minor]: readonly [number, number]): boolean {
  const [a, b] = version.split('.').map(Number);
  return a < major || (a === major && b < minor);
}

/** node-gyp's version as its banner or its error trailer prints it. */
function nodeGypVersionOf(hits: readonly PatternHit[]): string | undefined {
  for (const h of hits) if (h.captures._gypA ?? h.captures._gypB) return h.captures._gypA ?? h.captures._gypB;
  return undefined;
}

export default defineRule({
  id: 'node-gyp-too-old',
  title: 'node-gyp is too old for the installed Python, Visual Studio or Node.js',
  summary: 'The node-gyp that builds the addon predates the Python, Visual Studio or Node.js it found, so it cannot use them.',
  category: 'toolchain',
  captures: {
    nodeGypVersion: { type: 'version', doc: 'the node-gyp version that ran', optional: true },
    python: { type: 'path', doc: 'the Python node-gyp used', optional: true },
    pythonVersion: { type: 'version', doc: 'the version of that Python', optional: true },
    vsPath: { type: 'path', doc: 'the Visual Studio installation node-gyp found', optional: true },
  },
  explains: ['python-missing', 'msvc-missing', 'c-code-error'],
  patterns: [
    {
      id: 'node-gyp-3-python2-version-probe',
      // node-gyp <= 3.x probes the version with Python 2 syntax, which Python 3 rejects:
      // 'gyp ERR! stack Error: Command failed: /usr/bin/python3 -c import sys; print "%s.%s.%s" % sys.version_info[:3];'
      source: 'node-gyp <= 3',
      literals: ['print "%s.%s.%s" % sys.version_info'],
      re: / -c import sys; print "%s\.%s\.%s" % sys\.version_info\[:3\]/,
      weight: 0.9,
    },
    {
      id: 'node-gyp-4-python3-unsupported',
      // node-gyp 4.x: 'gyp ERR! stack Error: Python executable "/usr/bin/python3" is v3.11.2, which is not supported by gyp.'
      source: 'node-gyp 4',
      literals: ['which is not supported by gyp'],
      re: /Python executable "(?<_gyp4Python>[^"]{1,300})" is v(?<pythonVersion>3\.\d+(?:\.\d+)?), which is not supported by gyp/,
      weight: 0.9,
    },
    {
      id: 'node-gyp-5.0-python2-range',
      // node-gyp 5.0.0-5.0.2 (lib/configure.js PythonFinder, semverRange '>=2.6.0 <3.0.0') rejecting each Python 3 it
      // tries: 'gyp ERR! find Python - version is 3.7.3 - should be >=2.6.0 <3.0.0'. At ERR! level only when no candidate
      // was accepted (fail() prints the search log); "gyp verb find Python ..." when a later Python 2 was used.
      source: 'node-gyp 5.0.0-5.0.2',
      literals: ['should be >=2.6.0 <3.0.0'],
      re: /find Python - version is (?<pythonVersion>3\.\d+\.\d+) - should be >=2\.6\.0 <3\.0\.0/,
      weight: 0.3,
    },
    {
      id: 'node-gyp-5.0-no-python2',
      // node-gyp 5.0.0-5.0.2's final error when no Python 2 was found: "gyp ERR! stack Error: Could not find any Python 2 installation to use"
      source: 'node-gyp 5.0.0-5.0.2',
      literals: ['Could not find any Python 2 installation to use'],
      re: /Could not find any Python 2 installation to use/,
      weight: 0.3,
    },
    {
      id: 'gyp-undefined-standalone-static-library',
      // node-gyp <= 5.0 (sloppy-mode lib/configure.js) on Node.js whose process.config is read-only (19 and later, and
      // recent 20.x/22.x): its assignment of the variable is silently dropped, and gyp (pylib/gyp/input.py) stops:
      // "gyp: Undefined variable standalone_static_library in binding.gyp while trying to load binding.gyp"
      // (nw-gyp 3.x, a node-gyp 3 fork, prints the same)
      source: 'gyp in node-gyp <= 5.0 / nw-gyp 3',
      literals: ['Undefined variable standalone_static_library'],
      re: /gyp: Undefined variable standalone_static_library in /,
      weight: 0.85,
    },
    {
      id: 'process-config-read-only',
      // node-gyp 5.1-8.1 (strict-mode lib/configure.js, before 8.2 deep-copied process.config) on such a Node.js:
      // "gyp ERR! stack TypeError: Cannot assign to read only property 'cflags' of object '#<Object>'"; counts only with
      // node-gyp's configure.js frame below (node-gyp-configure-frame)
      source: 'node-gyp 5.1-8.1 on a read-only process.config',
      literals: ['Cannot assign to read only property'],
      re: /TypeError: Cannot assign to read only property '(?:cflags|defines|include_dirs|libraries)' of object '#<Object>'/,
      weight: 0.3,
    },
    {
      id: 'node-gyp-configure-frame',
      // the stack frame of node-gyp's createConfigFile: "at createConfigFile (/x/node_modules/node-gyp/lib/configure.js:117:21)"
      source: 'node-gyp',
      literals: ['configure.js:'],
      re: /\bat (?:createConfigFile \()?[^\s()]{0,300}(?:node-gyp|nw-gyp)[\\/]lib[\\/]configure\.js:\d+/,
      weight: 0.05,
    },
    {
      id: 'gyp-python-frame',
      // Python traceback frame inside node-gyp's bundled gyp: '  File "/x/node_modules/node-gyp/gyp/pylib/gyp/input.py", line 19, in <module>'
      // (Windows paths use backslashes; npm >= 7 prefixes "npm error " / "npm ERR! ")
      source: 'Python traceback (node-gyp gyp)',
      literals: ['node-gyp/gyp/', 'node-gyp\\gyp\\'],
      re: /File \\?"[^"]{0,300}node-gyp[\\/]gyp[\\/](?:gyp_main\.py|pylib[\\/]gyp[\\/][\w\\/]{1,80}\.py)\\?", line \d+/,
      weight: 0.2,
    },
    {
      id: 'distutils-missing',
      // Python >= 3.12 (no distutils; also 3.11 images without setuptools): "ModuleNotFoundError: No module named 'distutils'"
      // raised by gyp < 0.16 (node-gyp < 10), input.py: "from distutils.version import StrictVersion"
      source: 'Python 3.12+',
      literals: ["No module named 'distutils'"],
      re: /ModuleNotFoundError: No module named 'distutils'/,
      weight: 0.3,
    },
    {
      id: 'gyp-universal-newline-mode',
      // Python >= 3.11 (the 'U' open mode removed) running the gyp of node-gyp 3.5-7.x, whose input.py opens binding.gyp
      // with 'rU' (node-gyp 8.0 dropped it); gyp appends what it was loading: "ValueError: invalid mode: 'rU' while trying to
      // load binding.gyp". Without that suffix it counts only under a gyp frame (a package's setup.py can do the same)
      source: 'Python 3.11+',
      literals: ["invalid mode: 'rU'"],
      re: /ValueError: invalid mode: 'rU'(?<_gypLoad> while trying to load [\w.\\/-]{0,200}\.gypi?\b)?/,
      weight: 0.3,
    },
    {
      id: 'python2-print-syntax',
      // Python 3 parsing gyp's Python 2 code: "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?"
      source: 'Python 3',
      literals: ["Missing parentheses in call to 'print'"],
      re: /SyntaxError: Missing parentheses in call to 'print'/,
      weight: 0.3,
    },
    {
      id: 'find-vs-unknown-version',
      // node-gyp 5-8.3 with VS 2022, node-gyp before 12.1 with VS 2026 ("...\Microsoft Visual Studio\18\..."):
      // 'gyp ERR! find VS unknown version "undefined" found at "C:\Program Files\Microsoft Visual Studio\2022\Community"'
      source: 'node-gyp >= 5 (find-visualstudio)',
      literals: ['find VS unknown version'],
      re: /find VS unknown version "undefined" found at "(?<vsPath>[^"]{1,300})"/,
      weight: 0.9,
    },
    {
      id: 'node-gyp-version',
      // node-gyp's banner "gyp info using node-gyp@3.8.0" and trailer "gyp ERR! node-gyp -v v9.4.0"
      source: 'node-gyp',
      literals: ['gyp info using node-gyp@', 'gyp ERR! node-gyp -v '],
      re: /gyp info using node-gyp@(?<_gypA>\d+\.\d+\.\d+)|gyp ERR! node-gyp -v v(?<_gypB>\d+\.\d+\.\d+)/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    const has = (id: string) => ctx.hits.some((h) => h.pattern === id);
    const nodeGypVersion = nodeGypVersionOf(ctx.hits);
    const which = nodeGypVersion ? `node-gyp ${nodeGypVersion}` : 'This node-gyp';
    const version: Record<string, string> = nodeGypVersion ? { nodeGypVersion } : {};
    const vsPath = ctx.captures.vsPath;
    // "unknown version" also means VCINSTALLDIR points at no VS instance at all (msvc-missing): only a VS instance folder
    // (release + edition) that this node-gyp is too old to identify is node-gyp being too old.
    const instance = vsPath ? VS_INSTANCES.find((v) => v.folder.test(vsPath)) : undefined;
    if (vsPath && instance && (nodeGypVersion === undefined || olderThan(nodeGypVersion, instance.nodeGyp))) {
      const needs = `${instance.release} needs node-gyp ${instance.nodeGyp.join('.')} or later`;
      return {
        captures: { ...version, vsPath, _story: `${which} found Visual Studio at ${vsPath} but cannot tell its version, because that Visual Studio is newer than this node-gyp (${needs}), so it reports no usable Visual Studio.` },
      };
    }
    // node-gyp 5.0.0-5.0.2 looked for Python 2 only: it failed (the search log at ERR! level, or its final error) after rejecting a Python 3.
    const rejected = ctx.hits.find((h) => h.pattern === 'node-gyp-5.0-python2-range');
    if (rejected && (has('node-gyp-5.0-no-python2') || / ERR! find Python /.test(` ${rejected.text}`))) {
      const pythonVersion = rejected.captures.pythonVersion;
      return {
        confidence: 0.9,
        captures: { ...version, pythonVersion, _story: `${which} accepts only Python 2 (>=2.6.0 <3.0.0, node-gyp 5.0.0 to 5.0.2), and rejected Python ${pythonVersion}, so it found no Python it could use (node-gyp supports Python 3 from 5.0.5).` },
      };
    }
    if (has('gyp-undefined-standalone-static-library') || (has('process-config-read-only') && has('node-gyp-configure-frame'))) {
      const story = has('gyp-undefined-standalone-static-library')
        ? `${which} writes its build variables into Node's process.config, which current Node.js releases (19 and later) make read-only; this old node-gyp's assignment is silently lost, so gyp finds standalone_static_library undefined. node-gyp 8.2 and later copy process.config first.`
        : `${which} writes its build variables into Node's process.config, which current Node.js releases (19 and later) make read-only, so it fails before running gyp. node-gyp 8.2 and later copy process.config first.`;
      return { confidence: 0.9, captures: { ...version, _story: story } };
    }
    if (has('node-gyp-3-python2-version-probe') || has('node-gyp-4-python3-unsupported')) {
      const probe = ctx.hits.find((h) => h.pattern === 'node-gyp-3-python2-version-probe');
      // the interpreter path may contain spaces ("C:\Program Files\Python38\python.exe"), so it is cut out here, on one line
      const probed = probe ? / failed: (.{1,300}?) -c import sys;/.exec(probe.text)?.[1] : undefined;
      const python = probed ?? ctx.captures._gyp4Python ?? 'python3';
      return {
        captures: { ...version, python, _story: `${which} supports only Python 2, and the Python it found (${python}) is Python 3 (node-gyp supports Python 3 from release 5.0.5).` },
      };
    }
    // Python tracebacks count only when they run inside node-gyp's own gyp, not in some package's setup.py.
    if (has('gyp-universal-newline-mode') && (has(GYP_FRAME) || ctx.captures._gypLoad)) {
      return {
        confidence: 0.9,
        captures: { ...version, _story: `${which} runs a gyp that opens binding.gyp with the 'rU' file mode, which Python 3.11 removed; node-gyp 8 and later open it without it.` },
      };
    }
    if (has(GYP_FRAME) && (has('distutils-missing') || has('python2-print-syntax'))) {
      const story = has('distutils-missing')
        ? `${which} runs a gyp that imports distutils, which Python 3.12 removed (and which Python 3.11 has only with setuptools installed); node-gyp 10 and later no longer need it.`
        : `${which} runs a gyp written for Python 2, and Python 3 cannot parse it.`;
      return { confidence: 0.9, captures: { ...version, _story: story } };
    }
    return null;
  },
  explanation:
    '{{_story}} The node-gyp that builds an addon is often not the one you installed: npm runs its own bundled copy, ' +
    'and some packages (node-sass 4, old sqlite3) depend on a pinned node-gyp of their own.',
  fix: {
    summary: 'Run a current node-gyp (10 or later), or give the old one the Python or Visual Studio it supports.',
    steps: [
      'Update npm, whose bundled node-gyp builds most addons (`npm install -g npm`); npm 10 bundles node-gyp 10.',
      'Or point npm at a newer node-gyp: `npm install -g node-gyp` and set `npm_config_node_gyp` to its bin/node-gyp.js.',
      'If a package pins an old node-gyp (`npm ls node-gyp`), upgrade that package (node-sass users: move to `sass`).',
      'Python 3.12+ without distutils: `pip install setuptools` gives old gyp its distutils back until node-gyp is upgraded.',
      'Otherwise point the old node-gyp at an interpreter or Visual Studio it supports (`npm config set python ...`, `--msvs_version`), or build with the Node.js it was made for (before 19).',
    ],
    commands: ['npm ls node-gyp', 'npm install -g npm@latest'],
  },
});
