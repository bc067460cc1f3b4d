// What building a package's sdist needs, for packages whose build backend is known (from their published pyproject.toml).

export interface BuildNeeds {
  /** maturin, setuptools-rust, setuptools (C), meson-python, ... */
  backend: string;
  rust: boolean;
  /** Tools and Debian packages the build needs beyond Python itself. */
  needs: string[];
}

const RUST_MATURIN = (extra: string[] = []): BuildNeeds => ({ backend: 'maturin', rust: true, needs: ['a Rust toolchain (rustc, cargo) with a writable CARGO_HOME', ...extra] });
const C_EXT = (extra: string[] = []): BuildNeeds => ({ backend: 'setuptools', rust: false, needs: ['a C compiler (gcc)', 'Python headers (python3-dev)', ...extra] });

export const KNOWN_BUILD_NEEDS: Record<string, BuildNeeds> = {
  cryptography: RUST_MATURIN(['a C compiler (gcc)', 'OpenSSL headers (libssl-dev)', 'libffi headers (libffi-dev)', 'pkg-config']),
  'pydantic-core': RUST_MATURIN(),
  orjson: RUST_MATURIN(),
  'rpds-py': RUST_MATURIN(),
  jiter: RUST_MATURIN(),
  tokenizers: RUST_MATURIN(),
  safetensors: RUST_MATURIN(),
  watchfiles: RUST_MATURIN(),
  polars: RUST_MATURIN(),
  'ruff': RUST_MATURIN(),
  bcrypt: { backend: 'setuptools-rust', rust: true, needs: ['a Rust toolchain (rustc, cargo) with a writable CARGO_HOME', 'a C compiler (gcc)'] },
  tiktoken: { backend: 'setuptools-rust', rust: true, needs: ['a Rust toolchain (rustc, cargo) with a writable CARGO_HOME'] },
  'argon2-cffi-bindings': C_EXT(['libffi headers (libffi-dev)']),
  cffi: C_EXT(['libffi headers (libffi-dev)']),
  numpy: { backend: 'meson-python', rust: false, needs: ['C and C++ compilers (gcc, g++)', 'Python headers (python3-dev)', 'ninja'] },
  psycopg2: C_EXT(['libpq headers and pg_config (libpq-dev)']),
  lxml: C_EXT(['libxml2 and libxslt headers (libxml2-dev, libxslt1-dev)']),
  pillow: C_EXT(['libjpeg and zlib headers (libjpeg-dev, zlib1g-dev)']),
  pyyaml: C_EXT(['libyaml headers (libyaml-dev) for the C loader']),
  markupsafe: C_EXT(),
  greenlet: C_EXT(['a C++ compiler (g++)']),
  uvloop: C_EXT(),
  httptools: C_EXT(),
  mysqlclient: C_EXT(['MySQL client headers (default-libmysqlclient-dev)', 'pkg-config']),
  grpcio: C_EXT(['a C++ compiler (g++)']),
};

/** Known needs, or a generic C-extension guess (most sdists without wheels compile C). */
export function buildNeeds(normalized: string): BuildNeeds | null {
  return KNOWN_BUILD_NEEDS[normalized] ?? null;
}
