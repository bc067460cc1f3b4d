// Masks secrets (tokens, keys, credentials) in anything a report carries, so they never leave through a report.
//
// Two kinds of rule: token *shapes* (a prefix a provider puts on its tokens: `ghp_`, `glpat-`, `npm_`, ...) and
// *context* (the credential position of a URL, the value after a secret-named key or flag, an Authorization
// header). A last, generic rule masks long random-looking words that neither recognises; it is kept from touching the
// ordinary words of build logs (hex hashes, base64 digests, mangled symbols) by what surrounds the word and by its
// mix of characters (test/hostile-diagnose.test.ts runs it over every case log). Values that are placeholders
// (`${GITHUB_TOKEN}`, `$TOKEN`, `<token>`, `***`) are not secrets and are left as they are, so the tool's own advice
// (`https://x-access-token:${GITHUB_TOKEN}@github.com/`) reads as written.

export const MASK = '***';

type Replacer = (match: string, ...groups: string[]) => string;

interface SecretPattern {
  name: string;
  re: RegExp;
  replace: string | Replacer;
  /** A cheap test a line must pass before `re` runs: most lines name no secret at all. */
  hint?: RegExp;
}

const SECRET_HINT = /passw|passphrase|secret|token|key|auth|credential/i;
// `scheme://`, also as JSON writes it with escaped slashes (`https:\/\/user:pass@host`).
const URL_HINT = /:(?:\/\/|\\\/\\\/)/;

/** A value that names a secret instead of holding one: a variable, a template, a mask. */
const PLACEHOLDER =
  /^(?:\$.*|%[A-Za-z_]\w*%|<[^<>]*>|\{\{.*\}\}|\{[A-Za-z_][\w-]*\}|\[[A-Za-z _-]*\]|[*xX.•]{3,}|redacted|hidden|masked|none|null|nil|true|false|yes|no|undefined|empty)$/i;

export function isPlaceholder(value: string): boolean {
  return value.includes(MASK) || PLACEHOLDER.test(value);
}

/** The words that make a key, variable or flag name secret when the name ends with one. */
const SECRET_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'api[_-]?key',
  'access[_-]?key',
  'secret[_-]?key',
  'private[_-]?key',
  'auth',
  'credentials?',
].join('|');

/**
 * Whether `prefix` + `word` is a name ending in a secret word (`GITHUB_TOKEN`, `db.password`, `accessToken`), not a
 * word that merely ends in one (`oauth`, `mytoken`): the prefix must end in a separator or a camel-case hump.
 */
function endsInSecretWord(prefix: string, word: string): boolean {
  if (prefix === '') return true;
  const last = prefix[prefix.length - 1];
  if (/[_.\-:/]/.test(last) || (/[a-z0-9]/.test(last) && /[A-Z]/.test(word[0]))) return true;
  // An environment variable in capitals glued to its word: PGPASSWORD (libpq), MYAPPTOKEN.
  return !/[a-z]/.test(prefix) && /^(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN)$/.test(word);
}

