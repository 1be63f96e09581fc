import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Installs the Debian packages the end-to-end tests use when they are missing (or says how).
    globalSetup: ["test/setup/system-packages.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The end-to-end suites start servers and browsers; two cores are all CI has.
    maxWorkers: 2,
  },
});
