// xcode-clt-missing: on macOS the Xcode Command Line Tools (clang, ld, the SDK, xcrun) are missing or broken, which
// typically happens on a fresh Mac or after a macOS upgrade removed them.

import { MACOS_PATH_ROOT } from '../../../platforms.js';
import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'xcode-clt-missing',
  title: 'The Xcode Command Line Tools are missing (macOS)',
  summary: 'On macOS the Xcode Command Line Tools, which provide clang, the linker and the SDK, are not installed or were broken by an upgrade.',
  category: 'toolchain',
  internal: ['tool'],
  explains: ['linker-not-found', 'c-compiler-missing', 'cxx-compiler-missing', 'libc-headers-missing'],
  patterns: [
    {
      id: 'xcrun-invalid-developer-path',
      // xcrun (all macOS versions): "xcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun at:
      // /Library/Developer/CommandLineTools/usr/bin/xcrun" (rustc shows it as "= note: xcrun: error: ...")
      source: 'xcrun (macOS)',
      literals: ['invalid active developer path'],
      re: /xcrun: error: invalid active developer path/,
      weight: 0.95,
    },
    {
      id: 'xcode-select-no-developer-tools',
      // xcode-select stub (macOS >= 10.9): "xcode-select: note: No developer tools were found, requesting install."
      source: 'xcode-select (macOS)',
      literals: ['No developer tools were found'],
      re: /xcode-select: note: No developer tools were found/,
      weight: 0.95,
    },
    {
      id: 'xcrun-unable-to-find-utility',
      // xcrun: 'xcrun: error: unable to find utility "clang", not a developer tool or in PATH'
      source: 'xcrun (macOS)',
      literals: ['unable to find utility'],
      re: /xcrun: error: unable to find utility "(?<tool>[^"]+)", not a developer tool or in PATH/,
      weight: 0.9,
    },
    {
      id: 'xcrun-sdk-cannot-be-located',
      // xcrun: 'xcrun: error: SDK "macosx" cannot be located' / "xcrun: error: unable to lookup item 'Path' in SDK '/.../MacOSX.sdk'"
      source: 'xcrun (macOS)',
      literals: ['cannot be located', 'unable to lookup item'],
      re: /xcrun: error: (?:SDK "[^"]*" cannot be located|unable to lookup item '\w+' (?:from command line tools installation|in SDK))/,
      weight: 0.85,
    },
    {
      id: 'mkmf-cannot-link-macos',
      // Ruby's mkmf run by a macOS Ruby (the system one under /System/Library/Frameworks, or one under a home, Homebrew or
      // /Library/Ruby, where the trace line starts): "/Users/x/.rvm/rubies/ruby-1.9.3/lib/ruby/1.9.1/mkmf.rb:369:in `try_do': The compiler failed to
      // generate an executable file. (RuntimeError)". cc there is the shim that asks xcrun for the Command Line Tools.
      source: 'Ruby mkmf (macOS)',
      literals: ['The compiler failed to generate an'],
      re: new RegExp(String.raw`^(?:${MACOS_PATH_ROOT})\S*mkmf\.rb:\d+:in [\x60'](?:MakeMakefile#)?try_do': The compiler failed to generate an(?: executable file\.|$)`),
      weight: 0.85,
    },
    {
      id: 'node-gyp-no-xcode-or-clt',
      // node-gyp (gyp xcode_emulation.py): "gyp: No Xcode or CLT version detected!"
      source: 'node-gyp (macOS)',
      literals: ['No Xcode or CLT version detected'],
      re: /No Xcode or CLT version detected/,
      weight: 0.95,
    },
  ],
  explanation:
    'On macOS, cc/clang, ld and the macOS SDK come from the Xcode Command Line Tools (or Xcode). The `cc` in /usr/bin is only a shim ' +
    'that asks xcrun for the real tool; when the Command Line Tools are absent, or a macOS upgrade left a stale ' +
    '/Library/Developer/CommandLineTools, every compile or link fails with an xcrun error, even for a pure-Rust hello world.',
  fix: {
    summary: 'Install (or reinstall) the Xcode Command Line Tools with `xcode-select --install`.',
    steps: [
      'Run `xcode-select --install` and accept the dialog (after a macOS upgrade this is needed again).',
      'If it says the tools are already installed but the error persists: `sudo rm -rf /Library/Developer/CommandLineTools && xcode-select --install`.',
      'If full Xcode is installed, select it: `sudo xcode-select --switch /Applications/Xcode.app/Contents/Developer`.',
      'In CI (GitHub Actions macOS runners) the tools exist; check that a step did not change DEVELOPER_DIR or the xcode-select path.',
    ],
    platformCommands: {
      macos: ['xcode-select --install', 'sudo xcode-select --reset'],
    },
  },
});
