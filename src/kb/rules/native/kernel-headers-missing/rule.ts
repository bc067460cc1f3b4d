// kernel-headers-missing: an out-of-tree Linux kernel module (a Wi-Fi or GPU driver, a DKMS package) is built against
// the running kernel, whose build tree (/lib/modules/<release>/build, the kernel headers package) is not installed.

import { defineRule, type Refinement } from '../../../rule.js';

/** The headers package of a kernel release, by the distribution that its release string shows. */
function headerPackages(kernel: string | undefined): Record<string, string> {
  const release = kernel ?? '$(uname -r)';
  const out: Record<string, string> = { aptKernelHeaders: `linux-headers-${release}`, pacmanKernelHeaders: 'linux-headers', apkKernelHeaders: 'linux-lts-dev' };
  if (!kernel) return out;
  // Raspberry Pi OS kernels ("6.1.19-v8+", "5.10.17-v7+", "4.19.118-v7l+") come from the raspberrypi-kernel package.
  if (/-v[678]l?\+$|^\d+\.\d+\.\d+\+$/.test(kernel)) out.aptKernelHeaders = 'raspberrypi-kernel-headers';
  // Arch's flavours: "6.10.3-zen1-2-zen", "6.6.8-1-lts", "6.7.1-hardened1-1-hardened".
  const flavour = /-(zen|lts|hardened|rt)$/.exec(kernel)?.[1];
  if (flavour) out.pacmanKernelHeaders = `linux-${flavour}-headers`;
  if (/-virt$/.test(kernel)) out.apkKernelHeaders = 'linux-virt-dev';
  return out;
}

// DKMS run by a kernel package's own hook (`/etc/kernel/postinst.d/dkms`, `header_postinst.d/dkms`) while apt installs a
// kernel: it rebuilds the installed modules for the new kernel and says so when that kernel has no headers yet, and the
// install goes on ("Setting up linux-image-..."). Nothing the user built failed.
const KERNEL_PACKAGE_HOOK = /\/etc\/kernel\/(?:header_)?postinst\.d\/dkms|^Setting up linux-(?:image|headers)-/;
const BUILD_FAILED = /\*\*\* \[[^\]]*\] Error \d+|dkms build error|An error occurred|Bad return status/;

// The kernel DKMS builds for, which its make.log header, its failure line and its command line name: "DKMS make.log for
// openvswitch-1.4 for kernel 3.10.0-514.9.1.el7.x86_64 (x86_64)", "Bad return status for module build on kernel:
// 5.9.14-arch1-1 (x86_64)", "dkms install ... -k 5.9.14-arch1-1".
const DKMS_TARGET_KERNEL = /DKMS make\.log for \S+ for kernel \**(?<k1>[^\s*]+)|module build on kernel: (?<k2>\S+)|\bdkms (?:install|build|autoinstall)\b.*\s-k\s+(?<k3>[^\s/]+)/;

// A kernel that no distribution package builds: WSL2's, an Android phone's (Kali NetHunter), a vendor's own build.
const UNPACKAGED_KERNEL = /microsoft|WSL|-perf-g[0-9a-f]+|android/i;

