// wheel-not-supported: pip will not install a wheel (or any release) because its tags or Requires-Python do not
// match the running interpreter and platform.

import { defineRule } from '../../../rule.js';

/** What a wheel's tags ask for, so the explanation can say which part does not match. */
function describeTags(wheel: string): Record<string, string> {
  // PEP 427 file name: {name}-{version}(-{build})?-{python tag}-{abi tag}-{platform tag}.whl
  const m = /-(?<py>[\w.]+)-(?<abi>[\w.]+)-(?<plat>[\w.]+)\.whl$/.exec(wheel);
  if (!m?.groups) return {};
  const { py, abi, plat } = m.groups;
  const cp = /^cp(?<major>\d)(?<minor>\d+)$/.exec(py)?.groups;
  const version = cp && abi !== 'abi3' ? `it is built for CPython ${cp.major}.${cp.minor} only (\`${py}\`), so any other Python version refuses it; ` : '';
  let hint = 'compare its tags with the ones this interpreter accepts (`python -m pip debug --verbose`)';
  if (/manylinux_2_\d+/.test(plat)) hint = 'a `manylinux_x_y` tag needs pip >= 20.3 (and a glibc at least that new); older pip cannot read it';
  else if (/manylinux2014/.test(plat)) hint = 'a `manylinux2014` tag needs pip >= 19.3 and glibc >= 2.17';
  else if (/musllinux/.test(plat)) hint = 'a `musllinux` tag needs pip >= 21.2 and a musl-based system (Alpine); glibc systems need a manylinux wheel';
  else if (/^linux_/.test(plat)) hint = 'a plain `linux_*` wheel was built on one machine for one exact interpreter; it installs only on a matching Python';
  else if (/^win|^macosx/.test(plat)) hint = `a \`${plat}\` wheel installs only on that OS and architecture (check 32- vs 64-bit Python)`;
  return { pyTag: py, abiTag: abi, platformTag: plat, hint: version + hint };
}

