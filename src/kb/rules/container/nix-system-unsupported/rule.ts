// nix-system-unsupported: nix looked for a flake's default output for this machine's system (packages.<system>.default,
// devShells.<system>.default, ...) and the flake defines none for that system: it supports other systems only.

import { defineRule } from '../../../rule.js';

/** Default output attributes for one system, as nix >= 2.4 lists them: 'packages.aarch64-darwin.default', 'defaultPackage.x86_64-linux'. */
const SYSTEM = String.raw`(?<system>(?:x86_64|aarch64|i686|armv[67]l|riscv64|powerpc64le)-(?:linux|darwin|freebsd|netbsd))`;

export default defineRule({
  id: 'nix-system-unsupported',
  title: 'The flake has no default output for this system',
  summary: 'A Nix flake defines its default package, shell or app only for other systems than the one nix is building for.',
  category: 'container',
  captures: {
    system: { type: 'string', doc: 'the system nix looked for (x86_64-linux, aarch64-darwin, ...)' },
    flake: { type: 'string', doc: 'the flake reference', optional: true },
  },
  patterns: [
    {
      id: 'flake-no-default-output',
      // nix >= 2.4 (nix build / run / shell / develop / profile install without a named output):
      // "error: flake 'git+file:///x' does not provide attribute 'packages.aarch64-darwin.default' or 'defaultPackage.aarch64-darwin'"
      // ("devShells.<system>.default', 'devShell.<system>'..." for nix develop, "apps.<system>.default" for nix run)
      source: 'nix >= 2.4',
      literals: ['does not provide attribute'],
      re: new RegExp(
        String.raw`flake '(?<flake>[^']{1,300})' does not provide attribute '(?:packages|devShells|apps|checks|formatter)\.${SYSTEM}\.default'|` +
          String.raw`flake '(?<flake2>[^']{1,300})' does not provide attribute '(?:defaultPackage|devShell|defaultApp)\.${SYSTEM.replace('(?<system>', '(?<system2>')}'`,
      ),
      weight: 0.85,
    },
    {
      id: 'flake-attribute-not-found-old',
      // nix 2.4 pre-releases / 3.0 flakes: "error: cannot find flake attribute 'github:o/r#defaultApp.aarch64-darwin'"
      source: 'nix (early flakes)',
      literals: ['cannot find flake attribute'],
      re: new RegExp(
        String.raw`cannot find flake attribute '(?<flake3>[^'#]{1,300})#(?:defaultPackage|defaultApp|devShell)\.${SYSTEM.replace('(?<system>', '(?<system3>')}'`,
      ),
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const system = ctx.captures.system ?? ctx.captures.system2 ?? ctx.captures.system3;
    if (!system) return null;
    const flake = ctx.captures.flake ?? ctx.captures.flake2 ?? ctx.captures.flake3;
    return { captures: { system, ...(flake ? { flake } : {}) } };
  },
  internal: ['flake2', 'flake3', 'system2', 'system3'],
  explanation:
    'Without an explicit output, nix uses the flake\'s default for the system it builds for (`{{system}}`), and ' +
    '{{flake|the flake}} defines none for it. Most often the flake lists its outputs for a fixed set of systems (a ' +
    'hard-coded `x86_64-linux`, or an old flake-utils whose default systems lack aarch64-darwin), or the software ' +
    'itself supports only other platforms. Less often the flake has no default output at all and its packages must be named.',
  fix: {
    summary: 'See which systems the flake supports (`nix flake show`); add {{system}} to its outputs, or build for a supported system.',
    steps: [
      '`nix flake show {{flake|.}}` lists the outputs per system; `nix flake show --all-systems` shows the others too.',
      'If you maintain the flake: generate outputs for every system (`flake-utils.lib.eachDefaultSystem`, or `nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ]`), or update flake-utils.',
      'If the software does not run on {{system}}, build it for a supported system (a remote builder, `--system x86_64-darwin` with Rosetta on Apple silicon).',
      'If the flake has no default, name the output: `nix build .#<package>`.',
    ],
    commands: ['nix flake show'],
  },
});