export default defineRule({
  id: 'kernel-headers-missing',
  title: "The running kernel's headers are not installed",
  summary: 'A kernel module is built against the running kernel, but that kernel\'s build tree (its headers package) is not installed.',
  category: 'system-library',
  captures: {
    kernel: { type: 'string', doc: 'the kernel release the module is built for (`uname -r` where it ran)', optional: true },
    directory: { type: 'path', doc: 'the kernel build directory that is missing', optional: true },
  },
  internal: ['aptKernelHeaders', 'pacmanKernelHeaders', 'apkKernelHeaders', 'kernelNote', 'kernelSrc'],
  contextBefore: 12,
  contextAfter: 6,
  patterns: [
    {
      id: 'make-kernel-build-dir-missing',
      // GNU make running kbuild (`make -C /lib/modules/$(uname -r)/build M=$PWD modules`): "make[1]: ***
      // /lib/modules/6.18.44/build: No such file or directory.  Stop." (older make without "make[1]: *** "; KDIR set to
      // /usr/src/linux-headers-<release> or Fedora's /usr/src/kernels/<release>)
      source: 'GNU make (kbuild)',
      literals: ['/build: No such file or directory', '/lib/modules/', '/usr/src/linux-headers-', '/usr/src/kernels/'],
      re: /^(?:g?make(?:\[\d+\])?: \*\*\* )?(?<directory>\/(?:usr\/)?lib\/modules\/(?<kernel>[^/\s]{1,100})\/(?:build|source)|\/usr\/src\/(?:linux-headers-|kernels\/)(?<kernelSrc>[^/\s]{1,100}))\/?: No such file or directory\.?\s{0,4}Stop\./,
      weight: 0.95,
    },
    {
      id: 'dkms-kernel-headers-missing',
      // DKMS 2.x/3.x: "Error! Your kernel headers for kernel 5.16.0-kali7-amd64 cannot be found at
      // /lib/modules/5.16.0-kali7-amd64/build or /lib/modules/5.16.0-kali7-amd64/source." (older DKMS prints "Error! echo"
      // and breaks the line after "cannot be found at")
      source: 'DKMS',
      literals: ['Your kernel headers for kernel'],
      re: /Your kernel headers for kernel (?<kernel>\S{1,100}) cannot be found(?: at (?<directory>\/\S{1,200}\/build)\b)?/,
      weight: 0.95,
    },
    {
      id: 'dkms-alpm-hook-headers-missing',
      // Arch's dkms pacman hook (dkms's alpm-hook script): "==> ERROR: Missing 5.18.5-hardened1-2-hardened kernel headers
      // for module lkrg/r481.7bb9cf1." (for a kernel installed without its -headers package)
      source: 'DKMS pacman hook (Arch)',
      literals: ['kernel headers for module'],
      re: /^==> ERROR: Missing (?<kernel>\S{1,100}) kernel headers for module \S/,
      weight: 0.95,
    },
  ],
  refine: (ctx): Refinement | null => {
    const around = ctx.hits.flatMap((h) => [...h.before, ...h.after]);
    if (around.some((l) => KERNEL_PACKAGE_HOOK.test(l.trim())) && !around.some((l) => BUILD_FAILED.test(l))) return null;
    const hit = ctx.hits[0];
    const kernel = hit.captures.kernel ?? hit.captures.kernelSrc;
    // DKMS asked for one kernel and the module's make went to another's tree (its Makefile takes `uname -r` instead of
    // the kernel DKMS passes): that is the module's packaging, and installing headers would not help; stay silent.
    const targets = hit.before.map((l) => DKMS_TARGET_KERNEL.exec(l)?.groups).filter((g) => g !== undefined).map((g) => g.k1 ?? g.k2 ?? g.k3);
    // (The pacman hook names the kernel it skips itself, after building for the others: its line is no module's make.)
    if (kernel && hit.pattern !== 'dkms-alpm-hook-headers-missing' && targets.length > 0 && !targets.includes(kernel)) return null;
    const directory = hit.captures.directory;
    const kernelNote = kernel && UNPACKAGED_KERNEL.test(kernel)
      ? ` (the release \`${kernel}\` looks like a kernel no distribution package ships, such as WSL2's or a phone's: its build tree comes from that kernel's own source, prepared with \`make modules_prepare\`, and the module's KDIR or DKMS's --kernelsourcedir pointed at it)`
      : '';
    return { captures: { ...(kernel ? { kernel } : {}), ...(directory ? { directory } : {}), ...headerPackages(kernel), kernelNote } };
  },
  explanation:
    'An out-of-tree kernel module is compiled with the build tree of the kernel it will load into, `/lib/modules/{{kernel|<release>}}/build`, ' +
    'which the kernel headers package installs (linux-headers-<release> on Debian, Ubuntu and Kali, kernel-devel on Fedora). ' +
    'It is missing for the release the build asked for{{kernelNote|}}: the headers were never installed, were installed for another ' +
    'release (after a kernel update the running kernel differs until a reboot), or the build runs in a container, where `uname -r` names the host\'s kernel.',
  fix: {
    summary: 'Install the headers package of the running kernel (the same release as `uname -r`), then build the module again.',
    steps: [
      'Install the headers of exactly the running release (below); if the package manager has none for it, the kernel was updated since boot: upgrade, reboot into the new kernel, and install its headers.',
      'Raspberry Pi OS ships them as raspberrypi-kernel-headers; Arch as the headers package of the kernel flavour (linux-headers, linux-lts-headers, linux-zen-headers).',
      'In a container or CI job, `uname -r` is the host\'s kernel: install that release\'s headers, mount the host\'s /lib/modules and /usr/src, or pass KDIR (DKMS: --kernelsourcedir) pointing at a kernel tree.',
      'For a kernel built from source, run `make modules_prepare` in its tree and point KDIR (or DKMS\'s --kernelsourcedir) at it.',
    ],
    packages: {
      apt: ['{{aptKernelHeaders}}'],
      dnf: ['kernel-devel-{{kernel|$(uname -r)}}'],
      yum: ['kernel-devel-{{kernel|$(uname -r)}}'],
      pacman: ['{{pacmanKernelHeaders}}'],
      zypper: ['kernel-default-devel'],
      apk: ['{{apkKernelHeaders}}'],
    },
  },
});
