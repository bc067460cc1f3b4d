// crate-feature-missing: the code uses an API that its dependency only compiles with a Cargo feature not enabled.

import { defineRule, type CaptureValue } from '../../../rule.js';
import { isCargoCrateName, isCargoFeatureName } from '../../../cargo-names.js';

// tokio modules and items that exist only with a feature (tokio 1.x Cargo.toml).
const TOKIO_FEATURE: Record<string, string> = {
  main: 'macros', test: 'macros', select: 'macros', join: 'macros', try_join: 'macros',
  fs: 'fs', net: 'net', time: 'time', sync: 'sync', process: 'process', signal: 'signal',
  runtime: 'rt', task: 'rt', spawn: 'rt', spawn_blocking: 'rt',
};
// Derive macros that live behind a `derive` feature of the crate exporting the trait of the same name.
const DERIVE_CRATE: Record<string, string> = {
  Parser: 'clap', Subcommand: 'clap', Args: 'clap', ValueEnum: 'clap',
  Serialize: 'serde', Deserialize: 'serde',
};
// Types of popular crates that implement serde's traits only with their `serde` feature.
const SERDE_TYPE_CRATE: Record<string, string> = {
  DateTime: 'chrono', NaiveDateTime: 'chrono', NaiveDate: 'chrono', NaiveTime: 'chrono',
  Uuid: 'uuid', OffsetDateTime: 'time', PrimitiveDateTime: 'time', Url: 'url', Decimal: 'rust_decimal',
  BigDecimal: 'bigdecimal', IndexMap: 'indexmap', SmallVec: 'smallvec', Bytes: 'bytes', Version: 'semver',
};
// A crate's unpacked source in the cargo registry / git checkouts: ".../index.crates.io-xxxx/clap_builder-4.5.1/src/..."
const CRATE_FROM_PATH = /[\\/](?<crate>[A-Za-z][\w-]*?)-\d+\.\d+\.\d+[^\\/]*[\\/]/;
// Implementation crates whose features are enabled through the facade crate users depend on.
const FACADE: Record<string, string> = { clap_builder: 'clap', clap_derive: 'clap', serde_core: 'serde', tokio_macros: 'tokio', 'tokio-macros': 'tokio' };

