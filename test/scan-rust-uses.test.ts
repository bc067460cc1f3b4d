// Which Rust source lines need a Cargo feature of a dependency: attributes, derives and feature-gated item paths, with
// the near misses that must stay quiet (comments, clap 2 / structopt, serde derives of another crate).

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { findGatedUses } from '../src/scan/checks/cargo-features.ts';

const uses = (src: string) => findGatedUses('src/main.rs', src).map((u) => `${u.at.line} ${u.crate}:${u.features.join('+')}`);

test('clap env in #[arg]/#[clap], bare or with a value, across lines', () => {
  assert.deepEqual(uses('#[derive(clap::Parser)]\nstruct A {\n  #[arg(long, env = "A")]\n  a: u8,\n  #[clap(\n    short,\n    env,\n  )]\n  b: u8,\n}\n'), ['1 clap:derive', '3 clap:env', '7 clap:env']);
});

test('near misses: an env-like word, a commented attribute, an env() call, #[command]', () => {
  assert.deepEqual(uses('#[arg(long, environment = "x")]\n// #[arg(env = "x")]\n#[command(about = "env = 1")]\nfn f() { std::env::var("X"); }\n'), []);
});

test('serde derives need `use serde::...` or a serde:: path; other crates\' Serialize is not serde', () => {
  assert.deepEqual(uses('use serde::{Deserialize, Serialize};\n#[derive(Debug, Serialize)]\nstruct A;\n'), ['2 serde:derive']);
  assert.deepEqual(uses('#[derive(serde::Deserialize)]\nstruct A;\n'), ['1 serde:derive']);
  assert.deepEqual(uses('use rkyv::Serialize;\n#[derive(Serialize)]\nstruct A;\n'), []);
});

test('tokio attributes and modules; reqwest blocking; uuid constructors (one finding per feature and file)', () => {
  assert.deepEqual(uses('#[tokio::main]\nasync fn main() {\n  tokio::time::sleep(d).await;\n  tokio::time::sleep(d).await;\n  tokio::spawn(async {});\n}\n'), ['1 tokio:macros+rt-multi-thread', '3 tokio:time', '5 tokio:rt']);
  assert.deepEqual(uses('#[tokio::main(flavor = "current_thread")]\nasync fn main() {}\n#[tokio::test(flavor = "multi_thread")]\nasync fn t() {}\n'), ['1 tokio:macros+rt', '3 tokio:macros+rt-multi-thread']);
  assert.deepEqual(uses('let c = reqwest::blocking::Client::new();\nlet id = Uuid::new_v4();\n'), ['1 reqwest:blocking', '2 uuid:v4']);
});
