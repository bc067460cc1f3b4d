// disk-full: the disk (or tmpfs, Docker's storage, a CI runner's volume) filled up while the build was writing.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'disk-full',
  title: 'The disk is full',
  summary: 'The build failed because the file system it was writing to ran out of space.',
  category: 'resources',
  captures: {
    path: { type: 'path', doc: 'the file being written when the disk filled', optional: true },
    program: { type: 'string', doc: 'the program that reported it', optional: true },
  },
  internal: ['where'],
  patterns: [
    {
      id: 'enospc-text',
      // strerror(ENOSPC) as printed by cargo/rustc "No space left on device (os error 28)", Python
      // "[Errno 28] No space left on device", gcc/as/ld "error writing to /tmp/cc.s: No space left on device",
      // cp/tar, and Docker/BuildKit "write /var/lib/docker/...: no space left on device"
      source: 'cargo / rustc / gcc / ld / Python / Docker (strerror ENOSPC)',
      literals: ['No space left on device', 'no space left on device', 'No Space Left On Device'],
      re: /no space left on device/i,
      weight: 0.95,
    },
    {
      id: 'enospc-code',
      // Node/npm/node-gyp: "npm ERR! code ENOSPC", "Error: ENOSPC: no space left on device, write".
      // Not inotify's "ENOSPC: System limit for number of file watchers reached" (a watcher limit, not disk).
      source: 'node / npm',
      literals: ['ENOSPC'],
      re: /\bENOSPC\b/,
      weight: 0.85,
    },
    {
      id: 'windows-disk-full',
      // Windows (cargo, rustc, MSBuild): "There is not enough space on the disk. (os error 112)"
      source: 'Windows',
      literals: ['not enough space on the disk'],
      re: /There is not enough space on the disk/,
      weight: 0.95,
    },
    {
      id: 'disk-quota',
      // EDQUOT: "Disk quota exceeded (os error 122)", "[Errno 122] Disk quota exceeded"
      source: 'Linux (strerror EDQUOT)',
      literals: ['Disk quota exceeded'],
      re: /Disk quota exceeded/,
      weight: 0.85,
    },
    {
      id: 'gha-low-disk',
      // GitHub Actions runner annotation: "You are running out of disk space. The runner will stop working when the
      // machine runs out of disk space."
      source: 'GitHub Actions runner',
      literals: ['running out of disk space'],
      re: /You are running out of disk space/,
      weight: 0.75,
    },
    {
      id: 'linker-sigbus',
      // gcc collect2 when ld/lld dies writing its mmapped output on a full tmpfs:
      // "collect2: fatal error: ld terminated with signal 7 [Bus error]"; cargo: "(signal: 7, SIGBUS: access to undefined memory)"
      source: 'gcc collect2 / cargo',
      literals: ['terminated with signal 7', 'SIGBUS'],
      re: /fatal error: (?<program>[\w.+-]{1,40}) terminated with signal 7 \[|\(signal: 7, SIGBUS: access to undefined memory\)/,
      weight: 0.7,
    },
    {
      id: 'cargo-failed-write',
      // cargo: "error: failed to write `/tmp/cargo-install.../invoked.timestamp`" followed by "Caused by: No space left
      // on device": only names the path, support for the lines above.
      source: 'cargo',
      literals: ['failed to write', 'failed to link or copy', 'failed to copy'],
      re: /^(?:> ?)?error: failed to (?:write|link or copy|copy) (?:to )?`[^`]+`/,
      weight: 0.2,
    },
  ],
  refine: (ctx) => {
    // inotify_add_watch also fails with ENOSPC ("System limit for number of file watchers reached", "watch ENOSPC"):
    // a watcher limit of dev servers, not a full disk.
    const hits = ctx.hits.filter((h) => !/file watchers|\bwatch\b|inotify/i.test(h.text));
    if (hits.length === 0) return null;
    const path = hits
      .map((h) => /(?:failed to (?:write|create|copy|link or copy|open)[^`']{0,40}|writing to|copying)\s*[`'‘"]?(?<p>\/[^`'’":\s]+|[A-Za-z]:\\[^`'’":]+)/.exec(h.text)?.groups?.p)
      .find(Boolean);
    const evidence = hits.map((h) => ({ line: h.line, text: h.text }));
    return path ? { evidence, captures: { path, where: ` (while writing \`${path}\`)` } } : { evidence };
  },
  explanation:
    'A write failed because the file system was full{{where|}}. Rust target/ directories grow to many GB ' +
    '(debug info, incremental caches, one copy per profile and target), Docker keeps every image layer and build cache, and CI ' +
    'runners and tmpfs mounts (/tmp) are small. A linker that mmaps its output on a full tmpfs dies with SIGBUS instead of ' +
    'printing "No space left on device".',
  fix: {
    summary: 'Free disk space (old build artifacts, Docker cache) or build on a bigger volume.',
    steps: [
      'See what is full: `df -h` (and `df -h /tmp` for tmpfs); `du -sh target ~/.cargo`.',
      'Remove old build output: `cargo clean` (or `cargo install cargo-sweep && cargo sweep --time 7`), `rm -rf build/`.',
      'Docker: `docker system prune -af` and `docker builder prune -af`; Docker Desktop: raise the virtual disk limit.',
      'Point the build at a bigger disk: `CARGO_TARGET_DIR=/bigdisk/target`, `TMPDIR=/bigdisk/tmp`.',
      'GitHub Actions: remove preinstalled SDKs before building (e.g. `sudo rm -rf /usr/share/dotnet /usr/local/lib/android /opt/ghc`, or the jlumbroso/free-disk-space action); reduce debug info with `CARGO_PROFILE_DEV_DEBUG=0`.',
    ],
    commands: ['df -h', { tool: 'cargo', command: 'cargo clean' }, { tool: 'pip', command: 'python -m pip cache purge' }, { tool: 'docker', command: 'docker system prune -af' }],
    platformCommands: {
      windows: ['cargo clean', 'cleanmgr', 'wsl --shutdown, then compact the WSL2 virtual disk (Optimize-VHD)'],
      macos: ['docker system prune -af', 'Docker Desktop: Settings > Resources > Virtual disk limit'],
      nix: ['nix-collect-garbage -d'],
    },
  },
});
