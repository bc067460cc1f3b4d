;; The hot loop of LiteralScanner.find (literal-scanner.ts), in WebAssembly: the same hits as the automaton walk over
;; raw bytes, stepping over ANSI escape sequences the same way, about twice as fast as the JavaScript loop.
;; Most bytes never reach the automaton, whose next-state table (megabytes) does not fit in cache and whose walk waits on
;; one load after another. A filter (KeyFilter in literal-scanner.ts) looks at every second position: the two bytes
;; there, in a table of pairs, say which hash of the bytes there (4 or 8 of them) to look up in a bitmap of key pieces,
;; or that the position is flagged.
;; Every key occurrence, and every ESC, is flagged this way, at or before its last byte. From a flagged position the
;; automaton walks a few bytes back and on, until a hit or until it is past that position with no key begun.
;; Built to dist/literal-scan.wasm by scripts/build-scan-wasm.mjs; literal-scan-wasm.ts lays out the memory (a stored
;; automaton, dist/kb-automaton.bin, holds the same bytes up to the text):
;;   [0, 256)           class of each byte (u8)
;;   [pairs, +64 KiB)   u8 per pair (b0 | b1 << 8): 1 check the 4-byte piece, 2 the 8-byte piece, 4 flag
;;   [grams, ...)       bits (u32 here * 0x9e3779b1) >> (32 - $gramBits), (u64 here * 0x9e3779b97f4a7c15) >> (64 - ...)
;;   [table, ...)       the next-state table (i32, premultiplied by the width; negative = a literal ends here)
;;   [text, text+n+8)   the bytes to scan, and 8 spare bytes the filter may read past the end
;; countLines counts newlines with SIMD for the engine. test/literal-scan-wasm.test.ts checks that both loops find
;; the same lines, and both counts agree.
(module
  ;; literal-scan-wasm.ts makes the memory, so that a stored automaton can be read from disk straight into it
  (import "scan" "memory" (memory 1))

  ;; The last byte of the escape sequence starting with the ESC at $i (skipEscape in literal-scanner.ts).
  (func $skipEscape (param $i i32) (param $to i32) (result i32)
    (local $j i32)
    (local.set $j (i32.add (local.get $i) (i32.const 1)))
    (if (i32.ge_u (local.get $j) (local.get $to)) (then (return (local.get $i))))
    (if (i32.eq (i32.load8_u (local.get $j)) (i32.const 0x5b))
      (then
        ;; CSI: parameter and intermediate bytes (0x20-0x3f), then one final byte
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (block $csi_end
          (loop $csi
            (br_if $csi_end (i32.ge_u (local.get $j) (local.get $to)))
            (br_if $csi_end (i32.gt_u (i32.sub (i32.load8_u (local.get $j)) (i32.const 0x20)) (i32.const 0x1f)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $csi)))
        (return (local.get $j))))
    (if (i32.eq (i32.load8_u (local.get $j)) (i32.const 0x5d))
      (then
        ;; OSC: up to BEL or ESC \; a newline ends it just before itself
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (block $osc_end
          (loop $osc
            (br_if $osc_end (i32.ge_u (local.get $j) (local.get $to)))
            (if (i32.eq (i32.load8_u (local.get $j)) (i32.const 0x07))
              (then (return (local.get $j))))
            (if (i32.and
                  (i32.eq (i32.load8_u (local.get $j)) (i32.const 0x1b))
                  (i32.and
                    (i32.lt_u (i32.add (local.get $j) (i32.const 1)) (local.get $to))
                    (i32.eq (i32.load8_u (i32.add (local.get $j) (i32.const 1))) (i32.const 0x5c))))
              (then (return (i32.add (local.get $j) (i32.const 1)))))
            (if (i32.eq (i32.load8_u (local.get $j)) (i32.const 0x0a))
              (then (return (i32.sub (local.get $j) (i32.const 1)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $osc)))
        (return (i32.sub (local.get $to) (i32.const 1)))))
    ;; a two-byte escape
    (local.get $j))

  ;; Address of the last byte of the first literal found in [$i, $to), or -1; the automaton is at state 0 at $i.
  (func (export "find") (param $i i32) (param $to i32) (param $table i32) (param $pairs i32) (param $grams i32) (param $gramBits i32)
    (param $maxKey i32) (result i32)
    (local $resumed i32) (local $flagged i32) (local $w i64) (local $h4 i32) (local $h8 i32) (local $mark i32) (local $state i32) (local $b i32)
    (local $shift4 i32) (local $shift8 i64)
    (local.set $shift4 (i32.sub (i32.const 32) (local.get $gramBits)))
    (local.set $shift8 (i64.extend_i32_u (i32.sub (i32.const 64) (local.get $gramBits))))
    ;; $resumed: where the filter last took over, at state 0; nothing before it is walked again
    (local.set $resumed (local.get $i))
    (block $done
      (loop $filter
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        ;; The bytes here, their pair's mark, and the bits of both piece hashes, without a branch: pairs are marked
        ;; at many positions, and a mispredicted branch on them cost more than the two hashes.
        (local.set $w (i64.load align=1 (local.get $i)))
        (local.set $mark (i32.load8_u (i32.add (local.get $pairs) (i32.and (i32.wrap_i64 (local.get $w)) (i32.const 0xffff)))))
        (local.set $h4 (i32.shr_u (i32.mul (i32.wrap_i64 (local.get $w)) (i32.const 0x9e3779b1)) (local.get $shift4)))
        (local.set $h8 (i32.wrap_i64 (i64.shr_u (i64.mul (local.get $w) (i64.const 0x9e3779b97f4a7c15)) (local.get $shift8))))
        (if (i32.eqz
              (i32.and (local.get $mark)
                (i32.or (i32.const 4)
                  (i32.or
                    ;; PIECE4 (1): the 4-byte piece's bit
                    (i32.and
                      (i32.shr_u (i32.load8_u (i32.add (local.get $grams) (i32.shr_u (local.get $h4) (i32.const 3)))) (i32.and (local.get $h4) (i32.const 7)))
                      (i32.const 1))
                    ;; PIECE8 (2): the 8-byte piece's bit
                    (i32.shl
                      (i32.and
                        (i32.shr_u (i32.load8_u (i32.add (local.get $grams) (i32.shr_u (local.get $h8) (i32.const 3)))) (i32.and (local.get $h8) (i32.const 7)))
                        (i32.const 1))
                      (i32.const 1))))))
          (then
            ;; the step is STRIDE in literal-scanner.ts
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $filter)))
        ;; Flagged: walk the automaton from $maxKey bytes before (or from where the filter took over). No key
        ;; occurrence ends before this position (its piece, or ESC, would have been flagged first), and one that
        ;; ends here or later starts at most $maxKey bytes back, so the walk finds the same first hit as a walk of
        ;; the whole text; it hands back to the filter once past this position at state 0, where no key is begun.
        (local.set $flagged (local.get $i))
        (local.set $i
          (select (i32.sub (local.get $i) (local.get $maxKey)) (local.get $resumed)
            (i32.gt_u (i32.sub (local.get $i) (local.get $resumed)) (local.get $maxKey))))
        (local.set $state (i32.const 0))
        (loop $walk
          (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
          (local.set $b (i32.load8_u (local.get $i)))
          (if (i32.eq (local.get $b) (i32.const 0x1b))
            (then
              ;; the state is kept across the sequence, which may even swallow a newline
              (local.set $i (i32.add (call $skipEscape (local.get $i) (local.get $to)) (i32.const 1)))
              (br $walk)))
          (local.set $state
            (i32.load
              (i32.add (local.get $table)
                (i32.shl (i32.add (local.get $state) (i32.load8_u (local.get $b))) (i32.const 2)))))
          (if (i32.lt_s (local.get $state) (i32.const 0))
            (then (return (local.get $i))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (if (i32.and (i32.eqz (local.get $state)) (i32.gt_u (local.get $i) (local.get $flagged)))
            (then
              (local.set $resumed (local.get $i))
              (br $filter)))
          (br $walk))))
    (i32.const -1))

  ;; Lines longer than the cap, among those counted by the last countLines call.
  (global $long (export "longLines") (mut i32) (i32.const 0))

  ;; Newlines in [$i, $to), sixteen bytes at a time; a line (from $i or after a newline) longer than $cap bytes that
  ;; ends at one of them is counted in $long (Diagnoser.countLines in engine.ts does the same in JavaScript). Only a
  ;; block's first newline can end a long line, as $cap is at least 16 (LiteralScanner.countLines checks).
  (func (export "countLines") (param $i i32) (param $to i32) (param $cap i32) (result i32)
    (local $lineStart i32) (local $n i32) (local $m i32)
    (local.set $lineStart (local.get $i))
    (global.set $long (i32.const 0))
    (block $blocks_done
      (loop $blocks
        (br_if $blocks_done (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $to)))
        ;; bit k of $m: byte $i + k is a newline
        (local.set $m (i8x16.bitmask (i8x16.eq (v128.load align=1 (local.get $i)) (i8x16.splat (i32.const 0x0a)))))
        (if (local.get $m)
          (then
            (if (i32.gt_u (i32.sub (i32.add (local.get $i) (i32.ctz (local.get $m))) (local.get $lineStart)) (local.get $cap))
              (then (global.set $long (i32.add (global.get $long) (i32.const 1)))))
            (local.set $lineStart (i32.add (local.get $i) (i32.sub (i32.const 32) (i32.clz (local.get $m)))))
            (local.set $n (i32.add (local.get $n) (i32.popcnt (local.get $m))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $blocks)))
    ;; the last bytes, one at a time
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $i) (local.get $to)))
        (if (i32.eq (i32.load8_u (local.get $i)) (i32.const 0x0a))
          (then
            (if (i32.gt_u (i32.sub (local.get $i) (local.get $lineStart)) (local.get $cap))
              (then (global.set $long (i32.add (global.get $long) (i32.const 1)))))
            (local.set $lineStart (i32.add (local.get $i) (i32.const 1)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (local.get $n)))
