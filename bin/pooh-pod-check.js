#!/usr/bin/env node
// The `pooh-pod-check` command: the compiled CLI (`npm run build` writes build/lib).
require('../build/lib/cli/bin.js');
