// A small gazetteer of invented states, bodies and office holders, written to a temporary file
// in the shipped format, so disambiguation is tested on cases built for it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Gazetteer } from "../../src/link/gazetteer.ts";
import type { WikidataRecord } from "../../src/link/record.ts";

const state = (qid: string, label: string, iso3: string, demonym: string, capital: string, description = "sovereign state in Test Region"): WikidataRecord => ({
  qid, type: "country", label, aliases: [], description, posts: [], countries: [iso3], iso3, demonyms: [demonym], capital, origin: "gazetteer",
});
const person = (qid: string, label: string, posts: string[], countries: string[]): WikidataRecord => ({
  qid, type: "person", label, aliases: [], description: `politician: ${posts.join("; ")}`, posts, countries, origin: "gazetteer",
});
const body = (qid: string, label: string, aliases: string[], description: string, countries: string[] = []): WikidataRecord => ({
  qid, type: "organisation", label, aliases, description, posts: [], countries, origin: "gazetteer",
});

export const FIXTURE_RECORDS: WikidataRecord[] = [
  state("Q900001", "Freedonia", "FRD", "Freedonian", "Fredville"),
  state("Q900002", "Sylvania", "SYL", "Sylvanian", "Sylvan City"),
  state("Q900009", "Freedonian Isles", "FRI", "Freedonian", "Port Isle", "territory (Territory of Freedonia) in Test Region"),
  // two people with the same surname
  person("Q900010", "John Harker", ["Prime Minister of Freedonia"], ["FRD"]),
  person("Q900011", "Mary Harker", ["member of the Sylvanian Parliament"], ["SYL"]),
  // one common name, three office holders
  person("Q900020", "Li Wei", ["Minister of Commerce of Sylvania", "Minister of Commerce"], ["SYL"]),
  person("Q900021", "Li Wei", ["member of the National Assembly"], ["SYL"]),
  person("Q900022", "Li Wei", ["Deputy Minister of Commerce"], ["FRD"]),
  // a politician known by one name, like a city
  person("Q900030", "Florence", ["Minister of Culture"], ["FRD"]),
  // a transliterated name
  person("Q900040", "Sergey Volkov", ["Minister of Foreign Affairs of Sylvania"], ["SYL"]),
  // a common surname
  person("Q900060", "Ann Brown", ["member of the Freedonian Parliament"], ["FRD"]),
  person("Q900061", "Bob Brown", ["member of the Freedonian Parliament"], ["FRD"]),
  person("Q900062", "Cy Brown", ["member of the Freedonian Parliament"], ["FRD"]),
  person("Q900063", "Dee Brown", ["member of the Freedonian Parliament"], ["FRD"]),
  body("Q900050", "Organisation for Test Cooperation", ["OTC"], "international organisation"),
  body("Q900051", "Ministry of Foreign Affairs", ["Ministry of Foreign Affairs of Freedonia"], "government ministry of Freedonia", ["FRD"]),
  body("Q900052", "Ministry of Foreign Affairs", ["Ministry of Foreign Affairs of Sylvania"], "government ministry of Sylvania", ["SYL"]),
  body("Q900053", "Supply Agency of the Test Community", ["TEST"], "agency"),
];

/** Writes the fixture gazetteer (plus `extra` records) and returns the file's path. */
export function fixtureGazetteerFile(extra: WikidataRecord[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "ng-gaz-"));
  const file = join(dir, "gazetteer.tsv");
  writeFileSync(file, new Gazetteer([...FIXTURE_RECORDS, ...extra]).toText(["test fixture"]));
  return file;
}
