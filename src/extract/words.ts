// Small closed word classes used by several annotate passes (general English, hand-written).

export const MONTHS = new Set([
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
]);
export const WEEKDAYS = new Set(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);

/** Lower-case words that may join capitalised words inside one name ("Ministry of Foreign Affairs"). */
export const NAME_CONNECTORS = new Set(["of", "for", "the", "and", "&", "on", "to", "de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "da", "du", "del", "della", "di", "dos", "das", "la", "le", "y", "zu"]);
/** Connectors that belong to persons' names ("Ursula von der Leyen", "Mohammed bin Salman"). */
export const NAME_PARTICLES = new Set(["de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "da", "du", "del", "della", "di", "dos", "das", "la", "le", "y", "zu"]);

/** Verbs of saying that follow a speaker ("X said", "X told"). */
export const SPEECH_VERBS = new Set([
  "said", "says", "say", "told", "tells", "added", "adds", "stressed", "noted", "notes", "wrote", "writes", "asked", "explained",
  "warned", "warns", "insisted", "argued", "argues", "stated", "declared", "announced", "replied", "responded", "claimed",
  "commented", "remarked", "emphasised", "emphasized", "underlined", "urged", "called", "tweeted", "posted", "suggested",
  "believes", "thinks", "acknowledged", "admitted", "denied", "confirmed", "recalled", "predicted", "concluded", "observed",
]);

/** Words before a place name used as a location ("talks in X"). */
export const LOCATION_PREPOSITIONS = new Set(["in", "at", "near", "leaving", "visiting", "visited", "visit", "via", "outside", "inside", "across", "around", "throughout", "toward", "towards", "into", "within"]);
/** Words before "to X" that make X a destination ("flew to X", "a trip to X"). */
export const DESTINATION_WORDS = new Set(["travelled", "traveled", "travel", "travelling", "traveling", "flew", "fly", "went", "go", "going", "trip", "visit", "visits", "journey", "moved", "headed", "heading", "return", "returned", "returning", "deployed", "sent", "relocated", "fled", "evacuated", "delegation", "route", "road", "way", "flights", "flight", "exports", "shipments", "pipeline"]);
/** Verbs of movement before "from X" that make X a location. */
export const MOTION_VERBS = new Set(["returned", "returning", "flew", "flying", "travelled", "traveled", "arrived", "arriving", "came", "coming", "fled", "reported", "reporting", "back", "departed", "left"]);
/** Lower-case nouns after a name that make it a place ("Guangxi province"). */
export const PLACE_NOUNS = new Set(["province", "region", "city", "county", "district", "prefecture", "oblast", "krai", "state", "island", "islands", "peninsula", "valley", "territory", "governorate", "municipality", "village", "town", "port", "capital", "area", "border", "coast", "sea", "river", "mountains",
  "checkpoint", "crossing", "frontline", "airport", "airbase", "enclave", "neighbourhood", "neighborhood", "settlement", "hamlet", "suburb", "outskirts", "raion", "canton", "commune"]);

/** Last words of buildings' and rooms' names ("Press Briefing Room", "Peace Palace"): places where something happens. */
export const BUILDING_WORDS = new Set(["House", "Palace", "Room", "Hall", "Building", "Tower", "Castle", "Mansion", "Residence", "Chamber", "Cathedral", "Mosque", "Stadium", "Airport"]);

/** Nouns that describe a person without being a post ("the Kremlin critic X"). */
export const PERSON_NOUNS = new Set([
  "critic", "dissident", "opponent", "rival", "counterpart", "colleague", "successor", "predecessor", "ally", "wife", "husband",
  "son", "daughter", "brother", "sister", "mother", "father", "businessman", "businesswoman", "billionaire", "tycoon", "oligarch",
  "blogger", "writer", "author", "artist", "singer", "player", "coach", "student", "expert", "veteran", "candidate", "nominee",
  "leader", "hardliner", "reformer", "defector", "detainee", "prisoner", "whistleblower", "hacker", "suspect", "victim", "investor",
]);

/** Function words: never part of a title phrase. */
export const FUNCTION_WORDS = new Set([
  "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "that", "this", "these",
  "those", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "has", "have", "had", "its", "it", "his",
  "her", "their", "our", "my", "your", "he", "she", "they", "we", "i", "you", "not", "also", "said", "says", "told", "after",
  "before", "when", "while", "than", "then", "so", "such", "into", "about", "over", "under", "between", "against", "during",
  "including", "according", "if", "because", "both", "all", "some", "many", "most", "other", "another", "new", "two", "three",
]);

/** A person pronoun's gender. (A Map: an object's look-up also found "constructor" and "toString" on its prototype.) */
export const PRONOUN_GENDERS: ReadonlyMap<string, "m" | "f"> = new Map([["he", "m"], ["him", "m"], ["his", "m"], ["himself", "m"], ["she", "f"], ["her", "f"], ["hers", "f"], ["herself", "f"]]);
