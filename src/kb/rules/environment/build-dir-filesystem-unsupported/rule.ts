// build-dir-filesystem-unsupported: the build's files sit on a filesystem that refuses what the build does with them:
// running a program the build has just compiled (a noexec mount, a drive without Unix modes), or renaming a directory
// across devices (an image layer below overlayfs, a temporary directory on another mount).

import { defineRule, fillTemplate, type PatternHit, type Refinement } from '../../../rule.js';
import { EXDEV_TEXTS } from '../../../signals.js';

// A program cargo compiled itself: a build script (`target/debug/build/<crate>-<16 hex>/build-script-build`), or a
// binary or test under a target directory, which cargo has just written with its executable bits set.
const CARGO_BUILT_PROGRAM = /[/\\](?:build[/\\][\w-]{1,80}-[0-9a-f]{16}[/\\]build-script-[\w-]{1,40}|(?:target|cargo-install\.\w{1,20})[/\\](?:[\w.-]{1,80}[/\\]){1,4}[\w.-]{1,120})$/;
// What the kernel said when exec() was refused: EACCES in Rust's words (os error 13), as cargo prints it after
// "Caused by:". Without it the exec failed for a reason the paste does not give (ENOENT: a build script compiled for
// another platform), which this rule does not claim.
const EXEC_REFUSED = /Permission denied \(os error 13\)/;

const EXEC_STORY =
  'A program the build had just compiled (`{{file|a build script}}`) could not be run, although it was written with its ' +
  'executable bits: the directory is on a filesystem mounted `noexec` (/tmp on hardened systems, removable media, some home ' +
  'directories), on a drive without Unix permissions (NTFS or exFAT through a FUSE driver, FAT, Android\'s shared storage ' +
  'under Termux), or a cache restored the files without their modes. Nothing is wrong with the code or the permissions of ' +
  'the user.';
const RENAME_STORY =
  'A directory could not be renamed because its old and new paths are on different devices (EXDEV), which rename(2) cannot ' +
  'cross. In a container build, overlayfs cannot rename a directory that an earlier image layer created (an earlier RUN or ' +
  'COPY made target/, downloads/, a toolchain directory); outside one, the two paths sit on different mounts (a TMPDIR on ' +
  'another disk, a bind-mounted subdirectory).';

function refusedCargoExec(hit: PatternHit): boolean {
  return CARGO_BUILT_PROGRAM.test(hit.captures.file ?? '') && hit.after.slice(0, 6).some((l) => EXEC_REFUSED.test(l));
}

export default defineRule({
  id: 'build-dir-filesystem-unsupported',
  title: 'The build directory\'s filesystem refuses what the build does',
  summary: 'The build\'s files sit on a filesystem that will not run the programs the build compiled (noexec, a drive without Unix modes) or rename directories across devices (an image layer, another mount).',
  category: 'resources',
  captures: {
    file: { type: 'path', doc: 'the program that could not be run, or the path that could not be renamed', optional: true },
    operation: { type: 'string', doc: '`exec` (a program the build compiled could not be run) or `rename` (EXDEV)' },
  },
  internal: ['_story'],
  explains: ['permission-denied'],
  contextAfter: 8,
  patterns: [
    {
      id: 'cargo-built-program-not-executable',
      // cargo: "could not execute process `/mnt/usb/x/target/debug/build/x-81ed8f08835ff824/build-script-build` (never
      // executed)", then "Caused by:" and "Permission denied (os error 13)" (cargo 1.0 to 1.9x; made here on a tmpfs
      // mounted noexec). Older cargo capitalised "Could not".
      source: 'cargo',
      literals: ['(never executed)'],
      re: /[Cc]ould not execute process `(?<file>[^`\s]{1,400})` \(never executed\)/,
      weight: 0.9,
    },
    {
      id: 'meson-sanity-check-not-executable',
      // meson setup (compilers/mixins, sanity check): "meson.build:1:0: ERROR: Could not invoke sanity test executable:
      // [Errno 13] Permission denied: '/x/build/meson-private/sanitycheckc.exe'." (meson 1.0, made here on a noexec tmpfs)
      source: 'meson',
      literals: ['Could not invoke sanity test executable'],
      re: /Could not invoke sanity test executable: \[Errno 13\] [^:]{1,60}: '(?<file>[^']{1,400})'/,
      weight: 0.9,
    },
    {
      id: 'rename-across-devices',
      // rename(2) refused with EXDEV: an overlayfs directory that lives in a lower (image) layer, or two paths on
      // different mounts. CMake "file RENAME failed to rename ... because: Invalid cross-device link" (made here on
      // overlayfs), Rust "(os error 18)", Python "[Errno 18] Invalid cross-device link: 'a' -> 'b'", Node "EXDEV:
      // cross-device link not permitted, rename 'a' -> 'b'", cargo 0.0's "couldn't rename path (Invalid cross-device link;
      // from=...". Copying tools (mv, shutil.move) fall back and never print it.
      source: 'rename(2) EXDEV (CMake, Rust, Python, Node)',
      literals: EXDEV_TEXTS,
      re: new RegExp(`(?:${EXDEV_TEXTS.join('|')})`),
      weight: 0.85,
    },
  ],
  refine: (ctx): Refinement | null => {
    const hits = ctx.hits.filter((h) => h.pattern !== 'cargo-built-program-not-executable' || refusedCargoExec(h));
    if (hits.length === 0) return null;
    const first = hits[0];
    const rename = first.pattern === 'rename-across-devices';
    const captures: Record<string, string> = { operation: rename ? 'rename' : 'exec', ...(first.captures.file ? { file: first.captures.file } : {}) };
    return {
      captures: { ...captures, _story: fillTemplate(rename ? RENAME_STORY : EXEC_STORY, captures) },
      evidence: hits.slice(0, 4).map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation: '{{_story}}',
  fix: {
    summary: 'Build on a filesystem that allows executing and renaming (an ext4/APFS/NTFS-native directory, or a Docker volume), or keep the step in one image layer.',
    steps: [
      'Move the build (or just its output: CARGO_TARGET_DIR, meson\'s build directory, TMPDIR for `cargo install`) to a directory on a native, executable filesystem: `CARGO_TARGET_DIR=$HOME/.cache/target cargo build`; `findmnt -T .` shows the mount and its options (noexec).',
      'For a drive mounted without exec (removable media, an NTFS partition), remount it with `exec` (udisks/fstab option) or build from the home directory.',
      'In a Dockerfile, create and rename the directory in the same RUN (or put it on a `RUN --mount=type=cache` or a volume), and do not COPY a host target/ or downloads/ directory into the image (.dockerignore it).',
      'If the build runs from a cache (Nix, a CI cache) that drops file modes, invalidate that cache entry.',
    ],
  },
});
