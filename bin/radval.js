#!/usr/bin/env node
// Thin launcher so `npx radval` works from a clone (after `npm install`, which builds dist/) and when installed.
import "../dist/cli/index.js";
