import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cgoOnlyPackageIn } from '../src/kb/go-packages.js';

test('a cgo-only binding is found in import paths, module-cache, vendor and Windows paths', () => {
  assert.equal(cgoOnlyPackageIn('github.com/go-gl/glfw/v3.3/glfw'), 'github.com/go-gl/glfw');
  assert.equal(cgoOnlyPackageIn('/go/pkg/mod/github.com/go-gl/glfw/v3.3/glfw@v0.0.0-20200707082815-5321531c36a2'), 'github.com/go-gl/glfw');
  assert.equal(cgoOnlyPackageIn('C:\\Users\\u\\go\\pkg\\mod\\github.com\\gen2brain\\raylib-go\\raygui@v0.0.0-2023'), 'github.com/gen2brain/raylib-go/raygui');
  assert.equal(cgoOnlyPackageIn('/home/u/go/src/fyne.io/fyne/vendor/github.com/go-gl/gl/v3.2-core/gl'), 'github.com/go-gl/gl');
  // the module cache spells upper-case letters as '!' and the lower-case letter
  assert.equal(cgoOnlyPackageIn('/root/go/pkg/mod/github.com/!data!dog/zstd@v1.5.5'), 'github.com/DataDog/zstd');
});

test('a pure-Go package, a longer name sharing a prefix, or the other raylib-go packages are not bindings', () => {
  assert.equal(cgoOnlyPackageIn('github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/container'), undefined);
  assert.equal(cgoOnlyPackageIn('github.com/go-gl/glfw-extra/x'), undefined);
  assert.equal(cgoOnlyPackageIn('github.com/gen2brain/raylib-go/raylib'), undefined);
  assert.equal(cgoOnlyPackageIn('example.com/m/glue'), undefined);
});
