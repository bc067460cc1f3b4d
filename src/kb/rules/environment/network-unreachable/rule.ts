// network-unreachable: a download the build needs (crates, git dependencies, pip build requirements, Node headers,
// a rustup toolchain) failed because the network, DNS or a proxy was not reachable.

import { confidenceOf, defineRule } from '../../../rule.js';

// Lines showing the failure happened inside a Nix builder (sandboxed, no network unless fixed-output).
const NIX_BUILDER = /builder for '\/nix\/store\/|nix-build-|\/nix\/store\/[a-z0-9]{32}-/;
// errno 101 is ENETUNREACH on Linux, and 101 is also the exit status of a failed cargo build (and of a Rust panic). A
// Rust wrapper that turns a child's exit status into an io::Error (`io::Error::from_raw_os_error(status.code())`)
// prints "Error: Os { code: 101, kind: ..., message: \"Network is unreachable\" }" or "Network is unreachable (os error
// 101)" right after cargo said the build failed: that is cargo's status read as an errno, not a network failure.
const ERRNO_101 = /\bOs \{ code: 101\b|\(os error 101\)/;
// cargo's last lines of a failed build (cargo, rustc >= 1.0)
const CARGO_BUILD_FAILED = /^(?:error: (?:could not compile `|build failed\b|failed to compile `|failed to run custom build command for `)|warning: build failed, waiting for other jobs)/;
// Only main's own "Error: ..." counts: a build script's panic under cargo's "failed to run custom build command"
// ("downloading x: Os { code: 101, ... }") is a real ENETUNREACH, and cargo reports the failure before its stderr.
const isCargoStatusReadAsErrno = (h: { text: string; before: readonly string[] }) =>
  h.text.startsWith('Error: ') && ERRNO_101.test(h.text) && h.before.some((l) => CARGO_BUILD_FAILED.test(l));

export default defineRule({
  id: 'network-unreachable',
  title: 'A download failed: no network access',
  summary: 'The build could not download something it needs because the network, DNS or proxy was unreachable.',
  category: 'network',
  captures: {
    host: { type: 'string', doc: 'the host that could not be reached', optional: true },
    url: { type: 'string', doc: 'the URL that could not be fetched', optional: true },
    requirement: { type: 'string', doc: 'the Python requirement pip could not fetch', optional: true },
  },
  internal: ['host2', 'url2', 'component', 'context'],
  // the lines before an errno-101 line say whether cargo had just failed (see isCargoStatusReadAsErrno)
  contextBefore: 3,
  patterns: [
    {
      id: 'curl-resolve-host',
      // curl via cargo: "[6] Could not resolve hostname (Could not resolve host: index.crates.io)" (cargo >= 1.70),
      // "[6] Couldn't resolve host name (Could not resolve host: crates.io)" (older); git over https:
      // "fatal: unable to access 'https://github.com/x/y/': Could not resolve host: github.com"
      source: 'cargo (curl) / git',
      literals: ['Could not resolve host', "Couldn't resolve host", 'Could not resolve proxy', "Couldn't resolve proxy"],
      re: /(?:Could not|Couldn't) resolve (?:host|proxy)(?: name|name)?(?:: (?<host>[\w.-]+))?/,
      weight: 0.9,
    },
    {
      id: 'name-resolution',
      // glibc getaddrinfo via libgit2 "failed to resolve address for git.corp.example: Temporary failure in name
      // resolution; class=Net (12)", pip/urllib3 "[Errno -3] Temporary failure in name resolution", "[Errno -2] Name or
      // service not known", "[Errno 11001] getaddrinfo failed" (Windows), ssh "Could not resolve hostname github.com"
      source: 'libgit2 / pip (urllib3) / ssh',
      literals: ['failed to resolve address for', 'Temporary failure in name resolution', 'Name or service not known', 'getaddrinfo failed', 'nodename nor servname', 'Could not resolve hostname'],
      re: /failed to resolve address for (?<host>[\w.-]{1,200}): |Temporary failure in name resolution|Name or service not known|\[Errno 11001\] getaddrinfo failed|nodename nor servname provided|Could not resolve hostname (?<host2>[\w.-]{1,200})/,
      weight: 0.85,
    },
    {
      id: 'rust-dns-error',
      // rustup >= 1.25 (reqwest/hyper): "error sending request for url (https://static.rust-lang.org/...): client error
      // (Connect): dns error: failed to lookup address information: Temporary failure in name resolution"
      source: 'rustup / reqwest',
      literals: ['dns error', 'failed to lookup address information'],
      re: /dns error|failed to lookup address information/,
      weight: 0.85,
    },
    {
      id: 'rustup-download',
      // rustup: "error: could not download file from 'https://static.rust-lang.org/dist/channel-rust-1.80.0.toml.sha256' to '...'",
      // "error: component download failed for rust-std-x86_64-unknown-linux-gnu"
      source: 'rustup',
      literals: ['could not download file from', 'component download failed'],
      re: /could not download file from '(?<url>[^'\s]{1,300})'|component download failed for (?<component>[\w.-]{1,80})/,
      weight: 0.75,
    },
    {
      id: 'cargo-network-failure',
      // cargo (git over libgit2): "network failure seems to have happened"; cargo >= 1.67 timeouts: "[28] Timeout was
      // reached", "[7] Couldn't connect to server", "[35] SSL connect error", "[56] Failure when receiving data from the peer";
      // a connection the server or a proxy cut (curl_easy_strerror): "[52] Server returned nothing (no headers, no data)
      // (Empty reply from server)", "[18] Transferred a partial file (end of response with 994 bytes missing)"
      source: 'cargo',
      literals: ['network failure seems to have happened', 'Timeout was reached', "Couldn't connect to server", 'SSL connect error', 'Failure when receiving data', 'failed to download any data for', 'Server returned nothing', 'Transferred a partial file'],
      re: /network failure seems to have happened|failed to download any data for `|^(?:>\s*)?\[(?:7|18|28|35|52|56)\] (?:Timeout was reached|Couldn't connect to server|SSL connect error|Failure when receiving data|Server returned nothing|Transferred a partial file)/,
      weight: 0.85,
    },
    {
      id: 'connect-failed',
      // git/curl "Failed to connect to github.com port 443 after 21046 ms: Connection timed out", "Network is unreachable
      // (os error 101)", pip "Failed to establish a new connection: [Errno 111] Connection refused", node "connect ETIMEDOUT 104.20.22.46:443"
      source: 'git / curl / pip / node',
      literals: ['Failed to connect to', 'Network is unreachable', 'Failed to establish a new connection', 'connect ETIMEDOUT', 'connect ECONNREFUSED', 'connect ENETUNREACH'],
      re: /Failed to connect to (?<host>[\w.-]+) port \d+|Network is unreachable|Failed to establish a new connection|connect (?:ETIMEDOUT|ECONNREFUSED|ENETUNREACH) \d/,
      weight: 0.8,
    },
    {
      id: 'node-socket-reset',
      // node's net socket, thrown by node-gyp's headers download ("gyp ERR! stack Error: read ECONNRESET" after "gyp http GET
      // https://.../node-v20.20.2-headers.tar.gz"), electron-rebuild ("Error: read ECONNRESET"), npm ("reason: read ECONNRESET"):
      // the peer or a proxy cut the connection mid-transfer; and a TLS handshake that a proxy, a firewall or a plain-HTTP
      // endpoint broke (node-fetch / minipass-fetch: npm 5-9 "request to https://registry.npmjs.org/x failed, reason: write
      // EPROTO 1407...:error:1408F10B:SSL routines:ssl3_get_record:wrong version number", npm 10+ on Node 20 the OpenSSL
      // error alone, @electron/rebuild fetching headers "Error: request to https://www.electronjs.org/headers/... failed,
      // reason: write EPROTO ...:unsafe legacy renegotiation disabled"). Not a certificate the client distrusts
      // ("reason: self-signed certificate"): that is a trust setting, not the path to the server.
      source: 'node (net, tls) via node-gyp / electron-rebuild / npm',
      literals: ['read ECONNRESET', 'write EPROTO', ':SSL routines:'],
      re: /(?:request to (?<url>https?:\/\/[^\s]{1,300}) failed, reason: (?:write EPROTO )?(?=[0-9A-F]{1,40}:error:[0-9A-F]{1,10}:SSL routines:)|(?:request to (?<url2>https?:\/\/[^\s]{1,300}) failed, )?(?:\bError|\breason): (?:read ECONNRESET|write EPROTO)\b)/,
      weight: 0.8,
    },
    {
      id: 'node-getaddrinfo',
      // node-gyp header download / npm: "gyp ERR! stack Error: getaddrinfo EAI_AGAIN nodejs.org", "getaddrinfo ENOTFOUND registry.npmjs.org"
      source: 'node-gyp / npm',
      literals: ['getaddrinfo EAI_AGAIN', 'getaddrinfo ENOTFOUND'],
      re: /getaddrinfo (?:EAI_AGAIN|ENOTFOUND) (?<host>[\w.-]+)/,
      weight: 0.9,
    },
    {
      id: 'node-gyp-network-connectivity',
      // node-gyp >= 5 replaces a failed headers download (ENOTFOUND, ETIMEDOUT, ECONNREFUSED...) with its own text, over
      // two lines: "gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and" /
      // "gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad"
      source: 'node-gyp (install)',
      literals: ['is related to network connectivity'],
      re: /is related to network connectivity\. In most cases you are behind a proxy/,
      weight: 0.9,
    },
    {
      id: 'npm-fetch-timeout',
      // npm (minipass-fetch / make-fetch-happen FetchError): "npm error network timeout at: https://registry.npmjs.org/x"
      // (npm >= 7, FETCH_ERROR), "Response timeout while trying to fetch https://registry.npmjs.org/x (over 30000ms)",
      // "Invalid response body while trying to fetch https://registry.npmjs.org/x: Socket timeout"
      source: 'npm (minipass-fetch)',
      literals: ['network timeout at: ', 'Response timeout while trying to fetch', 'Socket timeout'],
      re: /(?:network timeout at: |Response timeout while trying to fetch |Invalid response body while trying to fetch )(?<url>\w{1,10}:\/\/[^\s:]{1,300}(?::\d{1,5}[^\s:]{0,300})?)(?:$|\s\(over \d+ms\)|: Socket timeout)/,
      weight: 0.8,
    },
    {
      id: 'npm-network-connectivity',
      // npm's error-message.js for ECONNRESET, ENOTFOUND, ETIMEDOUT, ERR_SOCKET_TIMEOUT, EAI_FAIL: "npm ERR! network This
      // is a problem related to network connectivity." (npm 6-11; "npm error network ..." from npm 10)
      source: 'npm',
      literals: ['This is a problem related to network connectivity'],
      re: /This is a problem related to network connectivity\./,
      weight: 0.85,
    },
    {
      id: 'pip-could-not-fetch',
      // pip: "Could not fetch URL https://pypi.org/simple/setuptools/: There was a problem confirming the ssl certificate"
      source: 'pip',
      literals: ['Could not fetch URL'],
      re: /Could not fetch URL (?<url>\S+?):? /,
      weight: 0.75,
    },
    {
      id: 'urllib3-pool',
      // pip/requests: "ReadTimeoutError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Read timed out."
      source: 'pip (urllib3)',
      literals: ['ConnectionPool(host='],
      re: /ConnectionPool\(host='(?<host>[^']{1,200})', port=\d{1,5}\): (?:Read timed out|Max retries exceeded)/,
      weight: 0.75,
    },
    {
      id: 'pip-retrying',
      // pip: "WARNING: Retrying (Retry(total=4, ...)) after connection broken by 'NewConnectionError(...)': /simple/setuptools/"
      source: 'pip (urllib3)',
      literals: ['after connection broken by'],
      re: /after connection broken by '(?:NewConnectionError|ConnectTimeoutError|ProxyError|SSLError|ReadTimeoutError)/,
      weight: 0.6,
    },
    {
      id: 'pip-build-requirement-none',
      // pip with build isolation, index unreachable: "ERROR: Could not find a version that satisfies the requirement
      // setuptools>=40.8.0 (from versions: none)"; only build back-ends, since for other packages "versions: none" usually
      // means no wheel for this Python/platform.
      source: 'pip',
      literals: ['Could not find a version that satisfies the requirement'],
      re: /Could not find a version that satisfies the requirement (?<requirement>(?:setuptools|wheel|setuptools[-_]rust|setuptools[-_]scm|maturin|cython|scikit-build(?:-core)?|meson-python|poetry-core|hatchling|flit[-_]core|pdm-backend|cffi|pybind11|numpy)\b[^\s(]*) \(from versions: none\)/i,
      weight: 0.55,
    },
    {
      id: 'pip-versions-none',
      // pip after failed retries: "ERROR: Could not find a version that satisfies the requirement requests (from versions: none)"
      // (support: confirms that the retries above ended in failure)
      source: 'pip',
      literals: ['(from versions: none)'],
      re: /Could not find a version that satisfies the requirement \S{1,200} \(from versions: none\)/,
      weight: 0.3,
    },
    {
      id: 'cargo-spurious',
      // cargo retry warnings: "warning: spurious network error (3 tries remaining): ..." (support: it may recover)
      source: 'cargo',
      literals: ['spurious network error'],
      re: /spurious network error/,
      weight: 0.4,
    },
    {
      id: 'cargo-download-wrapper',
      // cargo: "failed to download from `https://index.crates.io/config.json`", "failed to query replaced source registry `crates-io`",
      // "Unable to update registry `crates-io`" (support: the cause is in the next Caused by)
      source: 'cargo',
      literals: ['failed to download from', 'failed to query replaced source registry', 'Unable to update registry', 'failed to fetch `'],
      re: /failed to download from `(?<url>[^`]+)`|failed to query replaced source registry|Unable to update registry|failed to fetch `(?<url2>[^`]+)`/,
      weight: 0.3,
    },
    {
      id: 'apk-fetch-error',
      // apk-tools (apk_error_str): "WARNING: Ignoring http://dl-cdn.alpinelinux.org/alpine/v3.10/main/x86_64/APKINDEX.tar.gz:
      // temporary error (try again later)" (apk 2.x add/update goes on without that index), "ERROR:
      // http://dl-cdn.alpinelinux.org/alpine/v3.4/main: temporary error (try again later)" (apk update); also "network
      // error (check Internet connection and firewall)", "DNS lookup error", "could not connect to server (check
      // repositories file)". apk goes on without the index: the cause only when apk then fails (see refine).
      source: 'apk-tools 2.x / 3.x',
      literals: ['temporary error (try again later)', 'network error (check Internet connection', 'DNS lookup error', 'could not connect to server (check repositories', 'network connection aborted', 'operation timed out'],
      re: /^(?:WARNING: (?:Ignoring |fetching |updating and opening )|ERROR: )(?<url>\w{1,10}:\/\/[^\s:]{1,300}): (?:temporary error \(try again later\)|network error \(check Internet connection and firewall\)|DNS lookup error|could not connect to server \(check repositories file\)|network connection aborted|operation timed out)/,
      weight: 0.8,
    },
    {
      id: 'apk-unsatisfiable',
      // apk-tools: "ERROR: unsatisfiable constraints:" (apk < 2.10) / "ERROR: unable to select packages:" (apk >= 2.10),
      // then "gcc (missing):": every package is missing when no index could be fetched (support only: alone it is a
      // package name the repositories do not have)
      source: 'apk-tools',
      literals: ['unsatisfiable constraints', 'unable to select packages'],
      re: /^ERROR: (?:unsatisfiable constraints|unable to select packages):/,
      weight: 0.3,
    },
    {
      id: 'apt-resolve',
      // apt (methods/connect.cc): "Err:1 http://deb.debian.org/debian bookworm InRelease" then "  Temporary failure
      // resolving 'deb.debian.org'" (no DNS) or "  Could not resolve 'deb.example.invalid'" (no such host), repeated as
      // "W: Failed to fetch http://...  Temporary failure resolving 'deb.debian.org'". apt goes on with old or no
      // indexes: the cause when the install then fails ("E: Unable to locate package", see refine).
      source: 'apt / apt-get',
      literals: ['Temporary failure resolving', "Could not resolve '"],
      re: /(?:Temporary failure resolving|Could not resolve) '(?<host>[\w.-]{1,200})'/,
      weight: 0.8,
    },
    {
      id: 'apt-unable-to-locate',
      // apt-get install after an update that fetched no index: "E: Unable to locate package libjack-dev" (support only:
      // alone it is a package name the configured repositories do not have)
      source: 'apt-get',
      literals: ['Unable to locate package'],
      re: /^E: Unable to locate package \S/,
      weight: 0.3,
    },
    {
      id: 'nix-context',
      // Nix: "warning: you don't have Internet access; disabling some network-dependent features", and the builder
      // failure line; marks the failure as happening inside a Nix build (sandbox without network).
      source: 'nix',
      literals: ["you don't have Internet access", 'builder for '],
      re: /you don't have Internet access|builder for '\/nix\/store\//,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    // An HTTP status from a reachable server (rustup "unsuccessful status code: 404") is not a network failure.
    const main = ctx.hits.filter((h) => h.pattern !== 'nix-context' && !/unsuccessful status code|\b40[134] Not Found|\bgot 40[134]\b/.test(h.text) && !isCargoStatusReadAsErrno(h));
    if (main.length === 0) return null;
    const urls = ctx.captures.url ?? ctx.captures.url2;
    const host = ctx.captures.host ?? ctx.captures.host2 ?? (urls ? /^\w+:\/\/(?<h>[^/:]+)/.exec(urls)?.groups?.h : undefined);
    const inNix = ctx.hits.some((h) => h.pattern === 'nix-context' || NIX_BUILDER.test(h.text));
    // Retry warnings alone (pip "WARNING: Retrying", cargo "warning: spurious network error") may have recovered; the
    // failure then lies elsewhere.
    // The last retry (pip "Retry(total=0, ...)", cargo "(1 try remaining)", or "(1 tries remaining)" before cargo
    // 1.8x) failing counts as the failure itself.
    // apk and apt go on without the index they could not fetch: that counts once the package manager then fails
    // (apk's unsatisfiable constraints or its own ERROR line, apt's "Unable to locate package").
    const packageManagerFailed = main.some((h) => h.pattern === 'apk-unsatisfiable' || h.pattern === 'apt-unable-to-locate' || (h.pattern === 'apk-fetch-error' && h.text.startsWith('ERROR:')));
    const confirmed = main.some((h) =>
      h.pattern === 'apk-fetch-error' || h.pattern === 'apt-resolve'
        ? packageManagerFailed
        : !/^(?:WARNING: Retrying|warning: spurious network error)/i.test(h.text) || /Retry\(total=0,|\(1 tr(?:y|ies) remaining\)/.test(h.text),
    );
    return {
      confidence: confirmed ? confidenceOf(main) : 0.45,
      captures: {
        ...(host ? { host } : {}),
        ...(inNix
          ? {
              context:
                ' This happened inside a Nix build: Nix builders have no network, so dependencies must be fetched by fixed-output derivations ' +
                '(rustPlatform.buildRustPackage with `cargoLock.lockFile` / `cargoHash`, crane, naersk, or a vendored directory).',
            }
          : {}),
      },
      // One line per pattern, strongest first: retry warnings repeat the same message many times.
      evidence: [...main]
        .sort((a, b) => b.weight - a.weight || b.line - a.line)
        .filter((h, i, all) => all.findIndex((o) => o.pattern === h.pattern) === i)
        .slice(0, 4)
        .sort((a, b) => a.line - b.line)
        .map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'A download the build needs failed because {{host|the server}} could not be reached (no network, DNS not working, a firewall ' +
    'or a proxy that is not configured). Cargo fetches the crates.io index, crates and git dependencies; pip downloads build ' +
    'requirements (setuptools, wheel) into an isolated environment; node-gyp downloads Node.js headers; rustup downloads toolchains ' +
    'pinned by rust-toolchain.toml.{{context|}}',
  fix: {
    summary: 'Restore network access (DNS, proxy) for the build, or make it work offline with vendored or pre-fetched dependencies.',
    steps: [
      'Check connectivity and DNS from the same environment: `curl -I https://index.crates.io/config.json`, `getent hosts github.com`.',
      'Behind a proxy, export `HTTPS_PROXY`/`HTTP_PROXY` (cargo also reads `http.proxy` in .cargo/config.toml; pip `--proxy`).',
      'Docker: pass `--network host` to `docker build` or fix the daemon DNS (`"dns"` in /etc/docker/daemon.json).',
      'Offline Rust builds: `cargo fetch` (or `cargo vendor`) while online, then `cargo build --offline` / `--frozen`.',
      'Offline pip builds: install the build requirements first and use `pip install --no-build-isolation`, or `pip download` them into a wheelhouse and use `--no-index --find-links`.',
      'node-gyp: point at local headers with `npm_config_nodedir=/usr/include/node` (or `--nodedir`).',
      'Nix: fetch crates through `cargoLock.lockFile = ./Cargo.lock` (or `cargoHash`), crane or naersk instead of running cargo against the network.',
    ],
    commands: [
      { tool: 'cargo', command: 'cargo fetch' },
      { tool: 'cargo', command: 'cargo vendor' },
      { tool: 'cargo', command: 'cargo build --offline' },
      { tool: 'pip', command: 'python -m pip download -d wheels <package>   # while online; then pip install --no-index --find-links wheels <package>' },
      { tool: 'node-gyp', command: 'npm install --nodedir=<directory with the Node.js headers>   # node-gyp downloads no headers then' },
      { tool: 'meson', command: 'meson subprojects download   # while online; then meson setup --wrap-mode=nodownload builddir' },
      { tool: 'cmake', command: 'cmake -S . -B build -DFETCHCONTENT_FULLY_DISCONNECTED=ON   # after one configure online filled build/_deps' },
      { tool: 'docker', command: 'docker build --network host .' },
    ],
    platformCommands: {
      nix: ['Use rustPlatform.buildRustPackage { cargoLock.lockFile = ./Cargo.lock; } (or cargoHash) so crates are fetched by a fixed-output derivation'],
      windows: ['Check proxy settings: `netsh winhttp show proxy`, and set HTTPS_PROXY for cargo/pip'],
    },
  },
});
