;; The hot loop of LiteralScanner.find (literal-scanner.ts), in WebAssembly: the same automaton walk over raw bytes,
;; stepping over ANSI escape sequences the same way, about twice as fast as the JavaScript loop on a 2-core machine
;; (V8 checks bounds on every typed-array read in JavaScript; here the memory's guard pages do it).
;; Built to dist/literal-scan.wasm by scripts/build-scan-wasm.mjs; literal-scan-wasm.ts lays out the memory:
;;   [0, 256)           class of each byte (u8)
;;   [table, ...)       the next-state table (i32, premultiplied by the width; negative = a literal ends here)
;;   [text, text+n)     the bytes to scan
;; test/literal-scan-wasm.test.ts checks that both loops find the same lines.
(module
  (memory (export "memory") 1)
  ;; Address of the last byte of the first literal found in [$i, $to), or -1; the automaton starts at state 0.
  (func (export "find") (param $i i32) (param $to i32) (param $table i32) (result i32)
    (local $state i32) (local $b i32) (local $j i32)
    block $done
      loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $b (i32.load8_u (local.get $i)))
        (if (i32.eq (local.get $b) (i32.const 0x1b))
          (then
            ;; ESC: $i moves to the last byte of the sequence (skipEscape in literal-scanner.ts); the state is kept
            (local.set $j (i32.add (local.get $i) (i32.const 1)))
            (if (i32.lt_u (local.get $j) (local.get $to))
              (then
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
                    (local.set $i (local.get $j)))
                  (else
                    (if (i32.eq (i32.load8_u (local.get $j)) (i32.const 0x5d))
                      (then
                        ;; OSC: up to BEL or ESC \; a newline ends it just before itself
                        (local.set $i (i32.sub (local.get $to) (i32.const 1)))
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))
                        (block $osc_end
                          (loop $osc
                            (br_if $osc_end (i32.ge_u (local.get $j) (local.get $to)))
                            (if (i32.eq (i32.load8_u (local.get $j)) (i32.const 0x07))
                              (then (local.set $i (local.get $j)) (br $osc_end)))
                            (if (i32.and
                                  (i32.eq (i32.load8_u (local.get $j)) (i32.const 0x1b))
                                  (i32.and
                                    (i32.lt_u (i32.add (local.get $j) (i32.const 1)) (local.get $to))
                                    (i32.eq (i32.load8_u (i32.add (local.get $j) (i32.const 1))) (i32.const 0x5c))))
                              (then (local.set $i (i32.add (local.get $j) (i32.const 1))) (br $osc_end)))
                            (if (i32.eq (i32.load8_u (local.get $j)) (i32.const 0x0a))
                              (then (local.set $i (i32.sub (local.get $j) (i32.const 1))) (br $osc_end)))
                            (local.set $j (i32.add (local.get $j) (i32.const 1)))
                            (br $osc))))
                      ;; a two-byte escape
                      (else (local.set $i (local.get $j)))))))))
          (else
            (local.set $state
              (i32.load
                (i32.add (local.get $table)
                  (i32.shl (i32.add (local.get $state) (i32.load8_u (local.get $b))) (i32.const 2)))))
            (if (i32.lt_s (local.get $state) (i32.const 0))
              (then (return (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)
      end
    end
    (i32.const -1)))
