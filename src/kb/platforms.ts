// Platforms, their package managers and how each installs packages: facts shared by diagnose, doctor, scan and fix.
// Part of kb/: imports nothing outside kb/.

export type PlatformId = 'debian' | 'fedora' | 'rhel' | 'manylinux' | 'alpine' | 'arch' | 'suse' | 'macos' | 'windows' | 'nix';

export type PackageManager = 'apt' | 'dnf' | 'yum' | 'apk' | 'pacman' | 'zypper' | 'brew' | 'nix';

/** Every platform, in the order fixes list them when the log does not say where it ran. */
/**
 * Directories only macOS has, as a regex source: a home under /Users, Homebrew's prefixes (Apple silicon, Intel's
 * cellar), the system frameworks (its Ruby, Python and Perl live there), the Command Line Tools, and /Library's Ruby
 * gems and python.org framework. Platform detection and the rules that tell a macOS tool by its path share it.
 */
export const MACOS_PATH_ROOT = String.raw`\/Users\/[^/\s]+\/|\/opt\/homebrew\/|\/usr\/local\/Cellar\/|\/System\/Library\/Frameworks\/|\/Library\/(?:Developer\/CommandLineTools|Ruby|Frameworks\/Python\.framework)\/`;

export const ALL_PLATFORMS: readonly PlatformId[] = ['debian', 'fedora', 'rhel', 'manylinux', 'alpine', 'arch', 'suse', 'macos', 'nix', 'windows'];

export const PLATFORM_LABEL: Record<PlatformId, string> = {
  debian: 'Debian/Ubuntu',
  fedora: 'Fedora',
  rhel: 'RHEL/CentOS/Rocky/Alma',
  manylinux: 'manylinux container',
  alpine: 'Alpine',
  arch: 'Arch Linux',
  suse: 'openSUSE',
  macos: 'macOS',
  windows: 'Windows',
  nix: 'Nix',
};

export const PACKAGE_MANAGER_OF: Record<PlatformId, PackageManager | null> = {
  debian: 'apt',
  fedora: 'dnf',
  rhel: 'dnf',
  manylinux: 'yum',
  alpine: 'apk',
  arch: 'pacman',
  suse: 'zypper',
  macos: 'brew',
  windows: null,
  nix: 'nix',
};

export function installCommand(manager: PackageManager, packages: readonly string[], inDocker: boolean): string {
  const list = packages.join(' ');
  const sudo = inDocker ? '' : 'sudo ';
  switch (manager) {
    case 'apt':
      return inDocker
        ? `apt-get update && apt-get install -y --no-install-recommends ${list} && rm -rf /var/lib/apt/lists/*`
        : `sudo apt-get update && sudo apt-get install -y ${list}`;
    case 'dnf':
      return `${sudo}dnf install -y ${list}`;
    case 'yum':
      return `${sudo}yum install -y ${list}`;
    case 'apk':
      return `${sudo}apk add --no-cache ${list}`;
    case 'pacman':
      return `${sudo}pacman -S --needed --noconfirm ${list}`;
    case 'zypper':
      return `${sudo}zypper install -y ${list}`;
    case 'brew':
      return `brew install ${list}`;
    case 'nix':
      return `nix-shell -p ${list}   # or add them to buildInputs/nativeBuildInputs of your flake's devShell or package`;
  }
}

/** What finds the package that ships a file, per package manager: the answer for an entity the table does not know. */
export function fileSearchCommand(manager: PackageManager, file: string): string {
  switch (manager) {
    case 'apt':
      return `apt-file search ${file}   # apt-get install apt-file && apt-file update first`;
    case 'dnf':
    case 'yum':
      return `${manager} provides '*/${file}'`;
    case 'apk':
      return `apk search ${file.replace(/\.[^.]*$/, '')}   # names only; pkgs.alpinelinux.org/contents searches files`;
    case 'pacman':
      return `pkgfile ${file}   # or: pacman -F ${file}`;
    case 'zypper':
      return `zypper search --provides '*/${file}'`;
    case 'brew':
      return `brew search ${file}`;
    case 'nix':
      return `nix-locate --top-level ${file}   # from nix-index`;
  }
}