/** A value after `name:` (not `name=`): in quoted code (`token: String`, `password: &str`) it is usually a type. */
function looksLikeValueAfterColon(value: string): boolean {
  if (value.length < 6 || /^[&*<([{'`]/.test(value) || /[()<>]/.test(value) || FILE_PATH.test(value)) return false;
  return /[^A-Za-z_]/.test(value) || value.length >= 16;
}

/** An HTTP auth scheme: `NAME=Bearer <token>` holds its secret in the word after it. */
const AUTH_SCHEME = /^(?:bearer|basic|token)$/i;

/** A value after `name=`: code (`token = lexer.next();`, `if password == x`) and flags (`DISABLE_AUTH=1`) are not secrets. */
function looksLikeValueAfterEquals(value: string): boolean {
  return value.length >= 3 && !/^[=>~&*([{]/.test(value) && !/[()[\]]|;$/.test(value) && !FILE_PATH.test(value);
}

/** A value that names where a secret is kept (`/run/secrets/db_password`, `file:/etc/app/cookie.secret`), not the secret. */
const FILE_PATH = /^(?:\/|\.{1,2}\/|~\/|file:)/;

/** An integer that reads as a port: `https://host:8080/path@v1` has no password. */
const PORT_LIKE = /^\d{1,5}(?:[/?#]|$)/;

/** A URL's user part that is a token itself (git prints `https://<token>@github.com/...`). */
function looksLikeTokenUser(user: string): boolean {
  return user.length >= 20 && /\d/.test(user) && /[A-Za-z]/.test(user) && !/[.@]/.test(user);
}

function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** A word that is random: upper and lower case and digits, well mixed. Hex in one case (hashes, ids) never qualifies. */
function looksRandom(word: string): boolean {
  const count = (re: RegExp) => word.match(re)?.length ?? 0;
  return count(/[A-Z]/g) >= 2 && count(/[a-z]/g) >= 2 && count(/[0-9]/g) >= 2 && shannonEntropy(word) >= 4.2;
}

/** Masks the value of a `name<op>value` match unless it is a placeholder or not a secret; keeps name and quotes. */
const maskAssignment: Replacer = (match, quoteKey, prefix, word, op, quote, value) => {
  if (!endsInSecretWord(prefix, word)) return match;
  const v = value ?? '';
  if (v === '' || isPlaceholder(v) || (!quote && AUTH_SCHEME.test(v))) return match;
  if (!quote && (op.trim() === ':' ? !looksLikeValueAfterColon(v) : !looksLikeValueAfterEquals(v))) return match;
  return `${quoteKey}${prefix}${word}${quoteKey}${op}${quote}${MASK}${quote}`;
};

// Ordered: specific token shapes first, so that the context rules after them see `glpat-***` and leave it.
// Query-string keys that carry a credential: GitLab/OAuth tokens, API keys, pre-signed S3/GCS URLs, Azure SAS `sig`.
const QUERY_SECRET_KEYS = ['access_token', 'private_token', 'job_token', 'id_token', 'refresh_token', 'token', 'auth', 'api_key', 'apikey', 'key', 'sig', 'signature', 'password', 'passwd', 'secret', 'client_secret', 'x-amz-signature', 'x-amz-security-token', 'x-amz-credential', 'x-goog-signature', 'x-goog-credential'];
/** A key as regex source that also matches it percent-encoded (`access%5Ftoken`, `x-amz%2Dsignature`). */
const percentEncodedToo = (key: string) => key.replace(/_/g, '(?:_|%5F)').replace(/-/g, '(?:-|%2D)');

const PATTERNS: readonly SecretPattern[] = [
  // GitHub tokens: classic personal (ghp_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_), refresh (ghr_).
  { name: 'github-token', re: /\b(gh[pousr]_)[A-Za-z0-9]{20,255}\b/g, replace: `$1${MASK}` },
  // GitHub fine-grained personal access tokens.
  { name: 'github-pat', re: /\bgithub_pat_[A-Za-z0-9_]{20,255}/g, replace: `github_pat_${MASK}` },
  // GitLab tokens: personal/project/group (glpat-), deploy (gldt-), runner (glrt-), CI job (glcbt-), trigger
  // (glptt-), feed (glft-), incoming mail (glimt-), agent (glagent-), OAuth secret (gloas-), SCIM (glsoat-).
  { name: 'gitlab-token', re: /\b(gl(?:pat|dt|rt|cbt|ptt|ft|imt|agent|oas|soat|ffct)-)[\w.-]{20,255}/g, replace: `$1${MASK}` },
  // GitLab runner registration tokens.
  { name: 'gitlab-runner-registration', re: /\b(GR1348941)[\w-]{20,64}/g, replace: `$1${MASK}` },
  // npm access tokens (`npm token create`, .npmrc).
  { name: 'npm-token', re: /\b(npm_)[A-Za-z0-9]{30,64}\b/g, replace: `$1${MASK}` },
  // PyPI API tokens (macaroons: pypi-AgEIcHlwaS5vcmc...), as twine and uv publish take them.
  { name: 'pypi-token', re: /\b(pypi-)[\w-]{40,1024}/g, replace: `$1${MASK}` },
  // Slack tokens: bot (xoxb-), user (xoxp-), app-level (xapp-), legacy and refresh (xoxa-, xoxo-, xoxr-, xoxs-, xoxe-).
  { name: 'slack-token', re: /\b(xox[abeoprs]-|xapp-)[A-Za-z0-9-]{10,255}/g, replace: `$1${MASK}` },
  // Slack incoming webhooks: the path is the secret.
  { name: 'slack-webhook', re: /\b(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[\w/-]{10,255}/g, replace: `$1${MASK}` },
  // Stripe secret and restricted keys (sk_live_, rk_test_, ...) and webhook signing secrets.
  { name: 'stripe-key', re: /\b((?:sk|rk)_(?:live|test)_|whsec_)[A-Za-z0-9]{10,247}\b/g, replace: `$1${MASK}` },
  // Google API keys, OAuth access tokens and OAuth client secrets.
  { name: 'google-key', re: /\b(AIza)[\w-]{35}|\b(ya29\.)[\w-]{20,2048}|\b(GOCSPX-)[\w-]{20,64}/g, replace: (_m, a, b, c) => `${a ?? b ?? c}${MASK}` },
  // Hugging Face user and organisation tokens.
  { name: 'huggingface-token', re: /\b(hf_|api_org_)[A-Za-z0-9]{30,64}\b/g, replace: `$1${MASK}` },
  // crates.io API tokens (`cargo login`, CARGO_REGISTRY_TOKEN).
  { name: 'crates-io-token', re: /\b(cio)[A-Za-z0-9]{32}\b/g, replace: `$1${MASK}` },
  // Docker Hub personal and organisation access tokens.
  { name: 'docker-hub-token', re: /\b(dckr_(?:pat|oat)_)[\w-]{20,255}/g, replace: `$1${MASK}` },
  // OpenAI and Anthropic API keys.
  { name: 'ai-api-key', re: /\b(sk-(?:proj-|svcacct-|ant-(?:api\d\d-)?)?)[\w-]{32,255}/g, replace: `$1${MASK}` },
  // SendGrid API keys (SG.<id>.<secret>).
  { name: 'sendgrid-key', re: /\bSG\.[\w-]{16,32}\.[\w-]{16,64}/g, replace: `SG.${MASK}` },
  // AWS access key ids (long-term AKIA, temporary ASIA).
  // Not \b before the prefix: a key glued to a flag (`-lAKIA...`, `--key=AKIA...`) has a word character before it.
  { name: 'aws-key-id', re: /(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g, replace: `$1${MASK}` },
  // DigitalOcean personal, OAuth and refresh tokens.
  { name: 'digitalocean-token', re: /\b(do[opr]_v1_)[a-f0-9]{64}\b/g, replace: `$1${MASK}` },
  // HashiCorp Vault service, batch and recovery tokens (`vault login hvs.CAES...`).
  { name: 'vault-token', re: /\b(hv[sbr]\.)[\w-]{24,512}/g, replace: `$1${MASK}` },
  // Shopify access tokens (admin API, custom and private apps, shared secrets).
  { name: 'shopify-token', re: /\b(shp(?:at|ca|pa|ss)_)[a-fA-F0-9]{32}\b/g, replace: `$1${MASK}` },
  // Databricks personal access tokens.
  { name: 'databricks-token', re: /\b(dapi)[a-f0-9]{32}(?:-\d)?\b/g, replace: `$1${MASK}` },
  // A base64-encoded PEM private key, as kubeconfig's `client-key-data` and CI secrets carry one: `-----BEGIN `
  // encodes as LS0tLS1CRUdJTi; a certificate (`certificate-authority-data`) is public and left alone.
  { name: 'base64-private-key', hint: /LS0tLS1CRUdJT/, re: /\bLS0tLS1CRUdJT[A-Za-z0-9+/]{20,8192}={0,2}/g, replace: (m) => (Buffer.from(m.slice(0, 120), 'base64').toString('latin1').includes('PRIVATE KEY') ? MASK : m) },
  // JSON Web Tokens (header.payload.signature; both JSON parts base64url-encode `{"`), e.g. OIDC tokens in CI.
  { name: 'jwt', re: /\beyJ[\w-]{8,4096}\.eyJ[\w-]{8,8192}\.[\w-]{0,2048}/g, replace: `eyJ${MASK}` },
  // HTTP Authorization / Proxy-Authorization headers as curl -v, git GIT_CURL_VERBOSE and pip -vvv print them, and the
  // same header in code or config (`{'Authorization': 'Bearer ...'}`, `http.extraheader=AUTHORIZATION: basic ...`).
  {
    name: 'authorization',
    hint: /authorization/i,
    re: /\b((?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:(?:bearer|basic|token|digest|negotiate|ntlm|aws4-hmac-sha256)[ \t]+)?)([^\s"',]+)/gi,
    replace: (m, head, value) => (isPlaceholder(value) ? m : `${head}${MASK}`),
  },
  // Credentials in URLs: scheme://user:password@host (git remotes, pip --index-url, cargo registries, database URLs).
  // The password runs to the `@` (it may hold a `/`, which git and pip print as is); a port is not a password.
  {
    name: 'url-credentials',
    hint: URL_HINT,
    // An `@` left unencoded in the password (`deploy:p4ss@w0rd@host`) is the password's when another `@` follows
    // before the host's path: git and curl take the last one for the host.
    re: /\b([a-z][a-z0-9+.-]{1,20}:(?:\/\/|\\\/\\\/))([^\s:/?#@'"`\\]{1,256}):((?:[^\s@'"`]|@(?=[^\s@/'"`]{0,256}@)){1,256})@/gi,
    replace: (m, scheme, user, password) => {
      if (PORT_LIKE.test(password) || (isPlaceholder(password) && !password.includes(MASK))) return m;
      return `${scheme}${looksLikeTokenUser(user) ? MASK : user}:${MASK}@`;
    },
  },
  // A URL whose user part is the token: git and cargo print `https://<token>@github.com/...`.
  {
    name: 'url-token-user',
    hint: URL_HINT,
    re: /\b([a-z][a-z0-9+.-]{1,20}:(?:\/\/|\\\/\\\/))([^\s:/?#@'"`\\]{1,256})@/gi,
    replace: (m, scheme, user) => (looksLikeTokenUser(user) && !isPlaceholder(user) ? `${scheme}${MASK}@` : m),
  },
  // Credentials in query strings (QUERY_SECRET_KEYS), the key also percent-encoded, as cargo and curl print a URL
  // they were given encoded.
  {
    name: 'url-query-secret',
    hint: /[?&;][\w%-]{1,40}(?:=|%3D)/i,
    re: new RegExp(`([?&;](?:${QUERY_SECRET_KEYS.map(percentEncodedToo).join('|')})(?:=|%3D))([^&#\\s'"\`<>]{1,4096})`, 'gi'),
    replace: (m, head, value) => (isPlaceholder(value) ? m : `${head}${MASK}`),
  },
  // Secret-named keys, variables and flags with `=` or `:`: shell `export NPM_TOKEN=...` and `env` dumps, .npmrc
  // `//registry.npmjs.org/:_authToken=...`, ~/.aws/credentials `aws_secret_access_key = ...`, YAML `password: ...`,
  // JSON and Python dicts `"token": "..."`, `--password=...`. Quoted values may hold spaces.
  {
    name: 'secret-assignment',
    hint: SECRET_HINT,
    re: new RegExp(
      `(?<![\\w.-])(["']?)((?:--?)?[\\w.\\-]{0,64}?)(${SECRET_WORDS})\\1(?![\\w-])([ \\t]*(?::=|\\?=|=|:(?!:))[ \\t]*)(?:(["'])([^"'\\n]{1,512})\\5|()([^\\s"'\`]{1,512}))`,
      'gi',
    ),
    replace: (m, quoteKey, prefix, word, op, quoteA, valueA, quoteB, valueB) =>
      maskAssignment(m, quoteKey, prefix, word, op, quoteA ?? quoteB ?? '', valueA ?? valueB),
  },
  // Secret flags with the value as the next argument: `--password x`, `--token x`, `--api-key x`, `--http-password x`.
  // `--password-stdin` and `--token-file` take none.
  {
    name: 'secret-flag',
    hint: SECRET_HINT,
    re: /(?<![\w-])(--(?:[\w-]{0,32}-)?(?:password|passwd|passphrase|token|secret|api-key|apikey|access-key|private-key|auth-token|access-token))([ \t]+)(["']?)([^\s"'-][^\s"']{0,511})\3/gi,
    // `docker buildx build --secret id=npmrc,src=...` names where a secret comes from (BuildKit's secret spec).
    replace: (m, flag, space, quote, value) =>
      /^--(?:no|ask|prompt)-/i.test(flag) || isPlaceholder(value) || /^(?:id|type|src|source|env|required)=/.test(value) || FILE_PATH.test(value) ? m : `${flag}${space}${quote}${MASK}${quote}`,
  },
  // Registry logins with a short password flag: `docker login -u user -p <password> registry` (also podman,
  // buildah, nerdctl, skopeo, oras, helm registry), and sshpass.
  {
    name: 'login-password-flag',
    hint: /login|sshpass/,
    re: /\b((?:(?:docker|podman|buildah|nerdctl|skopeo|oras|helm(?:[ \t]+registry)?)[ \t]+login\b[^\n]{0,200}?[ \t]-p|sshpass[ \t]+-p)([ \t]*))(["']?)([^\s"']{1,512})\3/g,
    replace: (m, head, _space, quote, value) => (isPlaceholder(value) ? m : `${head}${quote}${MASK}${quote}`),
  },
  // The MySQL/MariaDB clients take the password glued to `-p` (`mysql -uroot -pS3cret db`; `-p db` prompts and names
  // the database). The client must be the command, not a directory in a compiler's `-I/usr/include/mysql -pthread`.
  {
    name: 'mysql-password-flag',
    hint: /mysql|mariadb/i,
    re: /(?<![\w./-])((?:\/(?:usr\/)?(?:local\/)?s?bin\/)?(?:mysql(?:dump|admin|import|check|show|binlog|slap|pump)?|mariadb(?:-(?!config)[a-z]+)?)(?:\.exe)?(?=[ \t])[^\n;|&]{0,300}?[ \t]-p)(?:(["'])([^"'\n]{1,512})\2|()([^\s"'-][^\s"']{0,511}))/g,
    replace: (m, head, quoteA, valueA, quoteB, valueB) => {
      const value = valueA ?? valueB;
      const quote = quoteA ?? quoteB ?? '';
      return isPlaceholder(value) || /^(?:thread|ipe|edantic)/.test(value) ? m : `${head}${quote}${MASK}${quote}`;
    },
  },
  // The password the MySQL clients read from the environment (MYSQL_PWD; libpq's PGPASSWORD is a secret-assignment).
  {
    name: 'mysql-pwd-env',
    hint: /MYSQL_PWD/,
    re: /\b(MYSQL_PWD[ \t]*[=:][ \t]*)(["']?)([^\s"']{1,512})\2/g,
    replace: (m, head, quote, value) => (isPlaceholder(value) ? m : `${head}${quote}${MASK}${quote}`),
  },
  // redis-cli (and its forks valkey-cli, keydb-cli) take the password as the argument after `-a` or `--pass`.
  {
    name: 'redis-cli-password',
    hint: /(?:redis|valkey|keydb)-cli/,
    re: /\b((?:redis|valkey|keydb)-cli(?:\.exe)?(?=[ \t])[^\n;|&]{0,300}?[ \t](?:-a|--pass)[ \t]+)(["']?)([^\s"'-][^\s"']{0,511})\2/g,
    replace: (m, head, quote, value) => (isPlaceholder(value) ? m : `${head}${quote}${MASK}${quote}`),
  },
  // curl's `-u user:password` / `--user user:password`.
  {
    name: 'curl-user',
    hint: /curl/,
    re: /\b(curl\b[^\n]{0,300}?[ \t](?:-u|--user)(?:[ \t]+|=)["']?[^\s:"']{0,128}:)([^\s"']{1,512})/g,
    replace: (m, head, value) => (isPlaceholder(value) ? m : `${head}${MASK}`),
  },
  // ~/.netrc lines as curl --netrc, pip and git print or a CI script echoes them: `machine host login user password pw`.
  {
    name: 'netrc-password',
    hint: /\bpassword\b/,
    re: /\b((?:machine|default)\b[^\n]{0,300}?[ \t]password[ \t]+)(\S{1,512})/g,
    replace: (m, head, value) => (isPlaceholder(value) ? m : `${head}${MASK}`),
  },
  // A .netrc written over several lines: the password has a line of its own (`  password <pw>`, or after `login <user>`).
  {
    name: 'netrc-password-line',
    hint: /\bpassword\b/,
    re: /^([ \t]*(?:login[ \t]+\S{1,256}[ \t]+)?password[ \t]+)(\S{1,512})([ \t]*)$/g,
    replace: (m, head, value, tail) => (isPlaceholder(value) || !looksLikeValueAfterColon(value) ? m : `${head}${MASK}${tail}`),
  },
  // `aws configure set aws_secret_access_key <key>`: the AWS CLI takes the value as the next argument.
  {
    name: 'aws-configure-set',
    hint: /aws_(?:secret_access_key|session_token)/,
    re: /\b(aws[ \t]+configure[ \t]+set[ \t]+(?:[\w-]{1,64}\.)?aws_(?:secret_access_key|session_token)[ \t]+)(["']?)([^\s"']{1,2048})\2/g,
    replace: (m, head, quote, value) => (isPlaceholder(value) ? m : `${head}${quote}${MASK}${quote}`),
  },
  // `NAME=Bearer <token>` unquoted (an `env` dump, a CI variable listing): the scheme is kept, the word after it masked.
  {
    name: 'assignment-auth-scheme',
    hint: SECRET_HINT,
    re: new RegExp(`(?<![\\w.-])((?:--?)?[\\w.\\-]{0,64}?(?:${SECRET_WORDS})[ \\t]*[=:][ \\t]*(?:bearer|basic|token)[ \\t]+)([^\\s"'\`]{6,512})`, 'gi'),
    replace: (m, head, value) => (isPlaceholder(value) ? m : `${head}${MASK}`),
  },
  // Azure storage and Service Bus connection strings (`AccountKey=...;`, `SharedAccessKey=...`, `SharedAccessSignature=...`).
  {
    name: 'azure-connection-key',
    hint: /AccountKey|SharedAccess/i,
    re: /\b((?:AccountKey|SharedAccessKey|SharedAccessSignature)=)([^;\s'"`]{8,4096})/gi,
    replace: (m, head, value) => (isPlaceholder(value) ? m : `${head}${MASK}`),
  },
  // Cookie headers (curl -H 'Cookie: ...', -v's `> Cookie:` and `< Set-Cookie:`): session ids are credentials.
  {
    name: 'cookie-header',
    hint: /cookie/i,
    re: /\b((?:set-)?cookie["']?[ \t]*:[ \t]*)([^\n'"`]{1,4096})/gi,
    replace: (m, head, value) => (isPlaceholder(value.trim()) ? m : `${head}${MASK}`),
  },
  // Anything else that is a long random word (an API key of a provider not named above). Hex hashes, base64 digests
  // (`sha512-...==`, `h1:...=`), paths and mangled symbols (`_ZN...17h...E`) are kept out by the characters around it.
  {
    name: 'random-word',
    re: /(?<![\w+/=@.:$%\\-])[A-Za-z0-9]{32,512}(?![\w+/=@\\-])/g,
    replace: (m) => (looksRandom(m) ? MASK : m),
  },
];

// PEM and OpenSSH private keys (ssh-keygen, openssl genpkey, `echo "$DEPLOY_KEY"` in CI scripts).
const KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/;
const KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/;
const KEY_BLOCK = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/g;
const KEY_LINE_MASK = `-----BEGIN PRIVATE KEY----- ${MASK}`;
const KEY_BLOCK_MASK = `${KEY_LINE_MASK} -----END PRIVATE KEY-----`;
/** A line of PEM/OpenSSH key material: base64 only, at most 76 characters (PEM wraps at 64, OpenSSH at 70). */
const KEY_BODY = /^\s*[A-Za-z0-9+/=]{16,76}\s*$/;
/** PEM encapsulated headers of OpenSSL's traditional encrypted keys, which come before the key material. */
const KEY_HEADER = /^\s*(?:Proc-Type|DEK-Info):/;
/** A full-width line of base64 key material, for a key whose BEGIN and END lines are both outside the text. */
const KEY_BODY_FULL = /^\s*[A-Za-z0-9+/]{60,76}={0,2}\s*$/;

/** Masks secrets within one line (or a single-line field). Pure. */
function redactLine(line: string): string {
  let out = line;
  if (out.includes('PRIVATE KEY')) {
    out = out.replace(KEY_BLOCK, KEY_BLOCK_MASK);
    // A key cut before its END within one string (a command line, a JSON field, a clipped line): the rest is key.
    const at = out.search(KEY_BEGIN);
    if (at >= 0 && !KEY_END.test(out) && !out.endsWith(KEY_LINE_MASK)) out = `${out.slice(0, at)}${KEY_LINE_MASK}`;
  }
  for (const p of PATTERNS) {
    if (p.hint && !p.hint.test(out)) continue;
    out = out.replace(p.re, p.replace as string);
  }
  return out;
}

/** Masks secrets within one string, which may span lines (a key block spans lines). Pure. */
export function redactText(text: string): string {
  if (!text.includes('\n')) return redactLine(text);
  const blocks = text.includes('PRIVATE KEY') ? text.replace(KEY_BLOCK, KEY_BLOCK_MASK) : text;
  return redactLines(blocks.split('\n')).join('\n');
}

/**
 * Masks secrets in consecutive log lines. A private key block spans lines: the lines after its BEGIN marker are
 * masked up to its END marker, or, when the END line is missing (a cut log), up to the first line that is not key
 * material. Key material with neither marker in view (an excerpt from the middle of a key) is masked too. Pure.
 */
export function redactLines(lines: readonly string[]): string[] {
  let inKey = false;
  const out = lines.map((line) => {
    if (inKey) {
      if (KEY_END.test(line)) {
        inKey = false;
        return MASK;
      }
      if (KEY_BODY.test(line) || KEY_HEADER.test(line) || line.trim() === '') return MASK;
      inKey = false;
    }
    // (A line masked before starts with a BEGIN marker too: masking twice changes nothing.)
    if (KEY_BEGIN.test(line) && !KEY_END.test(line) && !line.endsWith(KEY_LINE_MASK)) {
      inKey = true;
      const at = line.search(KEY_BEGIN);
      return `${redactLine(line.slice(0, at))}${KEY_LINE_MASK}`;
    }
    return redactLine(line);
  });
  // An excerpt can start inside a key block, after its BEGIN line: the key material sits above an orphan END.
  for (let i = 0; i < out.length; i++) {
    if (!KEY_END.test(lines[i]) || KEY_BEGIN.test(lines[i]) || out[i] === MASK) continue;
    out[i] = MASK;
    for (let j = i - 1; j >= 0 && KEY_BODY.test(lines[j]); j--) out[j] = MASK;
  }
  // Or inside it, with neither marker: two or more full-width base64 lines in a row.
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && KEY_BODY_FULL.test(lines[j]) && looksRandom(lines[j].trim().slice(0, 64))) j++;
    if (j - i >= 2) for (let k = i; k < j; k++) out[k] = MASK;
    i = Math.max(j, i + 1);
  }
  return out;
}

/**
 * A copy of `value` (a diagnosis, a report) with every string masked: object keys are kept, arrays of log lines
 * are masked as a block, Sets and Maps are copied with their contents masked.
 */
export function redactDeep<T>(value: T): T {
  return redactValue(value) as T;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => typeof v === 'string')) return redactLines(value);
    // Evidence lists: [{line, text}] or [{location, text}] in log order; mask their texts as a block too.
    if (value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string')) {
      const texts = redactLines(value.map((v) => (v as { text: string }).text));
      return value.map((v, i) => ({ ...(redactValue(v) as object), text: texts[i] }));
    }
    return value.map(redactValue);
  }
  if (value instanceof Set) return new Set([...value].map(redactValue));
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [redactValue(k), redactValue(v)]));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v);
    return out;
  }
  return value;
}
