// A gem's C extension that calls Ruby C API the installed Ruby no longer has: an old release of the gem (pinned in a
// Gemfile.lock, asked for with `-v`) meeting a newer Ruby. The fix is a newer release of the gem (or an older Ruby),
// not an edit of its C source.

import type { LinePattern, PatternHit } from '../../../rule.js';

// Ruby C API that Ruby releases removed from their headers, with the release that did (Ruby's NEWS for each release).
const REMOVED_RUBY_C_API: Readonly<Record<string, string>> = {
  rb_cFixnum: 'Ruby 2.4, where Fixnum and Bignum became Integer',
  rb_cBignum: 'Ruby 2.4, where Fixnum and Bignum became Integer',
  rb_thread_blocking_region: 'Ruby 2.2 (its replacement is rb_thread_call_without_gvl)',
  TRAP_BEG: 'Ruby 2.2, with the rest of the old blocking-region API',
  TRAP_END: 'Ruby 2.2, with the rest of the old blocking-region API',
};
const REMOVED = Object.keys(REMOVED_RUBY_C_API).join('|');

export const RUBY_C_API_PATTERNS: readonly LinePattern[] = [
  {
    id: 'ruby-c-api-removed',
    // clang "core_ext.c:121:22: error: use of undeclared identifier 'rb_cFixnum'"; gcc "linux_inet_diag.c:28:2: error:
    // ‘TRAP_BEG’ undeclared (first use in this function)", gcc 14 "error: implicit declaration of function
    // ‘rb_thread_blocking_region’" (a warning before gcc 14; extconf's "checking for rb_thread_blocking_region()... no"
    // is a probe and never matches)
    source: 'gcc / clang (Ruby C extension)',
    literals: Object.keys(REMOVED_RUBY_C_API),
    re: new RegExp(String.raw`\berror: (?:use of undeclared identifier ['‘](?<_api>${REMOVED})['’]|['‘](?<_api2>${REMOVED})['’] undeclared\b|implicit declaration of function ['‘](?<_api3>${REMOVED})['’])`),
    weight: 0.5,
  },
  {
    id: 'ruby-config-constant-removed',
    // A gem's extconf.rb (or setup.rb) still using `Config`, the old name of RbConfig, which Ruby 2.2 removed:
    // "extconf.rb:10:in `<main>': uninitialized constant Config (NameError)", Ruby 2.3+ adding "Did you mean?  RbConfig".
    // Only the bare constant in a build script: RbConfig::Config or an application's own Config is another story.
    source: 'Ruby (a gem\'s extconf.rb)',
    literals: ['uninitialized constant Config (NameError)'],
    re: /(?:^|[\s/\\])(?:extconf|setup)\.rb:\d+:in [`'‘][^'’]{0,80}['’]: uninitialized constant Config \(NameError\)/,
    weight: 0.5,
  },
  {
    id: 'ruby-gem-being-built',
    // RubyGems/Bundler: "current directory: /usr/local/bundle/gems/msgpack-0.5.4/ext/msgpack" (or the gem's own
    // directory, "/var/lib/gems/2.4.0/gems/nmap-0.1.0", when extconf.rb sits at its top), "An error occurred while
    // installing raindrops (0.12.0), and Bundler cannot continue."; `gem install raindrops -v '0.12.0'` (support: the gem)
    source: 'RubyGems / Bundler',
    literals: ['/gems/', '\\gems\\', 'An error occurred while installing ', 'gem install '],
    re: /[/\\]gems[/\\](?<_gem>[A-Za-z][\w.-]{0,80}?)-(?<_gemVersion>\d+(?:\.\d+){1,3})(?:[/\\]ext\b|$)|An error occurred while installing (?<_gem2>[A-Za-z][\w.-]{0,80}) \((?<_gemVersion2>\d[\w.]{0,30})\)|\bgem install (?<_gem3>[A-Za-z][\w.-]{0,80}) -v ['"]?(?<_gemVersion3>\d[\w.]{0,30})/,
    weight: 0.05,
  },
];

/** The finding when a Ruby C extension met a removed Ruby C API, naming the gem when the log shows it. */
export function rubyCApiFinding(hits: readonly PatternHit[]) {
  const removed = hits.filter((h) => h.pattern === 'ruby-c-api-removed' || h.pattern === 'ruby-config-constant-removed');
  if (removed.length === 0) return null;
  const configConstant = removed[0].pattern === 'ruby-config-constant-removed';
  const api = configConstant ? 'Config' : (removed[0].captures._api ?? removed[0].captures._api2 ?? removed[0].captures._api3 ?? '');
  const gemHit = hits.find((h) => h.pattern === 'ruby-gem-being-built');
  const gem = gemHit && (gemHit.captures._gem ?? gemHit.captures._gem2 ?? gemHit.captures._gem3);
  const version = gemHit && (gemHit.captures._gemVersion ?? gemHit.captures._gemVersion2 ?? gemHit.captures._gemVersion3);
  const name = gem ?? '<gem>';
  return {
    captures: {
      ...(gem ? { dependency: gem } : {}),
      ...(version ? { dependencyVersion: version } : {}),
      _story: configConstant
        ? `${gem ? `The gem ${gem}${version ? ` ${version}` : ''}` : 'A gem'}'s build script (extconf.rb) uses \`Config\`, the old name of RbConfig, which Ruby 2.2 removed. ` +
          'The gem release predates Ruby 2.2; its later releases (or any fork that says RbConfig) build on this Ruby.'
        : `${gem ? `The gem ${gem}${version ? ` ${version}` : ''}` : 'A gem'}'s C extension calls \`${api}\`, which this Ruby's headers no longer have: it was removed in ${REMOVED_RUBY_C_API[api] ?? 'a newer Ruby'}. ` +
          'The gem release predates that Ruby; its later releases compile against it.',
      _fix: `Update ${name} to a release that supports this Ruby (or build with the older Ruby the pinned release was written for).`,
      _step: `\`bundle update ${name}\` (or \`gem install ${name}\` without the old \`-v\`); if a Gemfile or Gemfile.lock pins the old release, move the pin.`,
      _step2: 'Or use the Ruby release the project was written for (`.ruby-version`, rbenv/rvm/asdf) until its dependencies are updated.',
      _command: `bundle update ${name}`,
    },
    evidence: removed.slice(0, 3).map((h) => ({ line: h.line, text: h.text })),
  };
}
