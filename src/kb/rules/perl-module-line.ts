// The perl line for a module that is not installed, shared by the rules that read it (perl-missing everywhere,
// manylinux-container-build-failure inside a manylinux image), so a new wording of it lands once.

import type { LinePattern } from '../rule.js';

/** `capture` names the group that takes the module path (`IPC/Cmd`); the weight and id are the reading rule's. */
export function perlModuleNotFound(options: { id: string; source: string; capture: string; weight: number }): LinePattern {
  return {
    id: options.id,
    source: options.source,
    literals: ["Can't locate", 'Can’t locate'],
    // perl 5.x: "Can't locate IPC/Cmd.pm in @INC (you may need to install the IPC::Cmd module) (@INC contains: ...)"
    // (the "(you may need to install ...)" hint exists since perl 5.18; a UTF-8 locale may print a typographic apostrophe)
    re: new RegExp(String.raw`Can(?:'|’)t locate (?<${options.capture}>[\w/]+)\.pm in @INC`),
    weight: options.weight,
  };
}