export default defineRule({
  id: 'crate-feature-missing',
  title: 'A Cargo feature of a dependency is not enabled',
  summary: 'The code uses an item that a dependency only provides when one of its Cargo features is enabled, and that feature is off.',
  category: 'rust',
  captures: {
    crate: { type: 'string', doc: 'the dependency whose feature is off' },
    features: { type: 'string[]', doc: 'the features to enable (what `diagnose --fix` adds to Cargo.toml)' },
  },
  internal: ['feature', 'tokioItem', 'tokioImport', 'clapMacro', 'reqwestMethod', 'ureqMethod', 'reqwestModule', 'uuidVersion', 'derive', 'serdeType', 'serdeType2', 'multiVersion', 'undeclared', 'cargoAdd', 'tomlLine'],
  explains: ['rust-code-error'],
  contextAfter: 3,
  patterns: [
    {
      id: 'rustc-item-gated-behind-feature',
      // rustc 1.80+: "note: the item is gated behind the `index` feature" (1.80-1.84 as a note, later as a label:
      // "|       ---------------------- the item is gated behind the `env-filter` feature")
      source: 'rustc 1.80+',
      literals: ['the item is gated behind the'],
      re: /the item is gated behind the [`'](?<feature>[^`']+)[`'] feature/,
      weight: 0.9,
    },
    {
      id: 'rustc-configured-out',
      // rustc 1.80+: "note: found an item that was configured out" followed by "--> <crate source path>"
      source: 'rustc 1.80+',
      literals: ['found an item that was configured out'],
      re: /^note: found an item that was configured out/,
      weight: 0.3,
    },
    {
      id: 'tokio-rt-multi-thread-disabled',
      // tokio-macros 1.x/2.x: "error: The default runtime flavor is `multi_thread`, but the `rt-multi-thread` feature is disabled."
      source: 'tokio-macros',
      literals: ['feature is disabled'],
      re: /The default runtime flavor is [`']multi_thread[`'], but the [`'](?<feature>rt-multi-thread)[`'] feature is disabled/,
      weight: 0.97,
    },
    {
      id: 'tokio-main-requires-rt',
      // tokio-macros 1.x/2.x: "error: The #[tokio::main] macro requires rt or rt-multi-thread."
      source: 'tokio-macros',
      literals: ['macro requires rt or rt-multi-thread'],
      re: /The #\[tokio::(?:main|test)\] macro requires rt or rt-multi-thread/,
      weight: 0.95,
    },
    {
      id: 'tokio-item-not-found',
      // rustc < 1.89: "error[E0433]: failed to resolve: could not find `main` in `tokio`"; rustc 1.89+: "error[E0433]:
      // cannot find `main` in `tokio`"; also "unresolved import `tokio::net`", "cannot find function `spawn` in crate `tokio`"
      source: 'rustc',
      literals: ['in `tokio`', "in 'tokio'", 'crate `tokio`', "crate 'tokio'", '`tokio::', "'tokio::"],
      re: /^error\[E04(?:33|32|25)\]: (?:(?:failed to resolve: could not find|cannot find) (?:function |macro )?[`'](?<tokioItem>main|test|select|join|try_join|fs|net|time|sync|process|signal|runtime|task|spawn|spawn_blocking)[`'] in (?:crate )?[`']tokio[`']|unresolved imports? [`']tokio::(?<tokioImport>fs|net|time|sync|process|signal|runtime|task|spawn|spawn_blocking|main|test|select|join)\b)/,
      weight: 0.93,
    },
    {
      id: 'clap-arg-env-missing',
      // rustc on clap 3/4 derive code using `env = "..."` without clap's `env` feature:
      // "error[E0599]: no method named `env` found for struct `Arg` in the current scope"
      source: 'rustc + clap',
      literals: ['no method named `env` found', "no method named 'env' found"],
      re: /^error\[E0599\]: no method named [`']env[`'] found for (?:struct|reference) [`'](?:&(?:mut )?)?(?:clap::)?Arg\b/,
      weight: 0.95,
    },
    {
      id: 'clap-cargo-macro-missing',
      // rustc: "error: cannot find macro `crate_version` in crate `clap`" (clap's `cargo` feature)
      source: 'rustc + clap',
      literals: ['in crate `clap`', "in crate 'clap'"],
      re: /cannot find macro [`'](?<clapMacro>crate_version|crate_authors|crate_description|crate_name|command)[`'] in crate [`']clap[`']/,
      weight: 0.93,
    },
    {
      id: 'http-client-json-missing',
      // rustc on reqwest 0.10+ without `json`: "error[E0599]: no method named `json` found for struct
      // `reqwest::RequestBuilder` in the current scope" (older rustc: "found for type `reqwest::blocking::request::
      // RequestBuilder`"); ureq 2/3 without `json`: "no method named `send_json` found for struct `Request`"
      source: 'rustc + reqwest/ureq',
      literals: ['no method named `json` found', 'no method named `send_json` found', 'no method named `into_json` found', 'no method named `read_json` found', 'no method named `bytes_stream` found'],
      re: /^error\[E0599\]: no method named [`'](?:(?<reqwestMethod>json|bytes_stream)[`'] found for (?:struct|type) [`'](?:reqwest::)?(?:(?:blocking|async_impl)::)?(?:(?:request|response)::)?(?:RequestBuilder|Response)\b|(?<ureqMethod>send_json|into_json|read_json)[`'] found for (?:struct|type) [`'](?:ureq::)?(?:Request|RequestBuilder|Response|Body)\b)/,
      weight: 0.93,
    },
    {
      id: 'reqwest-module-missing',
      // rustc: "error[E0433]: failed to resolve: could not find `blocking` in `reqwest`" / "unresolved import
      // `reqwest::blocking`" (reqwest 0.10+ keeps `blocking`, `multipart`, `cookie` behind features of those names)
      source: 'rustc + reqwest',
      literals: ['in `reqwest`', 'crate `reqwest`', '`reqwest::'],
      re: /^error\[E04(?:33|32)\]: (?:failed to resolve: could not find|cannot find|unresolved imports?) [`'](?:reqwest::)?(?<reqwestModule>blocking|multipart|cookie)\b[^`']*[`'](?: in [`']reqwest[`'])?/,
      weight: 0.9,
    },
    {
      id: 'uuid-version-fn-missing',
      // rustc on uuid without the version feature: "error[E0599]: no function or associated item named `new_v4`
      // found for struct `Uuid` in the current scope"
      source: 'rustc + uuid',
      literals: ['no function or associated item named `new_v', 'no function or associated item named `now_v'],
      re: /^error\[E0599\]: no function or associated item named [`'](?:new|now)_v(?<uuidVersion>[1-8])[`'] found for (?:struct|type) [`'](?:uuid::)?Uuid[`']/,
      weight: 0.93,
    },
    {
      id: 'derive-macro-missing',
      // rustc: "error: cannot find derive macro `Parser` in this scope" / "`Serialize`" (clap and serde only have
      // the derive with their `derive` feature)
      source: 'rustc',
      literals: ['cannot find derive macro'],
      re: /^error: cannot find derive macro [`'](?<derive>Parser|Subcommand|Args|ValueEnum|Serialize|Deserialize)[`'] in this scope/,
      weight: 0.85,
    },
    {
      id: 'derive-only-a-trait',
      // rustc 1.58+: "note: `Parser` is imported here, but it is only a trait, without a derive macro"
      source: 'rustc 1.58+',
      literals: ['but it is only a trait, without a derive macro'],
      re: /[`'](?<derive>Parser|Subcommand|Args|ValueEnum|Serialize|Deserialize)[`'] is imported here, but it is only a trait, without a derive macro/,
      weight: 0.9,
    },
    {
      id: 'clap-derive-import-unresolved',
      // rustc on clap 3.0 without `derive`: "error[E0432]: unresolved import `clap::Parser`"
      source: 'rustc + clap 3',
      literals: ['unresolved import `clap::', "unresolved import 'clap::"],
      re: /^error\[E0432\]: unresolved imports? [`']clap::(?<derive>Parser|Subcommand|Args|ValueEnum)[`']/,
      weight: 0.85,
    },
    {
      id: 'serde-not-implemented-external-type',
      // rustc: "the trait `Serialize` is not implemented for `DateTime<Utc>`" (1.7x+) / older "the trait bound
      // `Uuid: Serialize` is not satisfied" — chrono, uuid, time... implement serde only with their `serde` feature
      source: 'rustc',
      literals: ['is not implemented for `', 'is not satisfied'],
      re: /^error\[E0277\]: the trait (?:[`'](?:serde::)?(?:Serialize|Deserialize<'de>|Deserialize<'_>|Deserialize)[`'] is not implemented for [`'](?:\w+::)*(?<serdeType>\w+)|bound [`'](?:\w+::)*(?<serdeType2>\w+)(?:<[^`']*>)?: (?:serde::)?(?:_::_serde::)?(?:Serialize|Deserialize)(?:<'\w+>)?[`'] is not satisfied)/,
      weight: 0.8,
    },
    {
      id: 'multiple-crate-versions',
      // rustc 1.7x+: "note: there are multiple different versions of crate `serde` in the dependency graph" (a trait
      // from another copy of the crate, not a missing feature; used by refine to stand down)
      source: 'rustc 1.7x+',
      literals: ['multiple different versions of crate'],
      re: /there are multiple different versions of crate [`'](?<multiVersion>\w+)[`']/,
      weight: 0.1,
    },
    {
      id: 'undeclared-crate',
      // rustc: "use of undeclared crate or module `serde`" / "can't find crate for `serde`": the dependency itself is
      // missing, not a feature of it (used by refine to stand down)
      source: 'rustc',
      literals: ['use of undeclared crate or module', 'use of unresolved module or unlinked crate', "can't find crate for"],
      re: /(?:use of undeclared crate or module|use of unresolved module or unlinked crate|can't find crate for) [`'](?<undeclared>\w+)[`']/,
      weight: 0.1,
    },
  ],
  refine: (ctx) => {
    const undeclared = new Set(ctx.hits.map((h) => h.captures.undeclared).filter(Boolean));
    const multi = new Set(ctx.hits.map((h) => h.captures.multiVersion).filter(Boolean));
    let crate: string | undefined;
    let feature: string | undefined;
    const hits = ctx.hits.filter((h) => {
      if (h.pattern === 'undeclared-crate' || h.pattern === 'multiple-crate-versions') return false;
      const c = h.captures;
      if (c.tokioItem ?? c.tokioImport) return !undeclared.has('tokio');
      if (c.derive) return !undeclared.has(DERIVE_CRATE[c.derive]);
      const serdeType = c.serdeType ?? c.serdeType2;
      if (h.pattern === 'serde-not-implemented-external-type') return !!serdeType && serdeType in SERDE_TYPE_CRATE && !multi.has('serde');
      return true;
    });
    if (!hits.some((h) => h.weight >= 0.5)) return null;
    // Every (crate, feature) pair the log shows; the fix enables all features of the first crate named.
    const wanted: [string | undefined, string | undefined][] = [];
    for (const h of [...hits].sort((a, b) => b.weight - a.weight || a.line - b.line)) {
      const c = h.captures;
      const item = c.tokioItem ?? c.tokioImport;
      const serdeType = c.serdeType ?? c.serdeType2;
      if (h.pattern === 'rustc-item-gated-behind-feature' || h.pattern === 'rustc-configured-out') {
        // The crate is named by the source path rustc points at, in this note or the "configured out" one.
        let gated: string | undefined;
        const notes = hits.filter((o) => o.pattern === 'rustc-configured-out' || o.pattern === 'rustc-item-gated-behind-feature');
        for (const o of [h, ...notes]) for (const l of o.after) if (!gated && l.includes('-->')) gated = CRATE_FROM_PATH.exec(l)?.groups?.crate;
        if (gated) gated = FACADE[gated] ?? gated;
        if (c.feature) wanted.push([gated, c.feature]);
      } else if (h.pattern === 'tokio-rt-multi-thread-disabled' || h.pattern === 'tokio-main-requires-rt') wanted.push(['tokio', 'rt-multi-thread']);
      else if (item) wanted.push(['tokio', TOKIO_FEATURE[item]]);
      else if (h.pattern === 'clap-arg-env-missing') wanted.push(['clap', 'env']);
      else if (c.reqwestMethod) wanted.push(['reqwest', c.reqwestMethod === 'json' ? 'json' : 'stream']);
      else if (c.ureqMethod) wanted.push(['ureq', 'json']);
      else if (c.reqwestModule) wanted.push(['reqwest', c.reqwestModule === 'cookie' ? 'cookies' : c.reqwestModule]);
      else if (c.uuidVersion) wanted.push(['uuid', `v${c.uuidVersion}`]);
      else if (c.clapMacro) wanted.push(['clap', 'cargo']);
      else if (c.derive) wanted.push([DERIVE_CRATE[c.derive], 'derive']);
      else if (serdeType) wanted.push([SERDE_TYPE_CRATE[serdeType], 'serde']);
    }
    crate = wanted.find(([c]) => c && isCargoCrateName(c))?.[0];
    const features = [...new Set(wanted.filter(([c]) => c === crate || !c).map(([, f]) => f).filter((f): f is string => !!f))];
    // #[tokio::main] without `macros` usually lacks the runtime too; rustc reports only the first problem.
    if (crate === 'tokio' && features.includes('macros') && !features.includes('rt-multi-thread')) features.push('rt-multi-thread');
    feature = features[0];
    const captures: Record<string, CaptureValue> = {};
    if (crate) captures.crate = crate;
    // `features` is the list the fix planner reads; `feature` reads them as the templates quote them.
    if (feature) {
      captures.features = features;
      captures.feature = features.join('`, `');
    }
    // Names read from a log reach a command the user is told to run: only names Cargo accepts make one (the fix
    // planner refuses the others with its reason).
    if (crate && feature && features.every(isCargoFeatureName)) {
      captures.cargoAdd = `cargo add ${crate} --features ${features.join(',')}`;
      captures.tomlLine = `${crate} = { version = "…", features = [${features.map((f) => `"${f}"`).join(', ')}] }`;
    }
    return { captures, evidence: hits.map((h) => ({ line: h.line, text: h.text })) };
  },
  explanation:
    'The code uses an item of `{{crate|a dependency}}` that the crate only compiles when its `{{feature|…}}` Cargo ' +
    'feature is enabled, and Cargo.toml does not enable it. Many crates keep optional APIs behind features to save ' +
    'compile time: clap\'s derive macros (`derive`) and `env = ...` arguments (`env`), tokio\'s `#[tokio::main]` ' +
    '(`macros`) and multi-threaded runtime (`rt-multi-thread`), serde\'s `#[derive(Serialize)]` (`derive`), serde ' +
    'support of chrono/uuid/time (`serde`). With the feature off the item simply does not exist, so rustc reports a ' +
    'missing method, macro or module rather than a configuration problem.',
  fix: {
    summary: 'Enable the `{{feature|<feature>}}` feature of `{{crate|<crate>}}` in Cargo.toml.',
    steps: [
      'Run `{{cargoAdd|cargo add <crate> --features <feature>}}`, or edit Cargo.toml: `{{tomlLine|features = ["<feature>"] on the dependency}}`.',
      'If the dependency is declared in a workspace (`[workspace.dependencies]`), add the feature there or in the member\'s `features = [...]`.',
      'If `default-features = false` is set on purpose, list every feature the code needs explicitly.',
    ],
    commands: ['{{cargoAdd|cargo add <crate> --features <feature>}}'],
  },
});
