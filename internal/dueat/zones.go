// The timezones a time may name (zone.go reads them): a fixed table of abbreviations and
// long names, the few words for North American zones, and the tz database's own names and
// cities (zones_gen.go, generated from the database Go embeds).

package dueat

//go:generate go run gen_zones.go

import (
	"slices"
	"strings"
	"sync"
)

// abbrev is what an abbreviation or a long name such as "Pacific Standard Time" stands
// for: an offset, and the region whose clocks show it in season.
type abbrev struct {
	name   string // as people write it: PST, CEST
	offset int    // seconds east of UTC
	region string // IANA zone that uses it; "" for UTC and GMT, which are offsets only
	// keptBy names the places that keep this offset all year when region has moved to
	// its other offset: MST is Arizona's in July, while Denver is on MDT. Out of season
	// such an abbreviation is refused, since either reading is plausible. Without keptBy,
	// an abbreviation out of season (PST in July) is read as region's clock, with a note:
	// "9am PST" in July means 9am on the clocks of Los Angeles to almost everyone who
	// writes it, and the instant a -08:00 reading gives is an hour off their clocks.
	keptBy string
}

const hour = 3600

// The tables below are built the first time a zone is named (zoneIndexOnce), not when the
// program starts: most starts never read a time.

// abbrevsTable is the abbreviations read without an offset; the ones that mean several
// zones are in ambiguousTable. Lower case.
func abbrevsTable() map[string]abbrev {
	return map[string]abbrev{
		"utc":  {name: "UTC"},
		"gmt":  {name: "GMT"},
		"pst":  {"PST", -8 * hour, "America/Los_Angeles", ""},
		"pdt":  {"PDT", -7 * hour, "America/Los_Angeles", ""},
		"mst":  {"MST", -7 * hour, "America/Denver", "Arizona (America/Phoenix)"},
		"mdt":  {"MDT", -6 * hour, "America/Denver", ""},
		"cdt":  {"CDT", -5 * hour, "America/Chicago", ""},
		"est":  {"EST", -5 * hour, "America/New_York", ""},
		"edt":  {"EDT", -4 * hour, "America/New_York", ""},
		"akst": {"AKST", -9 * hour, "America/Anchorage", ""},
		"akdt": {"AKDT", -8 * hour, "America/Anchorage", ""},
		"hst":  {"HST", -10 * hour, "Pacific/Honolulu", ""},
		"adt":  {"ADT", -3 * hour, "America/Halifax", ""},
		"nst":  {"NST", -3*hour - 1800, "America/St_Johns", ""},
		"ndt":  {"NDT", -2*hour - 1800, "America/St_Johns", ""},
		"wet":  {"WET", 0, "Europe/Lisbon", ""},
		"west": {"WEST", 1 * hour, "Europe/Lisbon", ""},
		"bst":  {"BST", 1 * hour, "Europe/London", ""},
		"cet":  {"CET", 1 * hour, "Europe/Paris", ""},
		"cest": {"CEST", 2 * hour, "Europe/Paris", ""},
		"eet":  {"EET", 2 * hour, "Europe/Athens", ""},
		"eest": {"EEST", 3 * hour, "Europe/Athens", ""},
		"msk":  {"MSK", 3 * hour, "Europe/Moscow", ""},
		"sast": {"SAST", 2 * hour, "Africa/Johannesburg", ""},
		"wat":  {"WAT", 1 * hour, "Africa/Lagos", ""},
		"pkt":  {"PKT", 5 * hour, "Asia/Karachi", ""},
		"npt":  {"NPT", 5*hour + 2700, "Asia/Kathmandu", ""},
		"ict":  {"ICT", 7 * hour, "Asia/Bangkok", ""},
		"wib":  {"WIB", 7 * hour, "Asia/Jakarta", ""},
		"hkt":  {"HKT", 8 * hour, "Asia/Hong_Kong", ""},
		"sgt":  {"SGT", 8 * hour, "Asia/Singapore", ""},
		"pht":  {"PHT", 8 * hour, "Asia/Manila", ""},
		"awst": {"AWST", 8 * hour, "Australia/Perth", ""},
		"jst":  {"JST", 9 * hour, "Asia/Tokyo", ""},
		"kst":  {"KST", 9 * hour, "Asia/Seoul", ""},
		"acst": {"ACST", 9*hour + 1800, "Australia/Adelaide", "the Northern Territory (Australia/Darwin)"},
		"acdt": {"ACDT", 10*hour + 1800, "Australia/Adelaide", ""},
		"aest": {"AEST", 10 * hour, "Australia/Sydney", "Queensland (Australia/Brisbane)"},
		"aedt": {"AEDT", 11 * hour, "Australia/Sydney", ""},
		"nzst": {"NZST", 12 * hour, "Pacific/Auckland", ""},
		"nzdt": {"NZDT", 13 * hour, "Pacific/Auckland", ""},
		"brt":  {"BRT", -3 * hour, "America/Sao_Paulo", ""},
		"art":  {"ART", -3 * hour, "America/Argentina/Buenos_Aires", ""},
		"clt":  {"CLT", -4 * hour, "America/Santiago", ""},
		"clst": {"CLST", -3 * hour, "America/Santiago", ""},
		"cot":  {"COT", -5 * hour, "America/Bogota", ""},
		"pet":  {"PET", -5 * hour, "America/Lima", ""},
		"trt":  {"TRT", 3 * hour, "Europe/Istanbul", ""},
		"eat":  {"EAT", 3 * hour, "Africa/Nairobi", ""},
		"cat":  {"CAT", 2 * hour, "Africa/Maputo", ""},
		"irst": {"IRST", 3*hour + 1800, "Asia/Tehran", ""},
		"aft":  {"AFT", 4*hour + 1800, "Asia/Kabul", ""},
		"myt":  {"MYT", 8 * hour, "Asia/Kuala_Lumpur", ""},
		"wita": {"WITA", 8 * hour, "Asia/Makassar", ""},
		"wit":  {"WIT", 9 * hour, "Asia/Jayapura", ""},
		"aoe":  {"AoE", -12 * hour, "Etc/GMT+12", ""}, // "anywhere on Earth", for deadlines
	}
}

