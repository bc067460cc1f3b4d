// wheel-symbols-too-recent: auditwheel or maturin refuses to tag a Linux wheel manylinux_X because the extension
// uses glibc/libstdc++ symbol versions newer than that policy allows: it was compiled against a newer C library than
// the platform tag promises (a build on the host instead of in a manylinux container, or a policy that is too old).

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'wheel-symbols-too-recent',
  title: 'The wheel uses C library symbols too new for its manylinux tag',
  summary: 'A wheel build failed its manylinux check: the extension needs newer glibc or libstdc++ symbol versions than the requested tag allows.',
  category: 'packaging',
  captures: {
    wheel: { type: 'path', doc: 'the wheel that was audited', optional: true },
    policy: { type: 'string', doc: 'the manylinux policy it was checked against' },
  },
  internal: ['library'],
  patterns: [
    {
      id: 'auditwheel-too-recent',
      // auditwheel repair: 'auditwheel: error: cannot repair "dist/x-1.0-cp312-cp312-linux_x86_64.whl" to "manylinux_2_17_x86_64"
      // ABI because of the presence of too-recent versioned symbols. You'll need to compile the wheel on an older toolchain.'
      source: 'auditwheel repair',
      literals: ['because of the presence of too-recent versioned symbols'],
      re: /cannot repair "(?<wheel>[^"]{1,300})" to "(?<policy>[^"]{1,60})" ABI because of the presence of too-recent versioned symbols/,
      weight: 0.95,
    },
    {
      id: 'maturin-too-recent',
      // maturin >= 0.12: 'Caused by: Your library is not manylinux_2_31 compliant because of the presence of too-recent versioned
      // symbols: ["libc.so.6 offending symbols: stat64@GLIBC_2.33, ..."]. Consider building in a manylinux docker container'
      source: 'maturin',
      literals: ['because of the presence of too-recent versioned symbols'],
      re: /is not (?<_policy2>(?:manylinux|musllinux)[\w.]{0,30}) compliant because of the presence of too-recent versioned symbols/,
      weight: 0.95,
    },
    {
      id: 'maturin-old-offending-symbols',
      // maturin 0.10-0.11 listed the same as forbidden libraries: 'Your library is not manylinux compliant because it links the
      // following forbidden libraries: ["libc.so.6 offending symbols: clock_gettime@@GLIBC_2.17, memcpy@@GLIBC_2.14"]'
      // (a library that is forbidden outright, '["libz.so.1"]', is another problem and has no "offending")
      source: 'maturin 0.10-0.11',
      literals: ['links the following forbidden libraries'],
      re: /compliant because it links the following forbidden libraries: \["(?<library>lib(?:c|m|pthread|dl|rt|stdc\+\+|gcc_s)\.so\.\d+) offending (?:symbols|versions)/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const policy = ctx.captures.policy ?? ctx.captures._policy2 ?? 'the requested manylinux';
    return { captures: { policy } };
  },
  explanation:
    'The wheel cannot carry the `{{policy}}` tag: its extension needs glibc (or libstdc++) symbol versions newer than ' +
    'that tag guarantees, so it would fail to load on the older systems the tag promises to support. This happens when ' +
    'the extension is compiled on a recent distribution (a developer machine, ubuntu-latest in CI) instead of inside a ' +
    'manylinux container, or when the requested tag (auditwheel\'s default, or an explicit --plat/--compatibility) is older ' +
    'than the toolchain the wheel was built with.',
  fix: {
    summary: 'Build the wheel inside a manylinux container (or with zig for an older glibc), or request a newer manylinux tag.',
    steps: [
      'Build in the matching manylinux image: cibuildwheel does this by default; with maturin use `maturin-action` with `manylinux: auto` or `docker run quay.io/pypa/manylinux_2_28_x86_64 ...`.',
      'maturin: `maturin build --release --zig --compatibility manylinux_2_17` cross-links against an older glibc.',
      'Or ask for a tag that matches the build machine (`auditwheel repair --plat manylinux_2_35_x86_64`, `maturin build --compatibility manylinux_2_35`); users need a pip and a glibc at least that new.',
      '`auditwheel show <wheel>` names the newest tag the wheel satisfies and the symbols that prevent an older one.',
    ],
  },
});
