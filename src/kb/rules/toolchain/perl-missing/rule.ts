// perl-missing: a build runs Perl (OpenSSL's Configure, via openssl-src for `vendored` openssl) and Perl, or a core
// module it needs, is missing. RHEL/CentOS/Fedora/manylinux split Perl into many packages, so "perl" can be
// present while IPC::Cmd, FindBin or Data::Dumper are not.

import { confidenceOf, defineRule } from '../../../rule.js';
import { perlModuleNotFound } from '../../perl-module-line.js';

export default defineRule({
  id: 'perl-missing',
  title: 'Perl (or a Perl core module) is missing',
  summary: 'The build runs a Perl script such as OpenSSL\'s Configure, and Perl or one of its core modules is not installed.',
  category: 'toolchain',
  captures: {
    module: { type: 'string', doc: 'the Perl module that is missing (`IPC::Cmd`), when perl itself is there', optional: true },
    program: { type: 'string', doc: 'the perl program the shell did not find', optional: true },
  },
  internal: ['rpmPackage', 'missingWhat', 'windowsPerl'],
  signals: ['program-not-found'],
  contextAfter: 3,
  patterns: [
    perlModuleNotFound({ id: 'perl-cant-locate-module', source: 'perl', capture: 'module', weight: 0.9 }),
    {
      id: 'openssl-src-perl-command',
      // openssl-src >= 111.x: "Error configuring OpenSSL build:" then 'Command: cd "..." && env ... "perl" "./Configure" ...'
      // then "Failed to execute: No such file or directory (os error 2)" (checked in refine)
      source: 'openssl-src (openssl crate, vendored feature)',
      literals: ['"perl"'],
      re: /^Command: .*"perl(?:\.exe)?" "\.\/Configure"/,
      weight: 0.9,
    },
    {
      id: 'openssl-windows-perl-paths',
      // OpenSSL Configure run by an MSYS/Git-for-Windows perl for an MSVC build:
      // "This perl implementation doesn't produce Windows like paths (with backward slash directory separators)."
      source: 'OpenSSL Configure (Windows)',
      literals: ["doesn't produce Windows like paths"],
      re: /This perl implementation doesn't produce Windows like paths/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const hits = ctx.hits.filter(
      (h) => h.pattern !== 'openssl-src-perl-command' || h.after.some((l) => /Failed to execute|No such file or directory|program not found|cannot find the file/.test(l)),
    );
    if (hits.length === 0) return null;
    const captures: Record<string, string> = {};
    if (ctx.captures.module) {
      captures.module = ctx.captures.module.replace(/\//g, '::');
      const rpm = `perl-${ctx.captures.module.replace(/\//g, '-')}`;
      captures.rpmPackage = rpm;
      captures.missingWhat = ` is there, but its module ${captures.module} is not`;
    }
    if (hits.some((h) => h.pattern === 'openssl-windows-perl-paths')) captures.windowsPerl = 'yes';
    return {
      confidence: confidenceOf(hits),
      captures,
      evidence: hits.map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line),
    };
  },
  explanation:
    'The build runs a Perl script (most often OpenSSL\'s `Configure`, which the openssl-src crate runs when the openssl crate is ' +
    'built with the `vendored` feature), and Perl{{missingWhat| is not installed or not on PATH}}. OpenSSL 3 needs a complete Perl 5 with its ' +
    'core modules (IPC::Cmd, FindBin, File::Compare, Data::Dumper, Time::Piece); RHEL, CentOS, Fedora, Amazon Linux and the manylinux ' +
    'images split these into separate perl-* packages. On Windows, an MSVC build needs a native Perl (Strawberry Perl), not the MSYS perl from Git Bash.',
  fix: {
    summary: 'Install a complete Perl 5 (with its core modules) in the environment that runs the build.',
    steps: [
      'Install Perl with its core modules (on RPM systems `perl-core`, or at least `perl-IPC-Cmd perl-FindBin perl-File-Compare perl-Time-Piece`).',
      'If the message names a module ({{module|a module}}), install its package ({{rpmPackage|perl-<Module-Name>}} on RPM systems).',
      'In manylinux/cibuildwheel, add the install to before-all (e.g. `yum install -y perl-IPC-Cmd`); or build against the system OpenSSL instead of `vendored`.',
      'On Windows, install Strawberry Perl and make it come first on PATH (before Git\'s perl), or install OpenSSL via vcpkg.',
    ],
    components: ['perl'],
  },
});
