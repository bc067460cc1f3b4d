// Masks secrets (tokens, keys, credentials) in anything a report carries, so they never leave through a report.

const MASK = '***';

interface SecretPattern {
  name: string;
  re: RegExp;
  replace: string;
}

// Ordered: specific token shapes before the generic header and assignment forms that could contain them.
const PATTERNS: readonly SecretPattern[] = [
  // GitHub personal access tokens (classic: ghp_ + 36; OAuth gho_, user-to-server ghu_, server ghs_, refresh ghr_).
  { name: 'github-token', re: /\b(gh[pousr]_)[A-Za-z0-9]{20,255}\b/g, replace: `$1${MASK}` },
  // GitHub fine-grained personal access tokens.
  { name: 'github-pat', re: /\bgithub_pat_[A-Za-z0-9_]{20,255}/g, replace: `github_pat_${MASK}` },
  // AWS access key ids (long-term AKIA, temporary ASIA).
  { name: 'aws-key-id', re: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: `$1${MASK}` },
  // HTTP Authorization / Proxy-Authorization headers as curl -v, git GIT_CURL_VERBOSE and pip -vvv print them.
  { name: 'authorization', re: /\b((?:proxy-)?authorization:[ \t]*(?:(?:bearer|basic|token|digest|negotiate)[ \t]+)?)[^\s"']+/gi, replace: `$1${MASK}` },
  // Credentials in URLs: https://user:password@host (git remotes, pip --index-url, cargo registries).
  { name: 'url-credentials', re: /\b([a-z][a-z0-9+.-]{1,20}:\/\/)([^\s:/@]{1,256}):([^\s/@]{1,256})@/gi, replace: `$1$2:${MASK}@` },
  // Secret-looking environment assignments echoed by shells (`+ export NPM_TOKEN=...`, `env` dumps).
  { name: 'secret-assignment', re: /\b([A-Z0-9_]{0,64}(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|ACCESS_KEY)[A-Z0-9_]{0,64}=)(?!\*\*\*)[^\s"']+/g, replace: `$1${MASK}` },
];

const KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/;
const KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/;
/** A line of PEM/OpenSSH key material: base64 only, at most 76 characters (PEM wraps at 64, OpenSSH at 70). */
const KEY_BODY = /^\s*[A-Za-z0-9+/=]{16,76}\s*$/;
const KEY_BLOCK = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----|$)/g;

/** Masks secrets within one string (which may span lines). Pure. */
export function redactText(text: string): string {
  let out = text;
  if (out.includes('PRIVATE KEY')) out = out.replace(KEY_BLOCK, `-----BEGIN PRIVATE KEY----- ${MASK} -----END PRIVATE KEY-----`);
  for (const p of PATTERNS) out = out.replace(p.re, p.replace);
  return out;
}

/**
 * Masks secrets in consecutive log lines: a private key block spans lines, so the lines between its
 * BEGIN and END markers are masked whole. Pure.
 */
export function redactLines(lines: readonly string[]): string[] {
  let inKey = false;
  const out = lines.map((line) => {
    if (inKey) {
      if (KEY_END.test(line)) inKey = false;
      return MASK;
    }
    if (KEY_BEGIN.test(line) && !KEY_END.test(line)) {
      inKey = true;
      return line.replace(/-----BEGIN [\s\S]*$/, `-----BEGIN PRIVATE KEY----- ${MASK}`);
    }
    return redactText(line);
  });
  // An excerpt can start inside a key block, after its BEGIN line: the key material sits above an orphan END.
  for (let i = 0; i < out.length; i++) {
    if (!KEY_END.test(lines[i]) || out[i] === MASK) continue;
    for (let j = i - 1; j >= 0 && KEY_BODY.test(lines[j]); j--) out[j] = MASK;
  }
  return out;
}

/** A copy of `value` (a diagnosis, a report) with every string masked; arrays of log lines are masked as a block. */
export function redactDeep<T>(value: T): T {
  return redactValue(value) as T;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return redactLines(value);
    // Evidence lists: [{line, text}] or [{location, text}] in log order; mask their texts as a block too.
    if (value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string')) {
      const texts = redactLines(value.map((v) => (v as { text: string }).text));
      return value.map((v, i) => ({ ...(redactValue(v) as object), text: texts[i] }));
    }
    return value.map(redactValue);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v);
    return out;
  }
  return value;
}
