// Go packages that are bindings to C code and have no pure-Go build: with cgo off (CGO_ENABLED=0, set by hand, by
// cross-compiling to another GOOS/GOARCH, or by Go >= 1.20 itself when no C compiler is on PATH) their files are all
// excluded, or only a stub is left. Pure data.

/** Import paths (module path and package path inside it) whose Go files all `import "C"`. */
export const CGO_ONLY_GO_PACKAGES: readonly string[] = [
  'github.com/mattn/go-sqlite3', // SQLite amalgamation; since 1.14 a stub without cgo that fails at run time
  'github.com/go-gl/glfw', // GLFW, also vendored by fyne's desktop driver
  'github.com/go-gl/gl', // OpenGL loaders
  'github.com/gen2brain/raylib-go/raygui',
  'github.com/wailsapp/wails/lib/renderer/webview', // wails v1's webview renderer
  'github.com/webview/webview',
  'github.com/hajimehoshi/ebiten/v2/internal/cglfw', // ebiten's GLFW on Linux and BSD
  'github.com/veandco/go-sdl2',
  'github.com/gotk3/gotk3',
  'github.com/DataDog/zstd', // libzstd compiled in
  'github.com/linxGnu/grocksdb',
  'github.com/tecbot/gorocksdb',
  'github.com/confluentinc/confluent-kafka-go', // librdkafka, bundled but linked through cgo
  'github.com/google/gopacket/pcap', // libpcap (Windows loads wpcap.dll without cgo)
  'github.com/miekg/pkcs11',
  'github.com/go-vgo/robotgo',
  'github.com/therecipe/qt',
  'github.com/andlabs/ui',
  'github.com/gordonklaus/portaudio',
  'github.com/ethereum/go-ethereum/crypto/secp256k1', // libsecp256k1 (go-ethereum's crypto falls back to btcec without cgo)
  'github.com/marcboeker/go-duckdb', // DuckDB's amalgamation or its prebuilt static library
  'github.com/gen2brain/malgo', // miniaudio
  'github.com/google/gousb', // libusb
  'github.com/smacker/go-tree-sitter', // the tree-sitter runtime and grammars in C
  // cgo on Linux and macOS (GTK/AppIndicator, Cocoa; ALSA, Core Audio); Windows builds are pure Go, so with cgo off
  // only the Linux and macOS builds lose their files.
  'github.com/getlantern/systray',
  'fyne.io/systray',
  'github.com/hajimehoshi/oto',
];

/**
 * The package name a known binding's code is referred to by (`sqlite3.Error`, `glfw.Window`): only names no common
 * pure-Go package also uses.
 */
export const CGO_BINDING_BY_PACKAGE_NAME: Readonly<Record<string, string>> = {
  sqlite3: 'github.com/mattn/go-sqlite3',
  glfw: 'github.com/go-gl/glfw',
  raygui: 'github.com/gen2brain/raylib-go/raygui',
  webview: 'github.com/webview/webview',
  sdl: 'github.com/veandco/go-sdl2',
  grocksdb: 'github.com/linxGnu/grocksdb',
  gorocksdb: 'github.com/tecbot/gorocksdb',
  pcap: 'github.com/google/gopacket/pcap',
  pkcs11: 'github.com/miekg/pkcs11',
  robotgo: 'github.com/go-vgo/robotgo',
  portaudio: 'github.com/gordonklaus/portaudio',
  duckdb: 'github.com/marcboeker/go-duckdb',
  malgo: 'github.com/gen2brain/malgo',
  gousb: 'github.com/google/gousb',
  sitter: 'github.com/smacker/go-tree-sitter',
  systray: 'github.com/getlantern/systray',
  oto: 'github.com/hajimehoshi/oto',
};

const BINDING_PATHS = CGO_ONLY_GO_PACKAGES.map((p) => ({ p, re: new RegExp(String.raw`(?:^|/)${p.replace(/[.]/g, '\\.')}(?:/|$)`, 'i') }));

/** The cgo-only package a directory or import path belongs to (module cache `@version` and vendor/ paths too). */
export function cgoOnlyPackageIn(pathOrImport: string): string | undefined {
  // the module cache writes upper-case letters as '!' and the lower-case letter (github.com/!data!dog/zstd)
  const slashed = pathOrImport.replace(/\\/g, '/').replace(/@v[^/]*/g, '').replace(/!([a-z])/g, '$1');
  return BINDING_PATHS.find(({ re }) => re.test(slashed))?.p;
}