// longNamesTable is the names JavaScript's Date.toString() puts in parentheses, and people
// write out, for the abbreviations above.
func longNamesTable(abbrevs map[string]abbrev) map[string]abbrev {
	return map[string]abbrev{
		"coordinated universal time":       {name: "Coordinated Universal Time"},
		"greenwich mean time":              {name: "Greenwich Mean Time"},
		"pacific standard time":            abbrevs["pst"],
		"pacific daylight time":            abbrevs["pdt"],
		"mountain standard time":           abbrevs["mst"],
		"mountain daylight time":           abbrevs["mdt"],
		"central standard time":            {"Central Standard Time", -6 * hour, "America/Chicago", "Saskatchewan and most of Mexico (America/Regina, America/Mexico_City)"},
		"central daylight time":            abbrevs["cdt"],
		"eastern standard time":            abbrevs["est"],
		"eastern daylight time":            abbrevs["edt"],
		"alaska standard time":             abbrevs["akst"],
		"alaska daylight time":             abbrevs["akdt"],
		"hawaii-aleutian standard time":    abbrevs["hst"],
		"atlantic standard time":           {"Atlantic Standard Time", -4 * hour, "America/Halifax", "Puerto Rico and the Caribbean (America/Puerto_Rico)"},
		"atlantic daylight time":           abbrevs["adt"],
		"newfoundland standard time":       abbrevs["nst"],
		"newfoundland daylight time":       abbrevs["ndt"],
		"british summer time":              abbrevs["bst"],
		"irish standard time":              {"Irish Standard Time", 1 * hour, "Europe/Dublin", ""},
		"western european standard time":   abbrevs["wet"],
		"western european summer time":     abbrevs["west"],
		"central european standard time":   abbrevs["cet"],
		"central european time":            abbrevs["cet"],
		"central european summer time":     abbrevs["cest"],
		"eastern european standard time":   abbrevs["eet"],
		"eastern european summer time":     abbrevs["eest"],
		"moscow standard time":             abbrevs["msk"],
		"south africa standard time":       abbrevs["sast"],
		"west africa time":                 abbrevs["wat"],
		"israel standard time":             {"Israel Standard Time", 2 * hour, "Asia/Jerusalem", ""},
		"israel daylight time":             {"Israel Daylight Time", 3 * hour, "Asia/Jerusalem", ""},
		"india standard time":              {"India Standard Time", 5*hour + 1800, "Asia/Kolkata", ""},
		"pakistan standard time":           abbrevs["pkt"],
		"china standard time":              {"China Standard Time", 8 * hour, "Asia/Shanghai", ""},
		"hong kong standard time":          abbrevs["hkt"],
		"singapore standard time":          abbrevs["sgt"],
		"philippine standard time":         abbrevs["pht"],
		"japan standard time":              abbrevs["jst"],
		"korean standard time":             abbrevs["kst"],
		"australian western standard time": abbrevs["awst"],
		"australian central standard time": abbrevs["acst"],
		"australian central daylight time": abbrevs["acdt"],
		"australian eastern standard time": abbrevs["aest"],
		"australian eastern daylight time": abbrevs["aedt"],
		"new zealand standard time":        abbrevs["nzst"],
		"new zealand daylight time":        abbrevs["nzdt"],
	}
}

// ambiguity is an abbreviation in common use for several zones: refused, with the
// choices, unless an offset given with it says which ("+0530 IST", as Go writes it).
type ambiguity struct {
	choices string
	offsets []int
}

