// Where did the build run? Platform hints read from log lines (pure); the platforms themselves are facts in kb/platforms.ts.

import { MACOS_PATH_ROOT, platformOfImage, type CiProvider, type PlatformContext, type PlatformId } from '../kb/platforms.js';

interface PlatformSignal {
  literals: readonly string[];
  re: RegExp;
  platform?: PlatformId;
  ci?: CiProvider;
  score: number;
  /** The first capture group is a Docker image reference. */
  dockerImage?: boolean;
}

// Each signal names the tool or path convention it reads; weights favour explicit statements (a FROM line)
// over incidental paths.
const SIGNALS: readonly PlatformSignal[] = [
  // BuildKit: "#5 [builder 1/9] FROM docker.io/library/rust:1.79-alpine@sha256:..."; legacy builder: "Step 1/12 : FROM rust:1.79"
  { literals: ['FROM '], re: /(?:\[[^\]]*\d+\/\d+\]|Step \d+\/\d+ :)\s+FROM\s+(?:--platform=\S+\s+)?(\S+)/i, score: 0, dockerImage: true },
  { literals: ['/nix/store/'], re: /\/nix\/store\/[a-z0-9]{32}-/, platform: 'nix', score: 2 },
  // A package manager counts only where a command runs it (line start, RUN, a shell trace, after && or ;): tools'
  // advice text ("Try `sudo apt-get install pkg-config` or `yum install pkg-config`") names them all.
  { literals: ['apt-get', 'apt install', 'dpkg'], re: /(?:^|RUN\s+|^[+$#]\s*|&&\s*|;\s*)(?:sudo\s+)?(?:apt-get|apt|dpkg)\s+(?:-\S+\s+)*(?:install|update|-i)\b/, platform: 'debian', score: 2 },
  { literals: ['x86_64-linux-gnu', 'aarch64-linux-gnu'], re: /\/usr\/(?:lib|include)\/(?:x86_64|aarch64)-linux-gnu\b/, platform: 'debian', score: 1 },
  { literals: ['apk '], re: /(?:^|RUN\s+|^[+$#]\s*|&&\s*|;\s*)(?:sudo\s+)?apk (?:add|update)\b/, platform: 'alpine', score: 2 },
  { literals: ['linux-musl'], re: /-(?:unknown|alpine)-linux-musl\b/, platform: 'alpine', score: 1 },
  { literals: ['dnf ', 'yum '], re: /(?:^|RUN\s+|^[+$#]\s*|&&\s*|;\s*)(?:sudo\s+)?(?:dnf|yum) (?:-y )?install\b/, platform: 'fedora', score: 2 },
  // manylinux images keep their interpreters in /opt/python/cp3X-cp3X; maturin-action and cibuildwheel name the image.
  { literals: ['/opt/python/cp', 'pypa/manylinux'], re: /\/opt\/python\/cp\d|quay\.io\/pypa\/manylinux/, platform: 'manylinux', score: 3 },
  { literals: ['pacman '], re: /(?:^|RUN\s+|^[+$#]\s*|&&\s*|;\s*)(?:sudo\s+)?pacman -S/, platform: 'arch', score: 2 },
  { literals: ['zypper '], re: /(?:^|RUN\s+|^[+$#]\s*|&&\s*|;\s*)(?:sudo\s+)?zypper (?:in|install)\b/, platform: 'suse', score: 2 },
  // `/Users/<name>/` is a macOS home, unless a drive letter comes first (`C:/Users/...`, Windows with forward slashes).
  // macOS's own roots: the system frameworks (its Ruby, Python and Perl live there), the Command Line Tools, the
  // system Ruby's gem directory, Homebrew's Intel cellar, and the darwin arch names Ruby builds extensions under.
  {
    literals: ['/Users/', '/opt/homebrew', 'apple-darwin', 'xcrun', 'MacOSX', 'Xcode', '/System/Library/', '/Library/', '/usr/local/Cellar/', '-darwin'],
    // (a root counts where no name or drive letter runs into it: not "C:/Users/...", Windows with forward slashes)
    re: new RegExp(String.raw`(?<![\w.:-])(?:${MACOS_PATH_ROOT})|-apple-darwin\b|\bxcrun\b|MacOSX\d*\.?\d*\.sdk|Xcode\.app|\b(?:x86_64|arm64|universal)-darwin\d+\b`),
    platform: 'macos',
    score: 1,
  },
  // Not "windows-gnu": crates such as winapi-x86_64-pc-windows-gnu are compiled on every platform.
  // A drive path with backslashes and at least one directory (`D:\\src\\vcpkg\\...`), or a forward-slash one under a
  // Windows-only root.
  { literals: [':\\', ':/Users/', ':/Program Files', 'windows-msvc', 'link.exe', 'cl.exe', 'MSVC'], re: /\b[A-Za-z]:\\[^\\\s"'<>|]+\\|\b[A-Z]:[\\/](?:Users|Program Files|a[\\/]|hostedtoolcache|Windows)|-pc-windows-msvc\b|\blink\.exe\b|\bcl\.exe\b|\bMSVC\b/, platform: 'windows', score: 1 },
  // MSYS2, Cygwin and MinGW: their root on a drive (`D:/msys64/`), MSYS's and Cygwin's own triples, a toolchain program
  // run as .exe (`ld.exe: cannot find -lfoo`, `collect2.exe`); Linux cross toolchains for Windows have no .exe.
  { literals: ['msys', 'cygwin', 'mingw', '.exe:', '.exe '], re: /\b[A-Za-z]:[\\/](?:msys(?:64|32|2)?|cygwin(?:64)?|mingw(?:64|32)?|MinGW)[\\/]|-pc-(?:msys|cygwin)\b|\b(?:ld|collect2|gcc|g\+\+|cc1(?:plus)?|as|ar|mingw32-make|make|cmake|ninja)\.exe\b/, platform: 'windows', score: 1 },
  // What only MSVC and MSBuild print, in every language they are localized to (the codes stay): `error C1083:`,
  // `LINK : fatal error LNK1104:`, `error MSB8036:`, the Error List's tab-separated `Error\tC1083\t`, the banners.
  // clang-cl and lld-link cross-building from Linux print neither the codes nor the banners.
  { literals: ['error C', 'error LNK', 'warning LNK', 'error MSB', 'Error\tC', '.vcxproj', 'Microsoft (R)'], re: /\b(?:fatal )?(?:error|warning) (?:C\d{4}|LNK\d{4}|MSB\d{4}):|^\s*Error\tC\d{4}\t|\.vcxproj\b|Microsoft \(R\) (?:C\/C\+\+ Optimizing Compiler|Incremental Linker|Build Engine)/, platform: 'windows', score: 2 },
  // uv's resolver hints: "You're on Windows (`win_amd64`), but ..." / "You're on macOS (`macosx_14_0_arm64`)"
  { literals: ["You're on Windows"], re: /You're on Windows \(`/, platform: 'windows', score: 3 },
  { literals: ["You're on macOS"], re: /You're on macOS \(`/, platform: 'macos', score: 3 },
  { literals: ['##[', 'GITHUB_'], re: /##\[(?:group|error|warning|endgroup)\]|\bGITHUB_(?:WORKSPACE|ACTIONS)\b/, ci: 'github-actions', score: 0 },
  { literals: ['gitlab-runner', 'section_start:'], re: /Running with gitlab-runner|section_start:\d+:/, ci: 'gitlab-ci', score: 0 },
  { literals: ['render.com', '==> '], re: /render\.com|^==> (?:Cloning from|Running build command|Using Python version)/, ci: 'render', score: 0 },
  { literals: ['railway', 'Railway'], re: /\brailway\b|Railway/, ci: 'railway', score: 0 },
  { literals: ['-----> ', 'heroku'], re: /^-----> (?:Building on the Heroku|Python app detected)|\bheroku\b/i, ci: 'heroku', score: 0 },
  { literals: ['nixpacks', 'Nixpacks'], re: /\bnixpacks\b/i, ci: 'nixpacks', score: 0 },
];

export const PLATFORM_LITERALS: readonly string[] = [...new Set(SIGNALS.flatMap((s) => s.literals))];

/** Accumulates platform hints line by line; bounded state. */
export class PlatformTracker {
  private scores = new Map<PlatformId, number>();
  private evidence: { line: number; text: string }[] = [];
  private images: { image: string; line: number }[] = [];
  private ci = new Set<CiProvider>();

  /**
   * `raw` is the line as logged (CI markers live in its decorations), `text` the normalised message (platform
   * signals anchor on it); `hasLiteral` says whether the line contains a literal (the engine's scanner knows).
   */
  observe(raw: string, text: string, line: number, hasLiteral: (literal: string) => boolean = (l) => raw.includes(l)): void {
    for (const signal of SIGNALS) {
      if (!signal.literals.some(hasLiteral)) continue;
      const m = signal.re.exec(signal.ci ? raw : text);
      if (!m) continue;
      if (signal.ci) this.ci.add(signal.ci);
      if (signal.dockerImage && m[1]) {
        if (this.images.length < 64) this.images.push({ image: m[1], line });
        continue;
      }
      if (signal.platform) {
        this.scores.set(signal.platform, (this.scores.get(signal.platform) ?? 0) + signal.score);
        if (this.evidence.length < 8) this.evidence.push({ line, text });
      }
    }
  }

  /** Resolves the platform; `beforeLine` picks the Docker stage that was running when the failure happened. */
  resolve(beforeLine: number | null, fallback: PlatformId | null): PlatformContext {
    const stageImages = beforeLine === null ? this.images : this.images.filter((i) => i.line <= beforeLine);
    const docker = stageImages.at(-1) ?? this.images.at(-1) ?? null;
    const scores = new Map(this.scores);
    if (docker) {
      const p = platformOfImage(docker.image);
      if (p) scores.set(p, (scores.get(p) ?? 0) + 10);
    }
    let best: PlatformId | null = null;
    let bestScore = 0;
    for (const [p, s] of scores) {
      if (s > bestScore) {
        best = p;
        bestScore = s;
      }
    }
    const evidence = docker ? [{ line: docker.line, text: `FROM ${docker.image}` }, ...this.evidence] : this.evidence;
    const platform = best ?? fallback;
    const source = best ? 'log' : platform ? 'host' : 'none';
    return { platform, source, evidence: evidence.slice(0, 8), docker, ci: [...this.ci] };
  }
}