export default defineRule({
  id: 'wheel-not-supported',
  title: 'The wheel does not match this Python or platform',
  summary: 'The installer refused the package because its wheel (or every release) targets a different Python version, ABI or platform than the running interpreter.',
  category: 'packaging',
  captures: {
    reason: { type: 'string', doc: 'why no wheel fits: `tags`, `no-wheel` or `requires-python`' },
    wheel: { type: 'string', doc: 'the wheel that does not fit', optional: true },
    pyTag: { type: 'string', doc: 'its Python tag', optional: true },
    abiTag: { type: 'string', doc: 'its ABI tag', optional: true },
    platformTag: { type: 'string', doc: 'its platform tag', optional: true },
    python: { type: 'version', doc: 'the running Python that the Requires-Python range excludes', optional: true },
    requiresPython: { type: 'string', doc: 'the Requires-Python range of the release', optional: true },
  },
  internal: ['wheelRef', 'hint', 'tagText', 'python2', 'python3', 'wheel3', 'requiresPython3', 'python4', 'requiresPython4'],
  patterns: [
    {
      id: 'pip-not-a-supported-wheel',
      // pip 1.x-25.x: "ERROR: foo-1.0-cp312-cp312-manylinux_2_28_x86_64.whl is not a supported wheel on this platform."
      // (pip < 19 prints it without the "ERROR: " prefix)
      source: 'pip',
      literals: ['is not a supported wheel on this platform'],
      re: /\.whl is not a supported wheel on this platform/,
      weight: 0.95,
    },
    {
      id: 'uv-no-wheel-for-platform',
      // uv 0.5+: "error: Distribution `pyqt5-qt5==5.15.17 @ registry+https://pypi.org/simple` can't be installed because it
      // doesn't have a source distribution or wheel for the current platform" / "... because the binary distribution is
      // incompatible with the current platform"
      source: 'uv',
      literals: ["can't be installed because"],
      re: /can't be installed because (?:it doesn't have a source distribution or wheel for|the binary distribution is incompatible with) the current platform/,
      weight: 0.9,
    },
    {
      id: 'uv-platform-hint',
      // uv 0.5+ hint after the error: "hint: You're on Windows (`win_amd64`), but `pyqt5-qt5` (v5.15.17) only has wheels for the following platforms: ..."
      source: 'uv',
      literals: ['only has wheels for the following platforms'],
      re: /only has wheels for the following platforms/,
      weight: 0.3,
    },
    {
      id: 'uv-path-wheel-incompatible',
      // uv 0.2+: "Caused by: A path dependency is incompatible with the current platform: ta_lib-0.6.0-cp310-cp310-win_amd64.whl";
      // uv 0.9: "The built wheel `kinto-11.2.1-cp3-none-any.whl` is not compatible with the current Python 3.14 on manylinux x86_64"
      source: 'uv',
      literals: ['dependency is incompatible with the current platform', 'is not compatible with the current Python'],
      re: /A path dependency is incompatible with the current platform|\.whl` is not compatible with the current Python/,
      weight: 0.9,
    },
    {
      id: 'pip-package-requires-different-python',
      // pip >= 19.2 (both resolvers), a release whose Requires-Python excludes the running interpreter:
      // "ERROR: Package 'demo-rp' requires a different Python: 3.11.7 not in '>=3.12'"; pip >= 21.1 with several such
      // requirements: "ERROR: Packages require a different Python. 3.7.3 not in:" then "'>=3.8' (required by x 1.0)".
      // Not pip -v's "Link requires a different Python (3.11.7 not in: '>=3.12'): URL", a candidate it skips and goes on
      source: 'pip >= 19.2',
      literals: ['require a different Python', 'requires a different Python'],
      re: /^(?:ERROR: )?(?:Package '(?<wheel>[^'\s]{1,100})' requires a different Python: (?<python>\d[\w.+]{0,30}) not in '(?<requiresPython>[^']{1,100})'|Packages require a different Python\. (?<python2>\d[\w.+]{0,30}) not in:)/,
      weight: 0.95,
    },
    {
      id: 'pip-old-requires-python',
      // pip 9.0-19.1: "ERROR: pyvizio requires Python '>= 3.7' but the running Python is 3.6.5" (pip < 10 without "ERROR: ")
      source: 'pip 9.0-19.1',
      literals: ['but the running Python is'],
      re: /^(?:ERROR: )?(?<wheel3>[A-Za-z0-9][\w.-]{0,100}) requires Python '(?<requiresPython3>[^']{1,100})' but the running Python is (?<python3>\d[\w.+]{0,30})/,
      weight: 0.95,
    },
    {
      id: 'uv-current-python-excluded',
      // uv 0.1+ resolver report: "╰─▶ Because the current Python version (3.8.10) does not satisfy Python>=3.9 and foo==2.0
      // depends on Python>=3.9, we can conclude ..." (wrapped at the terminal width, so the range may be on the next line).
      // Not "the requested Python version (>=3.9) does not satisfy": that is the project's requires-python range, not the
      // interpreter
      source: 'uv',
      literals: ['the current Python version ('],
      re: /\bthe current Python version \((?<python4>\d[\w.+]{0,30})\) does not satisfy(?: Python(?<requiresPython4>[<>=!~][^\s,]{0,40}(?:,[<>=!~][^\s,]{0,40}){0,4}))?/,
      weight: 0.9,
    },
    {
      id: 'pip-ignored-requires-python',
      // pip >= 21.2 resolver, printed only when nothing matched:
      // "ERROR: Ignored the following versions that require a different python version: 2.0.0 Requires-Python >=3.12"
      source: 'pip >= 21.2',
      literals: ['require a different python version'],
      re: /Ignored the following versions that require a different python version/,
      weight: 0.45,
    },
    {
      id: 'pip-no-versions',
      // pip: "ERROR: Could not find a version that satisfies the requirement foo (from versions: none)"; alone this is
      // usually a network, index or name problem, so it only counts together with the Requires-Python line above.
      source: 'pip',
      literals: ['(from versions: none)'],
      re: /\(from versions: none\)/,
      weight: 0.3,
    },
  ],
  refine: (ctx) => {
    const ids = new Set(ctx.hits.map((h) => h.pattern));
    if (ids.has('pip-not-a-supported-wheel') || ids.has('uv-path-wheel-incompatible')) {
      const hit = ctx.hits.find((h) => h.pattern === 'pip-not-a-supported-wheel' || h.pattern === 'uv-path-wheel-incompatible');
      // The file name is the last word before the message (pip prints no path): "ERROR: foo-1.0-py3-none-any.whl is not ..."
      const wheel = /(?:^|[\s/\\`])(?<wheel>[^\s/\\`]+\.whl)(?: is not a supported wheel|` is not compatible|$)/.exec(hit?.text ?? '')?.groups?.wheel ?? '';
      const tags = describeTags(wheel);
      const captures: Record<string, string> = {
        reason: 'tags',
        ...(wheel ? { wheel, wheelRef: `\`${wheel}\`` } : {}),
        ...tags,
        ...(tags.platformTag ? { tagText: ` (here \`${tags.pyTag}\`, \`${tags.abiTag}\`, \`${tags.platformTag}\`)` } : {}),
      };
      return { captures };
    }
    if (ids.has('uv-no-wheel-for-platform')) {
      // uv's hint line names this platform and the ones the package has wheels for.
      const text = ctx.hits.map((h) => h.text).join('\n');
      const wheel = /Distribution `(?<d>[^`\s]+)/.exec(text)?.groups?.d ?? 'the package';
      const on = /You're on (?<os>[\w ]+) \(`(?<tag>[^`]+)`\)/.exec(text)?.groups;
      const hint = on
        ? `it publishes no wheel (and no sdist) for ${on.os} (\`${on.tag}\`), only for the platforms uv lists in its hint`
        : 'the package publishes no wheel (and no sdist) for this platform; uv prints the platforms it does support in its hint line';
      return { captures: { reason: 'no-wheel', wheel, wheelRef: `\`${wheel}\``, hint, ...(on ? { platformTag: on.tag } : {}) } };
    }
    // pip (or uv) named the release, or the range, whose Requires-Python excludes this interpreter.
    const refusal = ctx.hits.find((h) => h.pattern === 'pip-package-requires-different-python' || h.pattern === 'pip-old-requires-python' || h.pattern === 'uv-current-python-excluded');
    if (refusal) {
      const c = refusal.captures;
      const wheel = c.wheel ?? c.wheel3;
      const python = c.python ?? c.python2 ?? c.python3 ?? c.python4;
      const requiresPython = c.requiresPython ?? c.requiresPython3 ?? c.requiresPython4;
      const range = requiresPython ? `Requires-Python \`${requiresPython}\`` : 'a Requires-Python range';
      return {
        captures: {
          reason: 'requires-python',
          ...(wheel ? { wheel, wheelRef: `\`${wheel}\`` } : {}),
          ...(python ? { python } : {}),
          ...(requiresPython ? { requiresPython } : {}),
          hint: `the release declares ${range}, which excludes the running Python${python ? ` ${python}` : ''}`,
        },
      };
    }
    // Requires-Python excluded every release and nothing else was on offer: the interpreter is the problem.
    if (ids.has('pip-ignored-requires-python') && ids.has('pip-no-versions')) {
      return {
        confidence: 0.8,
        captures: {
          reason: 'requires-python',
          wheel: /satisfies the requirement (?<req>[^\s(]+)/.exec(ctx.hits.find((h) => h.pattern === 'pip-no-versions')?.text ?? '')?.groups?.req ?? 'the package',
          wheelRef: `every release of \`${/satisfies the requirement (?<req>[^\s(]+)/.exec(ctx.hits.find((h) => h.pattern === 'pip-no-versions')?.text ?? '')?.groups?.req ?? 'the package'}\``, hint: 'every release declares a Requires-Python range that excludes this interpreter' },
      };
    }
    return null;
  },
  explanation:
    'The installer refused {{wheelRef|the package}}: {{hint|the wheel was built for another Python version, OS or architecture}}. ' +
    'pip and uv compare each wheel\'s Python, ABI and platform tags{{tagText|}} and each release\'s Requires-Python with the ' +
    'interpreter they run under. Common causes: a cp311 wheel installed with Python 3.12/3.13, a wheel built locally ' +
    '(`linux_x86_64`) copied to another machine, a `manylinux_2_28` wheel installed with an old pip or on an older glibc, a 32-bit ' +
    'Python on 64-bit Windows, or `pip` belonging to another interpreter than `python`.',
  fix: {
    summary: 'Install with an interpreter that matches the wheel ({{pyTag|its Python tag}}), upgrade pip, or get the wheel built for this Python and platform.',
    steps: [
      'See which tags this interpreter accepts: `python -m pip debug --verbose` (and always run pip as `python -m pip` so it belongs to that python).',
      'Upgrade pip first: pip < 20.3 cannot install manylinux_2_x wheels and pip < 19.3 cannot install manylinux2014 ones.',
      'Use a Python version the project publishes wheels for (e.g. `uv python install 3.12`, pyenv, or the python:3.12 image), or pick the wheel whose cpXY tag matches your interpreter.',
      'For a Requires-Python refusal, install an older release that still supports your Python (`pip install "pkg<2"`) or upgrade Python.',
      'Locally built `linux_*` wheels only install on the same Python; build it where it is used, or build a manylinux wheel.',
      'Run `buildmedic wheels` on the wheel to see its tags next to this platform.',
    ],
    commands: ['python -m pip install --upgrade pip', 'python -m pip debug --verbose'],
  },
});
