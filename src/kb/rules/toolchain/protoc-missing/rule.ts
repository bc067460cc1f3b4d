// protoc-missing: prost-build / tonic-build (or another code generator) needs the Protocol Buffers compiler protoc.

import { confidenceOf, defineRule } from '../../../rule.js';

export default defineRule({
  id: 'protoc-missing',
  title: 'The Protocol Buffers compiler (protoc) is not installed',
  summary: 'A build script generates code from .proto files, and the protoc compiler it needs is not installed.',
  category: 'toolchain',
  captures: {
    program: { type: 'string', doc: 'the protoc program the shell did not find', optional: true },
  },
  signals: ['program-not-found'],
  patterns: [
    {
      id: 'prost-build-could-not-find-protoc',
      // prost-build 0.11: "Could not find `protoc` installation and this build crate cannot proceed without this knowledge."
      // prost-build >= 0.12: "Could not find `protoc`. If `protoc` is installed, try setting the `PROTOC` environment variable ..."
      // (also inside 'Error: Custom { kind: NotFound, error: "Could not find `protoc` ..." }' from a build.rs returning Result)
      source: 'prost-build / tonic-build',
      literals: ['Could not find `protoc`'],
      re: /Could not find `protoc`/,
      weight: 0.95,
    },
    {
      id: 'prost-build-failed-to-invoke',
      // prost-build <= 0.10 with PROTOC pointing nowhere: "failed to invoke protoc (hint: https://docs.rs/prost-build/#sourcing-protoc):
      // Os { code: 2, kind: NotFound, message: \"No such file or directory\" }" (also "program not found" on Windows)
      source: 'prost-build (old)',
      literals: ['failed to invoke protoc'],
      re: /failed to invoke protoc\b/, // only with a not-found cause (checked in refine)
      weight: 0.95,
    },
    {
      id: 'prost-build-no-bundled-protoc',
      // prost-build 0.7-0.10 on platforms without a bundled protoc: "Failed to find the protoc binary. The PROTOC environment
      // variable is not set, there is no bundled protoc for this platform, and protoc is not in the PATH"
      source: 'prost-build (0.7-0.10)',
      literals: ['Failed to find the protoc binary'],
      re: /Failed to find the protoc binary/,
      weight: 0.95,
    },
    {
      id: 'protoc-rust-failed-to-spawn',
      // protoc-rust / protobuf-codegen-pure: 'protoc: Custom { kind: NotFound, error: StringError("failed to spawn `\"protoc\" \"--version\"`: No such file or directory (os error 2)") }'
      source: 'protoc-rust / protobuf-codegen',
      literals: ['failed to spawn'],
      re: /failed to spawn `\\?"(?:[^"`]*[/\\])?protoc(?:\.exe)?\\?"/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    // "failed to invoke protoc" is also printed when protoc exists but cannot run (permissions, wrong architecture)
    const hits = ctx.hits.filter(
      (h) => h.pattern !== 'prost-build-failed-to-invoke' || /NotFound|No such file or directory|program not found|cannot find the file/.test(h.text),
    );
    if (hits.length === 0) return null;
    return {
      confidence: confidenceOf(hits),
      evidence: hits.map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line),
    };
  },
  explanation:
    'A build script (usually prost-build or tonic-build, for gRPC/protobuf crates) compiles .proto files by running `protoc`, the ' +
    'Protocol Buffers compiler. Since prost-build 0.11 protoc is no longer bundled, so it must be installed on the build machine ' +
    '(or found through the PROTOC environment variable).',
  fix: {
    summary: 'Install the Protocol Buffers compiler (protoc), or point PROTOC at one.',
    steps: [
      'Install protoc from the system package manager (a recent one: very old protoc 3.0 rejects proto3 `optional`).',
      // prost-build and protobuf-codegen read PROTOC; CMake's FindProtobuf reads Protobuf_PROTOC_EXECUTABLE.
      { tool: 'cargo', step: 'Or download a release from https://github.com/protocolbuffers/protobuf/releases and set PROTOC=/path/to/bin/protoc.' },
      { tool: 'cmake', step: 'Or download a release from https://github.com/protocolbuffers/protobuf/releases and pass -DProtobuf_PROTOC_EXECUTABLE=/path/to/bin/protoc to cmake.' },
      'In Docker, install it in the builder stage that runs the build.',
    ],
    components: ['protoc'],
  },
});