func ambiguousTable() map[string]ambiguity {
	return map[string]ambiguity{
		"ist": {"India (+05:30, Asia/Kolkata), Ireland (+01:00 in summer, Europe/Dublin) or Israel (+02:00, Asia/Jerusalem)",
			[]int{5*hour + 1800, 1 * hour, 2 * hour}},
		"cst": {"US Central (-06:00, America/Chicago), China (+08:00, Asia/Shanghai) or Cuba (-05:00, America/Havana)",
			[]int{-6 * hour, 8 * hour, -5 * hour}},
		"ast": {"Atlantic (-04:00, America/Halifax) or Arabia (+03:00, Asia/Riyadh)", []int{-4 * hour, 3 * hour}},
		"sst": {"Samoa (-11:00, Pacific/Pago_Pago) or Singapore (+08:00, Asia/Singapore)", []int{-11 * hour, 8 * hour}},
		"gst": {"the Gulf (+04:00, Asia/Dubai) or South Georgia (-02:00, Atlantic/South_Georgia)", []int{4 * hour, -2 * hour}},
	}
}

// regionsTable is the North American zones people name by region ("9am Eastern", "9am
// ET", "Pacific time"): the clocks of that region, whatever the season.
func regionsTable() map[string]string {
	return map[string]string{
		"pt": "America/Los_Angeles", "pacific": "America/Los_Angeles",
		"mt": "America/Denver", "mountain": "America/Denver",
		"ct": "America/Chicago", "central": "America/Chicago",
		"et": "America/New_York", "eastern": "America/New_York",
	}
}

// placeAliasesTable is places people name for a timezone that the tz database does not
// have as a city ("UK time", "India time"), each where the whole place keeps one clock.
func placeAliasesTable() map[string]string {
	return map[string]string{
		"uk": "Europe/London", "britain": "Europe/London", "british": "Europe/London", "england": "Europe/London",
		"ireland": "Europe/Dublin", "irish": "Europe/Dublin",
		"france": "Europe/Paris", "french": "Europe/Paris", "germany": "Europe/Berlin", "german": "Europe/Berlin",
		"italy": "Europe/Rome", "italian": "Europe/Rome", "netherlands": "Europe/Amsterdam", "dutch": "Europe/Amsterdam",
		"japan": "Asia/Tokyo", "japanese": "Asia/Tokyo", "china": "Asia/Shanghai", "chinese": "Asia/Shanghai",
		"beijing": "Asia/Shanghai", "india": "Asia/Kolkata", "indian": "Asia/Kolkata", "mumbai": "Asia/Kolkata",
		"delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata",
		"hawaii": "Pacific/Honolulu", "alaska": "America/Anchorage", "arizona": "America/Phoenix",
		"nyc": "America/New_York", "new york city": "America/New_York", "boston": "America/New_York",
		"san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
	}
}

// notCitiesTable is the last parts of tz names that are not what people mean by the word:
// "Christmas time" is not Indian/Christmas, "Samoa time" not Pacific/Samoa (American
// Samoa, 24 hours from Samoa's own clock), "Victoria time" not Melbourne's.
func notCitiesTable() map[string]bool {
	return map[string]bool{
		"act": true, "nsw": true, "lhi": true, "north": true, "south": true, "west": true, "center": true,
		"christmas": true, "easter": true, "wake": true, "samoa": true, "victoria": true, "san juan": true,
		"jersey": true, "petersburg": true, "knox": true, "knox in": true, "virgin": true, "resolute": true,
		"troll": true, "oral": true, "midway": true, "norfolk": true, "stanley": true, "reunion": true,
		"johnston": true, "dawson": true, "casey": true, "davis": true, "palmer": true,
	}
}

// cityAreas are the areas of the tz database whose zones are named for a city (gen_zones.go
// has the same list).
var cityAreas = [...]string{"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}

// zoneIndex is the tables, and the generated ones indexed, built the first time a zone is
// named.
type zoneIndex struct {
	abbrevs   map[string]abbrev
	longNames map[string]abbrev
	ambiguous map[string]ambiguity
	regions   map[string]string  // "et" → America/New_York
	byName    map[string]string  // "europe/paris" → "Europe/Paris"
	byCity    map[string]string  // "paris", "new york" → the zone
	offsets   map[string][]int32 // "CET" → offsets it has stood for
}

var zoneIndexOnce = sync.OnceValue(func() *zoneIndex {
	ix := &zoneIndex{
		abbrevs: abbrevsTable(), ambiguous: ambiguousTable(), regions: regionsTable(),
		byName: map[string]string{}, byCity: map[string]string{}, offsets: map[string][]int32{},
	}
	ix.longNames = longNamesTable(ix.abbrevs)
	notCities := notCitiesTable()
	for _, n := range tzNames {
		ix.byName[strings.ToLower(n)] = n
		parts := strings.Split(n, "/")
		city := strings.ToLower(strings.ReplaceAll(parts[len(parts)-1], "_", " "))
		if !slices.Contains(cityAreas[:], parts[0]) || notCities[city] {
			continue
		}
		// gen_zones.go checked that the names of a city are one zone; the longer is current
		// (America/Argentina/Cordoba, not America/Cordoba).
		if old, ok := ix.byCity[city]; !ok || len(n) > len(old) {
			ix.byCity[city] = n
		}
	}
	for city, n := range placeAliasesTable() {
		ix.byCity[city] = n
	}
	for _, a := range tzAbbrevs {
		ix.offsets[a.abbr] = a.offsets
	}
	return ix
})
