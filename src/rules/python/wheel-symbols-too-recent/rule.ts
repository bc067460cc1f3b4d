// wheel-symbols-too-recent: auditwheel (or maturin) refuses to tag a wheel manylinux_X because its binaries use glibc /
// libstdc++ symbol versions newer than that policy allows: the wheel was built on a too-new system.

import { defineRule } from '../../../core/rule.js';

export default defineRule({
  id: 'wheel-symbols-too-recent',
  title: 'The wheel was built against a newer glibc than its manylinux tag allows',
  summary: 'The wheel\'s binaries use glibc or libstdc++ symbol versions newer than its requested manylinux tag allows, so auditwheel or maturin cannot tag it.',
  category: 'packaging',
  patterns: [
    {
      id: 'auditwheel-too-recent',
      // auditwheel repair (all versions): 'auditwheel: error: cannot repair "dist/x-1.0-cp312-cp312-linux_x86_64.whl" to
      // "manylinux_2_5_x86_64" ABI because of the presence of too-recent versioned symbols. You'll need to compile the wheel on an older toolchain.'
      source: 'auditwheel repair',
      literals: ['too-recent versioned symbols'],
      re: /cannot repair "(?<wheel>[^"]{1,300})" to "(?<policy>[^"]{1,80})" ABI because of the presence of too-recent versioned symbols/,
      weight: 0.95,
    },
    {
      id: 'maturin-too-recent',
      // maturin's built-in audit: 'Your library is not manylinux_2_17 compliant because of the presence of too-recent versioned symbols: ...'
      source: 'maturin',
      literals: ['too-recent versioned symbols'],
      re: /Your library is not (?<policy2>[\w.]{1,60}) compliant because of the presence of too-recent versioned symbols/,
      weight: 0.95,
    },
  ],
  refine: (ctx) => ({ captures: { policy: ctx.captures.policy ?? ctx.captures.policy2 ?? 'the requested manylinux policy' } }),
  explanation:
    'A manylinux tag promises that the wheel runs on every Linux with at least that glibc (manylinux_2_28 = glibc 2.28, manylinux2014 ' +
    '= 2.17, manylinux1 / manylinux_2_5 = 2.5). The wheel\'s binaries were linked on a newer system and import symbol versions ' +
    '(GLIBC_2.x, GLIBCXX_3.4.x) above what {{policy}} allows, so the tag would be a lie and the repair stops. Building on the ' +
    'developer\'s or CI runner\'s own distribution instead of a manylinux image, or asking for an older policy than the build image ' +
    '(auditwheel without --plat defaults to the oldest), is the usual cause.',
  fix: {
    summary: 'Build the wheel in a manylinux image at least as old as {{policy}} (cibuildwheel does this), or request the policy the build system actually meets.',
    steps: [
      'Build inside the matching manylinux image (quay.io/pypa/manylinux2014_x86_64, manylinux_2_28_x86_64, ...), e.g. with cibuildwheel or maturin-action.',
      'Or target a newer policy: `auditwheel show <wheel>` prints the one the wheel meets; pass it as `--plat` (users then need that glibc or newer).',
      'Rust: `maturin build --compatibility manylinux2014` inside that image, or `cargo zigbuild --target x86_64-unknown-linux-gnu.2.17` to link against an old glibc from any host.',
      '`buildmedic wheel <file.whl>` names the objects and symbols that require the newer glibc.',
    ],
    commands: ['auditwheel show dist/*.whl'],
  },
});
