// Vitest global setup: the end-to-end tests use real programs from Debian's packages (a
// browser, an RDF parser, Python SPARQL and graph libraries, a triple store). On a fresh
// machine `npm test` installs the missing ones when it can (root with apt-get), and otherwise
// stops at once with one line saying which command installs them.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

interface Need {
  /** The Debian package. */
  pkg: string;
  /** True when it is installed. */
  present: () => boolean;
}

const python = (module: string) => () => {
  try {
    execFileSync("/usr/bin/python3", ["-c", `import ${module}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

export const NEEDS: Need[] = [
  { pkg: "chromium", present: () => existsSync("/usr/bin/chromium") },
  { pkg: "raptor2-utils", present: () => existsSync("/usr/bin/rapper") },
  { pkg: "python3-sparqlwrapper", present: python("SPARQLWrapper") },
  { pkg: "python3-networkx", present: python("networkx") },
  { pkg: "virtuoso-opensource", present: () => existsSync("/usr/bin/virtuoso-t") && existsSync("/usr/bin/isql-vt") },
];

export const INSTALL_COMMAND = `apt-get install -y --no-install-recommends ${NEEDS.map((n) => n.pkg).join(" ")}`;

export default function setup(): void {
  const missing = NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    throw new Error(`The end-to-end tests need Debian packages that are missing (${missing.join(", ")}): install them with 'sudo ${INSTALL_COMMAND}'`);
  }
  console.log(`test setup: installing ${missing.join(", ")} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: ["ignore", "ignore", "inherit"], env });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { stdio: ["ignore", "ignore", "inherit"], env });
  } catch (e) {
    throw new Error(`Installing ${missing.join(", ")} failed (${(e as Error).message.split("\n")[0]}); install them with '${INSTALL_COMMAND}'`);
  }
  const still = NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
  if (still.length > 0) throw new Error(`Still missing after apt-get: ${still.join(", ")}; install them with '${INSTALL_COMMAND}'`);
}
