#!/usr/bin/env node
// Synthetic corpus for benchmarks: news-like articles made by recombining general sentence
// templates with invented person names, real state names and generic organisation names.
// Deterministic for a given --seed. Nothing is copied from the sample articles.
//
//   node bench/corpus.mjs --out /tmp/ng-corpus --count 2000 [--seed 1]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { out: { type: "string" }, count: { type: "string", default: "2000" }, seed: { type: "string", default: "1" } } });
if (!values.out) {
  console.error("usage: node bench/corpus.mjs --out DIR [--count N] [--seed S]");
  process.exit(2);
}

/** mulberry32: a small seeded PRNG, so the same seed gives the same corpus. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(values.seed));
const pick = (list) => list[Math.floor(random() * list.length)];

const GIVEN = ["Anna", "Marek", "Lena", "Tomas", "Irina", "Daniel", "Sofia", "Pavel", "Helena", "Victor", "Amira", "Jonas", "Clara", "Ivan", "Nadia", "Oskar", "Yara", "Felix", "Mira", "Rafael", "Elena", "Kofi", "Leila", "Arjun", "Mei", "Hiroshi", "Ines", "Samuel", "Olga", "Karim"];
const FAMILY = ["Berg", "Novak", "Halvorsen", "Kowal", "Marin", "Okafor", "Lindqvist", "Petrov", "Tanaka", "Ferreira", "Haddad", "Keller", "Moreau", "Sato", "Varga", "Dumont", "Rahman", "Costa", "Nilsen", "Weber", "Osei", "Kaplan", "Ruiz", "Sorensen", "Abbas", "Lund", "Castell", "Brandt", "Iqbal", "Mendes"];
const STATES = [
  ["France", "French", "Paris"], ["Germany", "German", "Berlin"], ["Japan", "Japanese", "Tokyo"], ["Brazil", "Brazilian", "Brasilia"],
  ["Canada", "Canadian", "Ottawa"], ["India", "Indian", "New Delhi"], ["Norway", "Norwegian", "Oslo"], ["Kenya", "Kenyan", "Nairobi"],
  ["Mexico", "Mexican", "Mexico City"], ["Turkey", "Turkish", "Ankara"], ["Egypt", "Egyptian", "Cairo"], ["Poland", "Polish", "Warsaw"],
  ["Australia", "Australian", "Canberra"], ["Argentina", "Argentine", "Buenos Aires"], ["Indonesia", "Indonesian", "Jakarta"], ["Spain", "Spanish", "Madrid"],
];
const POSTS = ["Foreign Minister", "Defence Minister", "Prime Minister", "Trade Minister", "President", "Finance Minister", "Interior Minister"];
const INSTITUTES = ["Institute for Strategic Studies", "Centre for Security Policy", "Institute of International Affairs", "Council on Regional Cooperation", "Centre for Trade Research"];
const UNIVERSITIES = ["University of Lorwick", "Easton University", "Marlow Institute of Technology", "Harlan University"];
const AGENCIES = ["Global News Agency", "Continental Press", "World Wire Service", "The Morning Ledger"];
const BLOCS = ["Northern Alliance", "Coastal States Forum", "Union of Southern Nations", "Atlantic Cooperation Council"];
const REASONS = ["human rights abuses", "a crackdown on protesters", "cyber attacks on public networks", "violations of an arms embargo", "election interference", "the seizure of a cargo ship"];
const TARGETS = ["officials", "military officers", "companies", "banks", "shipping firms", "lawmakers"];
const NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "11", "14"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const TOPICS = ["trade", "energy security", "regional stability", "maritime disputes", "climate finance", "arms control", "food supplies"];
const QUOTES = [
  "We will not accept pressure on {topic} from anyone",
  "Sanctions have never solved a problem and they will not solve this one",
  "Our partners should know that dialogue is the only way forward on {topic}",
  "These measures are a response to {reason} and they will stay in place",
  "The talks were frank and useful, and we agreed to meet again",
  "We are ready to work with every country that respects international law",
  "Any attempt to interfere in our internal affairs will be answered",
  "This is a turning point for {topic} in the region",
];

const person = () => `${pick(GIVEN)} ${pick(FAMILY)}`;
const surname = (name) => name.split(" ").slice(-1)[0];
const fill = (s) => s.replace("{topic}", pick(TOPICS)).replace("{reason}", pick(REASONS));

function article(i) {
  const [host, hostDem, hostCap] = pick(STATES);
  let [guest, guestDem] = pick(STATES);
  if (guest === host) [guest, guestDem] = STATES[(STATES.indexOf(STATES.find((s) => s[0] === host)) + 1) % STATES.length];
  const agency = pick(AGENCIES);
  const bloc = pick(BLOCS);
  const a = person(), b = person(), c = person(), d = person();
  const post = pick(POSTS);
  const year = 2019 + Math.floor(random() * 6);
  const day = 1 + Math.floor(random() * 28);
  const month = pick(MONTHS);
  const headline = pick([
    `${host} and ${guest} pledge closer ties on ${pick(TOPICS)}`,
    `${bloc} imposes sanctions over ${pick(REASONS)}`,
    `${hostDem} ${post.toLowerCase()} warns against new sanctions`,
    `Talks in ${hostCap} end with call for dialogue`,
  ]);
  const paragraphs = [
    headline,
    `${hostCap.toUpperCase()}, ${month} ${day}, ${year} (${agency}). ${hostDem} ${post} ${a} met ${guestDem} ${pick(POSTS)} ${b} in ${hostCap} on ${pick(WEEKDAYS)} for talks on ${pick(TOPICS)}.`,
    `“${fill(pick(QUOTES))},” ${surname(a)} told reporters after the meeting.`,
    `The ${bloc} on ${pick(WEEKDAYS)} announced sanctions on ${pick(NUMBERS)} ${guestDem} ${pick(TARGETS)} over ${pick(REASONS)}.`,
    `${guest} retaliated by sanctioning ${pick(NUMBERS)} ${pick(TARGETS)} from ${bloc} member states.`,
    `${c}, director of the ${pick(INSTITUTES)}, said the measures would have little effect. “${fill(pick(QUOTES))},” he said.`,
    `${d}, a professor at ${pick(UNIVERSITIES)}, said both sides wanted to avoid an escalation.`,
    `${surname(b)} said ${guest} was ready to continue the dialogue. “${fill(pick(QUOTES))},” ${surname(b)} said.`,
    random() < 0.5 ? `Reporting by ${person()}; editing by ${person()}` : `${agency} contributed to this report.`,
  ];
  return paragraphs.join("\n\n") + "\n";
}

mkdirSync(values.out, { recursive: true });
const count = Number(values.count);
for (let i = 0; i < count; i++) writeFileSync(join(values.out, `bench_${String(i).padStart(5, "0")}.txt`), article(i));
console.log(`wrote ${count} articles to ${values.out}`);
