// Wheel-only rule: arch-mismatch, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'arch-mismatch',
  title: 'A compiled object is built for another architecture than the tag',
  summary: 'A compiled object in a wheel is built for another architecture or operating system than the wheel\'s platform tag says.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: 'The platform tag (`manylinux_2_17_aarch64`, `win_amd64`, `macosx_11_0_arm64`) decides where pip installs the wheel; the objects inside decide where it can load. An x86_64 or i686 object in an aarch64 wheel, or Linux ELF objects in a macOS or Windows wheel, fail on import everywhere the tag sends them.',
  fix: { summary: 'Build for the tagged architecture (`cibuildwheel --archs aarch64`, `maturin build --target aarch64-unknown-linux-gnu`, QEMU or a native runner), or tag the wheel with the architecture it was built for.' },
});
