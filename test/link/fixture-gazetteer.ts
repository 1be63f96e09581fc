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

/** An office holder whose posts carry their years, as the shipped records' do: "President of X (2019–)". */
const holder = (qid: string, label: string, terms: string[], countries: string[]): WikidataRecord => ({
  qid, type: "person", label, aliases: [], description: `politician: ${terms.join("; ")}`,
  posts: terms.map((t) => t.replace(/\s*\([^)]*\)$/, "")), countries, origin: "gazetteer",
});
const city = (qid: string, label: string, iso3: string, population: number, seat?: "national" | "regional", admin1 = "Test Province"): WikidataRecord => ({
  qid, type: "place", label, aliases: [], description: `city in ${admin1}`, posts: [], countries: [iso3], origin: "gazetteer",
  placeClass: "city", population, admin1, lat: 10.5, long: -20.25, ...(seat ? { seat } : {}),
});
const region = (qid: string, label: string, iso3: string, aliases: string[] = []): WikidataRecord => ({
  qid, type: "place", label, aliases, description: "first-level administrative division (Province)", posts: [], countries: [iso3], origin: "gazetteer",
  placeClass: "region", division: "Province", lat: 11, long: -21,
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
  // same-named places: a big and a small city, two mid-sized cities, a capital and a same-named province
  city("Q900101", "Port Alden", "FRD", 3_000_000),
  city("Q900102", "Port Alden", "SYL", 120_000),
  city("Q900103", "Lakeview", "FRD", 300_000),
  city("Q900104", "Lakeview", "SYL", 200_000),
  city("Q900105", "Fredville", "FRD", 2_000_000, "national", "Capital District"),
  region("Q900106", "Fredville", "FRD"),
  // a city named after its province, whose name is the city's plus "Province"
  city("Q900107", "Ostrava Nova", "SYL", 400_000, "regional", "Ostrava Nova Province"),
  region("Q900108", "Ostrava Nova Province", "SYL", ["Ostrava Nova"]),
  // office holders sharing a surname, with the years of their posts
  holder("Q900201", "Maria Okonjo", ["President of Freedonia (2019–)"], ["FRD"]),
  holder("Q900202", "Paul Okonjo", ["member of the Sylvanian Parliament (2010–)"], ["SYL"]),
  holder("Q900203", "Tomas Okonjo", ["First Gentleman (2019–)"], ["FRD"]),
  holder("Q900204", "Ines Varga", ["Minister of Trade of Freedonia (2015–2018)"], ["FRD"]),
  holder("Q900205", "Janos Varga", ["Minister of Energy of Freedonia (2019–)"], ["FRD"]),
];

/** Writes the fixture gazetteer (plus `extra` records) and returns the file's path. */
export function fixtureGazetteerFile(extra: WikidataRecord[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "ng-gaz-"));
  const file = join(dir, "gazetteer.tsv");
  writeFileSync(file, new Gazetteer([...FIXTURE_RECORDS, ...extra]).toText(["test fixture"]));
  return file;
}
