// Whether a `[target.'cfg(...)'.dependencies]` table (or a `[target.<triple>]` one) applies when building for a
// given target triple: cargo's cfg syntax (all/any/not, `key = "value"`, bare names) over the facts the triple implies; pure.

/** The cfg facts of a target triple, as rustc reports them with `--print cfg` for the common tiers. */
export function tripleFacts(triple: string): Map<string, Set<string>> {
  const [archPart = '', , osPart = '', envPart = ''] = triple.split('-');
  const vendorOs = triple.split('-');
  const arch = archPart.startsWith('i') && /86$/.test(archPart) ? 'x86' : archPart.startsWith('riscv64') ? 'riscv64' : archPart.startsWith('arm') || archPart.startsWith('thumb') ? 'arm' : archPart;
  let os = osPart;
  if (vendorOs[1] === 'apple') os = /ios/.test(triple) ? 'ios' : 'macos';
  else if (vendorOs.includes('windows')) os = 'windows';
  else if (vendorOs.includes('linux')) os = 'linux';
  else if (vendorOs.includes('android') || /androideabi/.test(triple)) os = 'android';
  else if (vendorOs.includes('freebsd')) os = 'freebsd';
  else if (arch.startsWith('wasm')) os = vendorOs.includes('wasi') || /wasip\d/.test(triple) ? 'wasi' : vendorOs.includes('emscripten') ? 'emscripten' : 'unknown';
  const family = os === 'windows' ? ['windows'] : arch.startsWith('wasm') ? ['wasm'] : ['unix'];
  const env = /gnu/.test(envPart) || (os === 'linux' && !envPart) ? 'gnu' : /musl/.test(triple) ? 'musl' : /msvc/.test(triple) ? 'msvc' : '';
  const facts = new Map<string, Set<string>>([
    ['target_arch', new Set([arch])],
    ['target_os', new Set([os])],
    ['target_family', new Set(family)],
    ['target_env', new Set([env])],
    ['target_vendor', new Set([vendorOs[1] === 'apple' ? 'apple' : vendorOs[1] === 'pc' ? 'pc' : 'unknown'])],
    ['target_pointer_width', new Set([/64/.test(arch) || arch === 'aarch64' || arch === 's390x' ? '64' : '32'])],
  ]);
  // `cfg(unix)` and `cfg(windows)` are the only bare family names rustc sets.
  for (const f of family) if (f !== 'wasm') facts.set(f, new Set(['']));
  return facts;
}

type Token = { kind: 'ident' | 'string' | 'punct'; value: string };

function tokenize(text: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')' || c === ',' || c === '=') out.push({ kind: 'punct', value: c }), i++;
    else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      out.push({ kind: 'string', value: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      const m = /^[A-Za-z_][\w]*/.exec(text.slice(i));
      if (!m) return null;
      out.push({ kind: 'ident', value: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/**
 * Whether the table key `target` (a triple, or `cfg(...)`) applies to `triple`; null when the expression cannot be read
 * (callers then keep the table, as the cautious reading).
 */
export function targetApplies(target: string, triple: string): boolean | null {
  const t = target.trim();
  if (!t.startsWith('cfg(')) return t === triple;
  const tokens = tokenize(t.slice(4, t.lastIndexOf(')')));
  if (!tokens) return null;
  const facts = tripleFacts(triple);
  let pos = 0;
  const peek = () => tokens[pos];
  const expr = (): boolean | null => {
    const tok = tokens[pos++];
    if (!tok || tok.kind !== 'ident') return null;
    if ((tok.value === 'all' || tok.value === 'any' || tok.value === 'not') && peek()?.value === '(') {
      pos++;
      const values: (boolean | null)[] = [];
      while (peek() && peek().value !== ')') {
        values.push(expr());
        if (peek()?.value === ',') pos++;
      }
      pos++;
      if (values.includes(null)) return null;
      if (tok.value === 'not') return values.length === 1 ? !values[0] : null;
      return tok.value === 'all' ? values.every(Boolean) : values.some(Boolean);
    }
    if (peek()?.value === '=') {
      pos++;
      const v = tokens[pos++];
      if (!v || v.kind !== 'string') return null;
      const known = facts.get(tok.value);
      // Keys rustc sets that the triple does not tell (target_feature, target_has_atomic...): unknown.
      return known ? known.has(v.value) : null;
    }
    if (facts.has(tok.value)) return true;
    // Bare names rustc sets only in some builds (test, debug_assertions, docsrs, custom --cfg): not in a plain build.
    return /^[a-z_][a-z0-9_]*$/.test(tok.value) ? false : null;
  };
  const result = expr();
  return pos === tokens.length ? result : null;
}

/** The host's Rust target triple from Node's view of the machine (what cargo builds for without --target). */
export function hostTriple(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string | null {
  const cpu = ({ x64: 'x86_64', arm64: 'aarch64', ia32: 'i686', riscv64: 'riscv64gc', ppc64: 'powerpc64le', s390x: 's390x' } as Record<string, string>)[arch];
  if (!cpu) return null;
  if (platform === 'linux') return `${cpu}-unknown-linux-gnu`;
  if (platform === 'darwin') return `${cpu}-apple-darwin`;
  if (platform === 'win32') return `${cpu}-pc-windows-msvc`;
  return null;
}