/** What installs something on each platform: packages per manager, and advice where no manager is the way. */
export interface InstallFacts {
  packages: Partial<Record<PackageManager, readonly string[]>>;
  platform?: { macos?: string; windows?: string; any?: string };
  /** A file that the missing package installs: where no package is known, the command that finds it is printed instead. */
  search?: string;
}

/**
 * The install commands for one platform, as diagnose and doctor print them: the platform's own advice (Windows,
 * a macOS toolchain installer) replaces the package manager's line; yum reuses dnf names when it has none of its own.
 */
export function installCommandsFor(facts: InstallFacts, platform: PlatformId, inDocker: boolean): { label: string; command: string }[] {
  const extra = platform === 'macos' ? facts.platform?.macos : platform === 'windows' ? facts.platform?.windows : undefined;
  if (extra) return [{ label: PLATFORM_LABEL[platform], command: extra }];
  const manager = PACKAGE_MANAGER_OF[platform];
  const packages = manager ? (facts.packages[manager] ?? (manager === 'yum' ? facts.packages.dnf : undefined)) : undefined;
  if (manager && !packages?.length && facts.search) return [{ label: `${PLATFORM_LABEL[platform]} (${manager}): find the package`, command: fileSearchCommand(manager, facts.search) }];
  if (!manager || !packages?.length) return [];
  return [{ label: `${PLATFORM_LABEL[platform]} (${manager})`, command: installCommand(manager, packages, inDocker) }];
}

/** The packages of several components or entities together, each package once, in order. */
export function mergeInstallFacts(all: readonly InstallFacts[]): InstallFacts {
  const packages: Partial<Record<PackageManager, string[]>> = {};
  const managers = new Set(all.flatMap((f) => Object.keys(f.packages) as PackageManager[]));
  for (const m of managers) {
    const list: string[] = [];
    for (const f of all) for (const p of f.packages[m] ?? (m === 'yum' ? (f.packages.dnf ?? []) : [])) if (!list.includes(p)) list.push(p);
    packages[m] = list;
  }
  // (each command once: several hits on one program carry the same advice)
  const join = (k: 'macos' | 'windows' | 'any') => [...new Set(all.map((f) => f.platform?.[k]).filter(Boolean))].join(' && ') || undefined;
  return { packages, platform: { macos: join('macos'), windows: join('windows'), any: join('any') } };
}

export type CiProvider = 'github-actions' | 'gitlab-ci' | 'render' | 'railway' | 'heroku' | 'nixpacks';

/** What the log says about where it ran; accumulated by the engine, resolved at the end. */
export interface PlatformContext {
  platform: PlatformId | null;
  /** Whether the log said so, or we fell back to the machine buildmedic runs on. */
  source: 'log' | 'host' | 'none';
  /** Why we think so: the lines that said it. */
  evidence: { line: number; text: string }[];
  /** The Docker base image of the stage that ran last before the failure, when the build ran in Docker. */
  docker: { image: string; line: number } | null;
  ci: CiProvider[];
}

/** Maps a Docker image reference to the platform of its userland. */
export function platformOfImage(image: string): PlatformId | null {
  const name = image.toLowerCase().replace(/^docker\.io\/(library\/)?/, '');
  if (/alpine|musllinux/.test(name)) return 'alpine';
  if (/manylinux/.test(name)) return 'manylinux';
  if (/^nixos\/|\/nix\b|^nix:/.test(name)) return 'nix';
  if (/fedora/.test(name)) return 'fedora';
  if (/centos|rocky|alma|ubi\d|amazonlinux|oraclelinux|redhat/.test(name)) return 'rhel';
  if (/archlinux|^arch:/.test(name)) return 'arch';
  if (/opensuse|suse/.test(name)) return 'suse';
  if (/windows|servercore|nanoserver/.test(name)) return 'windows';
  // Official language images (rust, python, node, golang, gcc, buildpack-deps) are Debian-based unless tagged otherwise.
  if (/^(?:rust|python|node|golang|gcc|buildpack-deps|debian|ubuntu|ghcr\.io\/rust-lang|lukemathwalker\/cargo-chef|ghcr\.io\/pyo3\/maturin)\b/.test(name)) return 'debian';
  return null;
}
