/**
 * A synthetic archive for benchmarks: tens of thousands of stories with text of
 * realistic lengths, written from a deterministic generator, with their search
 * index and their "Check Also" lists.
 *
 * The stories come in threads (a story and its follow-ups over days or weeks),
 * each with its own section, topic, place, organisation and invented names, so
 * related stories and searches find something meaningful. Words are drawn with
 * Zipf-like frequencies from the vocabulary below, written for this project.
 *
 * It writes what the services would write (the same body rendering, the same
 * search documents through the dialect adapter), in large batches. "Check Also"
 * is computed in memory for the whole archive at once: BM25 over each story's
 * key terms (the same TF-IDF choice as `keyTerms`, the same FTS5 BM25 formula,
 * the same `rankRelated` lean towards stories close in time), with an inverted
 * index that holds only each story's most distinctive terms.
 */
import { type Insertable, sql } from "kysely";
import type { Clock } from "../clock.js";
import { renderBody } from "../content/articles/article-body.js";
import { type RelatedCandidate, keyTerms, rankRelated, termCounts } from "../content/related/related.js";
import { searchDocument } from "../content/search/search.js";
import { SectionService } from "../content/sections/section-service.js";
import { SettingsService } from "../content/settings/settings-service.js";
import { slugify, tokenize } from "../content/text.js";
import type { ArticleTable, Db } from "../db/database.js";
import type { DialectAdapter } from "../db/dialects/dialect.js";
import { AppError } from "../errors.js";

export interface SeedSyntheticDeps {
	db: Db;
	adapter: DialectAdapter;
	/** The archive ends at `clock.now()` and reaches about five years back. */
	clock: Clock;
}

/** "setup": sections, authors and tags; "plan": threads, dates and word statistics; then the two bulk writes. */
export type SeedSyntheticPhase = "setup" | "plan" | "articles" | "related";

export interface SeedSyntheticOptions {
	/** How many published stories to write. */
	articles: number;
	/** At most 20 (the sections written below); the first `sections` are used, parents before children. */
	sections?: number;
	authors?: number;
	tags?: number;
	/** The same seed gives the same archive (for the same `clock.now()`). */
	seed?: number;
	onProgress?: (done: number, total: number, phase: SeedSyntheticPhase) => void;
}

export interface SeedSyntheticResult {
	articles: number;
	sections: number;
	authors: number;
	tags: number;
	/** Rows written to the `related` table. */
	relatedRows: number;
	/** A word found in about 1 % of the stories: a fair search for benchmarks. */
	searchWord: string;
	/** How many stories contain `searchWord`. */
	searchWordStories: number;
}

/** The settings key under which the archive's parameters are recorded. */
export const SYNTHETIC_SETTINGS_KEY = "synthetic_archive";

// ---------------------------------------------------------------------------
// Constants shared with the live "Check Also" rules (src/content/related).

/** Stored related stories per story, as RelatedService stores them. */
const STORED_RELATED = 5;
/** Key terms a story is queried with, as RelatedService queries it. */
const QUERY_TERMS = 20;
/** Key terms of each story kept in the inverted index; more than QUERY_TERMS brings BM25 closer to the full index. */
const INDEX_TERMS = 32;
/** BM25 matches ranked for recency, as RelatedService ranks them. */
const CANDIDATES = 40;
/** FTS5's bm25() parameters and Dateline's column weights (headline 3, body 1). */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const HEADLINE_WEIGHT = 3;

/** Articles written per transaction. */
const WRITE_BATCH = 1000;
/** Rows per INSERT statement. */
const ROWS_PER_INSERT = 200;
/** Stories whose related lists are written per transaction. */
const RELATED_BATCH = 5000;

const DAY = 86_400_000;
const ARCHIVE_DAYS = 5 * 365;

// ---------------------------------------------------------------------------
// Vocabulary. Every word is plain ASCII letters, so the tokens the generator
// records are exactly what `tokenize` and FTS5 read from the text.

const words = (text: string): string[] => text.trim().split(/\s+/);

interface SectionDef {
	slug: string;
	name: string;
	description: string;
	parent?: string;
	topics: readonly string[];
	/** Share of the archive's stories. */
	weight: number;
	/** Stories datelined abroad. */
	world?: boolean;
}

const SECTIONS: readonly SectionDef[] = [
	{
		slug: "news",
		name: "National News",
		description: "The main stories from the capital and across the country.",
		topics: ["government", "security", "infrastructure", "water"],
		weight: 12,
	},
	{
		slug: "politics",
		name: "Politics",
		description: "Parliament, elections, ministries and the people who run them.",
		topics: ["parliament", "elections", "government"],
		weight: 6,
	},
	{
		slug: "world",
		name: "World",
		description: "Diplomacy, conflict and migration beyond the borders.",
		topics: ["diplomacy", "conflict", "migration"],
		weight: 6,
		world: true,
	},
	{
		slug: "business",
		name: "Business",
		description: "Trade, prices, banks and the firms that keep the economy moving.",
		topics: ["trade", "prices", "banking"],
		weight: 6,
	},
	{
		slug: "sport",
		name: "Sport",
		description: "From school pitches to the national stadium.",
		topics: ["athletics", "cricket", "football"],
		weight: 5,
	},
	{
		slug: "culture",
		name: "Culture",
		description: "Books, music, heritage and the people keeping old arts alive.",
		topics: ["books", "music", "heritage"],
		weight: 4,
	},
	{
		slug: "health",
		name: "Health",
		description: "Hospitals, clinics, outbreaks and the people who treat them.",
		topics: ["health"],
		weight: 5,
	},
	{
		slug: "education",
		name: "Education",
		description: "Schools, universities, exams and the teachers behind them.",
		topics: ["education"],
		weight: 4,
	},
	{
		slug: "science",
		name: "Science and Technology",
		description: "Networks, power, mines and the engineers who build them.",
		topics: ["technology", "energy", "mining"],
		weight: 3,
	},
	{
		slug: "environment",
		name: "Environment",
		description: "Forests, rivers, wildlife and a changing climate.",
		topics: ["environment", "climate", "water"],
		weight: 3,
	},
	{
		slug: "weather",
		name: "Weather",
		description: "Forecasts and warnings, and what the seasons do to roads, farms and homes.",
		topics: ["weather", "climate"],
		weight: 3,
	},
	{
		slug: "opinion",
		name: "Opinion",
		description: "Columns and editorials.",
		topics: ["opinion", "government", "education"],
		weight: 3,
	},
	{
		slug: "provinces",
		name: "Provinces",
		description: "Reporting from the provinces and districts.",
		parent: "news",
		topics: ["agriculture", "water", "infrastructure", "security"],
		weight: 10,
	},
	{
		slug: "kabul",
		name: "Kabul",
		description: "The capital's streets, markets, homes and traffic.",
		parent: "news",
		topics: ["city", "housing", "transport"],
		weight: 6,
	},
	{
		slug: "asia",
		name: "Asia",
		description: "The neighbours and the wider region.",
		parent: "world",
		topics: ["diplomacy", "trade", "migration"],
		weight: 3,
		world: true,
	},
	{
		slug: "middle-east",
		name: "Middle East",
		description: "The Gulf, Iran and the Levant.",
		parent: "world",
		topics: ["diplomacy", "conflict", "energy"],
		weight: 3,
		world: true,
	},
	{
		slug: "markets",
		name: "Markets",
		description: "Currency, commodities and what they cost.",
		parent: "business",
		topics: ["currency", "prices", "mining"],
		weight: 3,
	},
	{
		slug: "farming",
		name: "Farming",
		description: "Harvests, orchards, herds and the water they need.",
		parent: "business",
		topics: ["agriculture", "trade", "water"],
		weight: 3,
	},
	{
		slug: "cricket",
		name: "Cricket",
		description: "The national team, the leagues and the school grounds.",
		parent: "sport",
		topics: ["cricket"],
		weight: 4,
	},
	{
		slug: "football",
		name: "Football",
		description: "Clubs, leagues, futsal and the national side.",
		parent: "sport",
		topics: ["football"],
		weight: 3,
	},
];

interface TopicDef {
	words: string;
	tags: readonly string[];
}

const TOPICS: Readonly<Record<string, TopicDef>> = {
	government: {
		words:
			"ministry minister cabinet decree spokesman governor administration policy reform directorate council mandate audit commission appointment deputy oversight provincial governance corruption inquiry regulation permits licences transparency bureaucracy",
		tags: ["Government", "Governance", "Corruption", "Public Services"],
	},
	security: {
		words:
			"police checkpoint patrol arrests suspects investigation crime theft robbery kidnapping explosion incident curfew detention prosecutors verdict sentence trial witnesses evidence guards weapons narcotics",
		tags: ["Security", "Crime", "Courts", "Police"],
	},
	infrastructure: {
		words:
			"highway bridge tunnel construction contractor asphalt culvert engineers pylon railway railhead paving gravel excavation embankment overpass bypass drainage surveying bulldozers cement rebar masonry",
		tags: ["Infrastructure", "Roads", "Construction", "Railways"],
	},
	water: {
		words:
			"irrigation canal reservoir dam karez aquifer groundwater wells pumps drinking sanitation pipeline floodwater riverbank watershed downstream upstream catchment sluice intake channel silt",
		tags: ["Water", "Irrigation", "Dams", "Sanitation"],
	},
	agriculture: {
		words:
			"harvest wheat saffron pomegranates almonds raisins grapes orchards cotton melons apricots fertiliser seeds tractors threshing granary greenhouse cultivation agronomists saplings pistachios shepherds pasture dairy",
		tags: ["Agriculture", "Saffron", "Wheat", "Orchards", "Livestock"],
	},
	trade: {
		words:
			"exports imports customs tariffs shipment freight containers consignment caravan warehouse wholesale retail corridor transit cargo truckers hauliers clearance duties quotas invoices",
		tags: ["Trade", "Exports", "Customs", "Transit"],
	},
	prices: {
		words:
			"inflation flour cooking diesel petrol rice sugar bakery subsidy wages afford affordability household bazaar bargaining staples kilogram groceries vendors",
		tags: ["Prices", "Cost of Living", "Inflation", "Food"],
	},
	banking: {
		words:
			"banking microfinance deposits credit lenders borrowers liquidity remittances hawala interest repayment collateral branches tellers withdrawals transfers insurance mortgages",
		tags: ["Banking", "Microfinance", "Remittances"],
	},
	currency: {
		words:
			"exchange exchangers auction reserves depreciation appreciation banknotes moneychangers volatility rates investors bonds stocks trading index commodities bullion",
		tags: ["Currency", "Markets", "Commodities"],
	},
	city: {
		words:
			"municipality sidewalks parks garbage sewage zoning neighbourhood squares congestion pedestrians lamps boulevard roundabout cleaners sweepers trees potholes",
		tags: ["City Life", "Municipality", "Urban Planning"],
	},
	housing: {
		words:
			"housing apartments landlords tenants homeless shelters plots township settlements evictions bricks kilns property deeds developers slums reconstruction",
		tags: ["Housing", "Property", "Evictions"],
	},
	transport: {
		words:
			"flights airline minibuses rickshaws fares terminal routes timetable runway aviation motorway tolls ticketing luggage depot",
		tags: ["Transport", "Aviation", "Public Transport"],
	},
	parliament: {
		words:
			"parliament lawmakers legislation bill amendment constitution senate committee session quorum speaker opposition coalition caucus hearing motion",
		tags: ["Parliament", "Legislation", "Constitution"],
	},
	elections: {
		words:
			"election voters ballots candidates campaign polling turnout registration recount observers constituency manifesto rally campaigners precinct",
		tags: ["Elections", "Voting", "Campaigns"],
	},
	diplomacy: {
		words:
			"embassy ambassador envoy delegation summit treaty bilateral cooperation sanctions consulate diplomats negotiations communique memorandum mediation",
		tags: ["Diplomacy", "Foreign Policy", "Sanctions"],
	},
	conflict: {
		words:
			"fighting clashes militants troops displaced casualties shelling frontline truce humanitarian convoy evacuation insurgents airstrike peacekeepers ceasefire",
		tags: ["Conflict", "Humanitarian Aid", "Ceasefire"],
	},
	migration: {
		words:
			"migrants refugees returnees deportation asylum camps resettlement crossings smugglers documents passports visas repatriation displacement",
		tags: ["Migration", "Refugees", "Returnees"],
	},
	cricket: {
		words:
			"cricket batsman bowler wicket innings century spinner pacer captain stumps boundary overs fielding umpire pitch seamer allrounder openers batting bowling",
		tags: ["Cricket", "National Team", "T20"],
	},
	football: {
		words:
			"football striker midfielder goalkeeper defender penalty goal championship transfer referee tackle dribble header fixture kickoff substitute futsal",
		tags: ["Football", "Futsal", "Premier League"],
	},
	athletics: {
		words:
			"athletes medal olympic wrestling boxing taekwondo volleyball buzkashi marathon federation podium qualifiers sprinters gymnasium",
		tags: ["Athletics", "Olympics", "Buzkashi", "Wrestling"],
	},
	books: {
		words:
			"novel novelist poetry poet poems publisher bookshop manuscript translation literature anthology verses storytelling prose",
		tags: ["Books", "Poetry", "Literature"],
	},
	music: {
		words:
			"musicians singer rubab tabla concert melody orchestra folk album recording instruments dambura harmonium composer performance",
		tags: ["Music", "Folk Music", "Concerts"],
	},
	heritage: {
		words:
			"heritage museum archaeology minaret citadel shrine mosque monument restoration artefacts calligraphy miniature carpets weaving pottery",
		tags: ["Heritage", "Archaeology", "Crafts", "Museums"],
	},
	health: {
		words:
			"clinic patients malaria measles polio vaccination vaccine cholera pneumonia maternal midwives surgery pharmacy ambulance outbreak tuberculosis diarrhoea nutrition malnutrition",
		tags: ["Health", "Vaccination", "Hospitals", "Malnutrition"],
	},
	education: {
		words:
			"classrooms pupils university lecturers curriculum exams textbooks enrolment scholarships graduates kankor literacy madrasa tuition semester campus dormitory",
		tags: ["Education", "Universities", "Schools", "Exams"],
	},
	technology: {
		words:
			"internet mobile smartphone broadband telecom startup software apps digital coding computers satellite fibre optic operators cybersecurity",
		tags: ["Technology", "Internet", "Telecoms"],
	},
	energy: {
		words:
			"electricity solar hydropower turbines grid outages blackout generators transmission kilowatt megawatts substation coal pipeline",
		tags: ["Energy", "Electricity", "Solar Power"],
	},
	mining: {
		words:
			"mining copper lithium chromite talc marble gemstones lapis emeralds quarry miners concession extraction ore deposits geologists excavators",
		tags: ["Mining", "Minerals", "Gemstones"],
	},
	climate: {
		words:
			"drought glaciers heatwave rainfall snowfall climate emissions deforestation erosion desertification temperatures monsoon landslides avalanches",
		tags: ["Climate", "Drought", "Floods", "Avalanches"],
	},
	environment: {
		words:
			"pollution smog forests wildlife leopards cranes conservation wetlands recycling plastic rangers species habitat biodiversity",
		tags: ["Environment", "Wildlife", "Pollution"],
	},
	weather: {
		words:
			"forecast frost sunshine cloud gusts thunderstorms hail fog visibility meteorology degrees celsius chilly mild showers",
		tags: ["Weather", "Forecasts", "Winter"],
	},
	opinion: {
		words:
			"argument editorial column responsibility accountability trust citizens democracy dignity justice fairness principle values generation",
		tags: ["Opinion", "Editorials"],
	},
};

/** Roughly in order of frequency: the first words are drawn most often. */
const NOUNS = words(`
government people country city province plan project report money market school children women men family families
workers road water support help meeting decision system programme service area region district village group community
number cost funds budget rules law court security health work jobs business trade food fuel land homes houses building
office centre hospital schools students teachers farmers traders drivers shops vehicles trucks buses streets border
winter summer spring autumn season morning evening weekend holiday shortage increase rise demand supply delivery
payments salaries loans debts taxes fees contracts tender proposals talks agreement deal dispute protest crowd
complaints questions figures data survey study research results records changes reforms problem issue risk damage
losses repairs equipment materials supplies machines tools pipes fields crops seeds sheep goats cattle animals rain snow
floods heat dust wind storms roads bridges airport passengers travellers pilgrims visitors guests doctors nurses
medicine treatment beds wards staff volunteers players team match league coach fans stadium tournament final goals
books writers artists songs film festival exhibition library history traditions language radio television newspaper
journalists phone network lights energy gas oil gold goods products factories industry companies bank accounts cash
dollar afghani value income savings rent contractors elders neighbours visitors inspectors managers owners tenants
graduates officers engineers mechanics cooks tailors carpenters bakers butchers guards clerks lawyers judges
`);

const ADJECTIVES = words(`
new local national provincial small large major main public private first final early late recent current annual
monthly weekly daily long short high low higher lower rising falling strong weak serious heavy light rural urban remote
northern southern eastern western central senior young old former poor cheap expensive safe dangerous difficult simple
open closed full empty modern traditional international regional official temporary permanent urgent important basic
available limited extra additional average free fair clear quiet busy crowded dry wet cold hot warm frozen damaged
broken rebuilt repaired ready slow fast sudden steady sharp modest historic popular famous familiar growing shrinking
successful independent joint common rare special similar different separate entire
`);

const VERBS_PAST = words(`
announced reported approved rejected opened closed launched completed started finished delayed postponed cancelled
increased reduced raised doubled halved received delivered distributed collected paid spent lost won signed agreed
promised denied confirmed criticised welcomed praised blamed urged visited inspected reviewed examined discussed
planned built repaired rebuilt restored damaged destroyed blocked cleared reopened expanded extended moved returned
joined hired trained tested measured recorded counted estimated published released supported funded backed opposed
demanded requested proposed introduced changed improved worsened affected reached crossed entered
`);

const VERBS_BASE = words(`
build open close finish start repair expand reduce increase pay deliver review approve reject support fund protect
replace improve change cut raise restore extend complete begin help train hire reach cover ease limit end
`);

const HEADLINE_VERBS = words(`
plans warns opens closes approves rejects delays launches backs faces wins loses cuts raises doubles extends reopens
rebuilds restores blocks clears promises signs demands seeks eyes braces struggles returns expands reviews probes
questions welcomes halts resumes targets boosts hits tops
`);

const GROUPS = words(`
residents farmers traders officials teachers students families workers drivers shopkeepers doctors nurses engineers
elders villagers parents pupils patients players fans investors exporters importers bakers builders labourers herders
women children pilgrims passengers commuters journalists lawyers judges volunteers contractors landlords tenants
`);

const TIMES = [
	"on Monday",
	"on Tuesday",
	"on Wednesday",
	"on Thursday",
	"on Friday",
	"on Saturday",
	"on Sunday",
	"last week",
	"this week",
	"earlier this month",
	"last month",
	"this year",
	"in recent days",
	"on Sunday morning",
	"late on Thursday",
	"over the weekend",
	"this morning",
	"since the spring",
	"before the winter",
	"after the holiday",
];

const ATTRIBUTIONS = ["said", "added", "told reporters", "explained", "warned", "insisted", "noted", "told Dateline News"];

const ROLES = [
	"a spokesman for",
	"a spokeswoman for",
	"the head of",
	"the director of",
	"a senior official at",
	"the deputy head of",
	"a member of",
	"an adviser to",
	"the chairman of",
	"a manager at",
];

const LOCAL_ROLES = [
	"a local resident",
	"a shopkeeper",
	"a farmer",
	"a teacher",
	"a community elder",
	"an engineer",
	"a doctor",
	"a student",
	"a driver",
	"a trader",
	"a mother of four",
	"a retired teacher",
	"a day labourer",
	"a nurse",
	"a baker",
];

const ORG_TYPES = [
	"Construction Company",
	"Cooperative",
	"Foundation",
	"Traders Union",
	"Health Network",
	"Transport Company",
	"Water Users Association",
	"Development Agency",
	"Trading House",
	"Bank",
	"Institute",
	"University",
	"Cricket Club",
	"Football Club",
	"Arts Council",
	"Farmers Association",
	"Energy Company",
	"Mining Corporation",
	"Teachers Union",
	"Relief Committee",
	"Chamber of Commerce",
	"Press Club",
	"Hospital",
	"Microfinance Fund",
	"Logistics Group",
	"Textile Mill",
	"Seed Company",
	"Radio",
	"Literary Society",
	"Medical Association",
];

const HOME_PLACES = words(`
Kabul Herat Kandahar Balkh Mazar Jalalabad Kunduz Ghazni Bamiyan Badakhshan Faizabad Helmand Lashkargah Nangarhar
Paktia Gardez Khost Logar Wardak Parwan Charikar Kapisa Panjshir Laghman Kunar Asadabad Nuristan Baghlan Pulikhumri
Takhar Taloqan Samangan Aybak Jowzjan Sheberghan Faryab Maimana Badghis Qalanaw Ghor Chaghcharan Farah Nimroz Zaranj
Uruzgan Tarinkot Zabul Qalat Daikundi Nili Paktika Sharana Istalif Andkhoy Torkham Hairatan Islamqala Salang Shindand
Karukh Khulm Paghman Surobi Mahmudraqi Sarobi Bagram Guldara Shakardara Deh Sabz
`);

const WORLD_PLACES = words(`
Tehran Islamabad Delhi Dushanbe Tashkent Ashgabat Beijing Doha Dubai Riyadh Ankara Istanbul Moscow Geneva Brussels
London Washington Tokyo Jakarta Dhaka Karachi Lahore Peshawar Quetta Mashhad Samarkand Almaty Bishkek Baku Cairo
Muscat Kuwait Amman Baghdad Beirut Termez Zahedan Gwadar Urumqi Kathmandu
`);

const FIRST_NAMES = words(`
Ahmad Mohammad Ali Hassan Hussain Farid Sohail Mariam Fatima Zahra Nadia Laila Habib Karim Rahim Nasir Jamal Kamal
Omid Wahid Yusuf Idris Bashir Nasrin Parwin Shabnam Roya Mina Sima Homa Zarghona Malalai Soraya Freshta Najiba Hamid
Khalid Tariq Zia Sami Jawad Hamed Murad Rashid Sharif Aziz Qadir Samira Farzana Gulalai Hadia Arezo Khadija Rabia
Shukria Wazhma Tamana Muska Yalda Sadaf
`);

const LAST_NAMES = words(`
Noori Haidari Karimi Rahimi Ahmadi Amiri Sultani Hashimi Wardak Popal Barakzai Durrani Stanikzai Mohmand Sadat Qaderi
Rezai Jafari Hakimi Naderi Azizi Hotak Safi Mangal Zadran Shinwari Kakar Tokhi Nazari Rasuli Farahi Balkhi Herawi
Samadi Yousufi Habibi Mansoori Osmani Latifi Sharifi Saberi Wahidi Akbari Ghafoori Rahmani Sediqi Nabizada Ayoubi
Jalali Kohistani Panjshiri Badakhshi Andarabi Sarwari Taheri Mirzad Zaheer Siddiqi Qasimi
`);

const JOB_TITLES = [
	"Reporter",
	"Senior Reporter",
	"Correspondent",
	"Senior Correspondent",
	"Editor",
	"Deputy Editor",
	"Photographer",
	"Columnist",
	"Producer",
	"Data Reporter",
];

const SYLLABLE_ONSETS = words("b d f g h j k kh l m n p q r s sh t w y z zh ch");
const SYLLABLE_VOWELS = words("a e i o u a i");
const SYLLABLE_CODAS = ["", "", "", "n", "r", "l", "m", "z", "d", "k", "b", "sh", "st", "rd"];
const NAME_ENDINGS = ["", "", "i", "zai", "yar", "wal", "ani", "khel", "zada", "ullah", "an", "ari", "oor"];

/** Body sentences. {T} is a word of the story's topic; {WHO} introduces a named source once, then uses the surname. */
const BODY_TEMPLATES = [
	"{G} in {P} said the {A} {T} had {V} the {N} {D}.",
	"The {T} {V} {NUM} {N} in {P}, according to {ORG}.",
	'"The {T} is {A} for the {N} of {P}," said {WHO}.',
	"{WHOS} {SAID} that the {A} {N} had {V} the {T} and the {T}.",
	"Officials in {P2} {V} a {A} {T} {D}.",
	"More than {NUM} {G} {V} the {N} near {P}, residents said.",
	"{ORG} {V} the {T} {D} after {NUM} {N} were {V} in {P}.",
	'"We {V} the {T} because the {N} was {A}," {WHOS} said.',
	"{WHO2} said the {T} was {A} and the {N} {V} {D}.",
	"The {A} {T} {V} {A} {N} for {G} across {P}.",
	"It was not clear whether the {T} would {VB} the {N} {D}.",
	"According to {ORG}, the {T} {V} the {A} {N} and {NUM} {T}.",
	"{G} {V} the {N} in {P} {D}, and many {V} the {A} {T}.",
	"The {N} of the {T} {V} {NUM} percent {D}, {WHOS} {SAID}.",
	"In {P}, the {T} {V} the {N} of {NUM} {G}.",
	"{WHOS} said {ORG} would {VB} a {A} {T} before the {N}.",
	"Local {G} {V} the {A} {N}, while {G} in {P2} {V} the {T}.",
	"The {A} {N} {V} {D}, but the {T} remained {A}.",
	'"A {A} {T} is what {G} in {P} need," {WHOS2} said.',
	"The {T} has been {A} since {YEAR}, when {ORG} {V} the {A} {N}.",
	"{G} and {G} {V} the {T} at a meeting in {P} {D}.",
	"The {T} will {VB} the {A} {N} and {VB} the {T}, officials said.",
	"Figures from {ORG} show that {NUM} {G} {V} the {T} {D}.",
	"{WHOS} {V} the {A} {T} and {V} the {N} in {P}.",
];

const HEADLINE_TEMPLATES = [
	"{ORG} {VH} {A} {T} in {P}",
	"{P} {G} {VH} {A} {T} after {A} {N}",
	"{SURNAME} {VH} {T} plan as {G} in {P} wait for {N}",
	"{A} {T} in {P} {VH} {NUM} {N}, {ORG} says",
	"Why {G} in {P} are worried about the {A} {T}",
	"{ORG} and {G} clash over {T} in {P}",
	"{P}: {A} {T} {VH} {N} for {G}",
	"{NUM} {G} {VH} {A} {T} in {P} {D}",
	"Inside the {A} {T} that {VH} {P}",
	"{G} count the cost of {A} {T} in {P}",
	"{ORG} {VH} {T} and {T} across {P}",
	"{A} {N} {VH} {T} hopes in {P}",
];

// ---------------------------------------------------------------------------
// Random numbers.

/** mulberry32: small, fast and good enough for text. */
class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) | 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		const item = items[this.int(items.length)];
		if (item === undefined) throw new Error("pick from an empty list");
		return item;
	}
}

/** A seed for story `index` that does not depend on any other story. */
function storySeed(seed: number, index: number): number {
	let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
	h ^= h >>> 16;
	h = Math.imul(h, 0x7feb352d);
	h ^= h >>> 15;
	h = Math.imul(h, 0x846ca68b);
	return (h ^ (h >>> 16)) >>> 0;
}

/** Draws items with probability proportional to 1/(rank + 1)^exponent. */
class Zipf<T> {
	private readonly cumulative: Float64Array;

	constructor(
		readonly items: readonly T[],
		exponent = 1,
	) {
		if (items.length === 0) throw new Error("Zipf over an empty list");
		this.cumulative = new Float64Array(items.length);
		let total = 0;
		for (let rank = 0; rank < items.length; rank += 1) {
			total += 1 / (rank + 1) ** exponent;
			this.cumulative[rank] = total;
		}
	}

	sample(random: Random): T {
		const target = random.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
		let lo = 0;
		let hi = this.cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if ((this.cumulative[mid] ?? 0) > target) hi = mid;
			else lo = mid + 1;
		}
		return this.items[lo] as T;
	}
}

// ---------------------------------------------------------------------------
// Terms and phrases.

/** Every distinct token of the archive gets a number; stopwords and the like are marked. */
class TermTable {
	readonly ids = new Map<string, number>();
	readonly names: string[] = [];
	/** 1 when `termCounts` leaves the token out (stopwords, short words, numbers). */
	readonly excluded: number[] = [];

	id(token: string): number {
		let id = this.ids.get(token);
		if (id === undefined) {
			id = this.names.length;
			this.ids.set(token, id);
			this.names.push(token);
			this.excluded.push(termCounts({ headline: "", body: token }).size === 0 ? 1 : 0);
		}
		return id;
	}

	get size(): number {
		return this.names.length;
	}
}

/** A piece of text with its tokens (as term ids) and its word count worked out once. */
interface Phrase {
	text: string;
	terms: readonly number[];
	words: number;
}

function countWords(text: string): number {
	let count = 0;
	for (const piece of text.split(/\s+/)) if (/[A-Za-z0-9]/.test(piece)) count += 1;
	return count;
}

function makePhrase(terms: TermTable, text: string): Phrase {
	return { text, terms: tokenize(text).map((token) => terms.id(token)), words: countWords(text) };
}

type Slot =
	| "G"
	| "P"
	| "P2"
	| "A"
	| "N"
	| "V"
	| "VB"
	| "VH"
	| "T"
	| "D"
	| "NUM"
	| "YEAR"
	| "ORG"
	| "WHO"
	| "WHOS"
	| "WHO2"
	| "WHOS2"
	| "SAID"
	| "SURNAME";

const SLOTS: ReadonlySet<string> = new Set<Slot>([
	"G",
	"P",
	"P2",
	"A",
	"N",
	"V",
	"VB",
	"VH",
	"T",
	"D",
	"NUM",
	"YEAR",
	"ORG",
	"WHO",
	"WHOS",
	"WHO2",
	"WHOS2",
	"SAID",
	"SURNAME",
]);

type TemplatePart = Phrase | Slot;

function compileTemplate(terms: TermTable, template: string): TemplatePart[] {
	const parts: TemplatePart[] = [];
	for (const piece of template.split(/(\{[A-Z0-9]+\})/)) {
		if (piece === "") continue;
		const slot = piece.slice(1, -1);
		if (piece.startsWith("{") && SLOTS.has(slot)) parts.push(slot as Slot);
		else parts.push(makePhrase(terms, piece));
	}
	return parts;
}

/** The vocabulary as phrases, with their frequency distributions. */
class Lexicon {
	readonly terms = new TermTable();
	readonly nouns: Zipf<Phrase>;
	readonly adjectives: Zipf<Phrase>;
	readonly verbsPast: Zipf<Phrase>;
	readonly verbsBase: Zipf<Phrase>;
	readonly headlineVerbs: Zipf<Phrase>;
	readonly groups: Zipf<Phrase>;
	readonly times: Zipf<Phrase>;
	readonly attributions: Zipf<Phrase>;
	readonly roles: Phrase[];
	readonly localRoles: Phrase[];
	readonly numbers: Zipf<Phrase>;
	readonly years: Phrase[];
	readonly homePlaces: Zipf<Phrase>;
	readonly worldPlaces: Zipf<Phrase>;
	readonly topics = new Map<string, { words: Phrase[]; zipf: Zipf<Phrase> }>();
	readonly body: TemplatePart[][];
	readonly headlines: TemplatePart[][];
	readonly space: Phrase;
	readonly comma: Phrase;
	readonly in: Phrase;

	constructor(random: Random) {
		const phrases = (list: readonly string[]) => list.map((text) => makePhrase(this.terms, text));
		this.nouns = new Zipf(phrases(NOUNS), 1.0);
		this.adjectives = new Zipf(phrases(ADJECTIVES), 1.0);
		this.verbsPast = new Zipf(phrases(VERBS_PAST), 0.9);
		this.verbsBase = new Zipf(phrases(VERBS_BASE), 0.9);
		this.headlineVerbs = new Zipf(phrases(HEADLINE_VERBS), 0.8);
		this.groups = new Zipf(phrases(GROUPS), 1.0);
		this.times = new Zipf(phrases(TIMES), 0.7);
		this.attributions = new Zipf(phrases(ATTRIBUTIONS), 1.2);
		this.roles = phrases(ROLES);
		this.localRoles = phrases(LOCAL_ROLES);
		const numbers: string[] = [];
		for (let n = 2; n <= 60; n += 1) numbers.push(String(n));
		for (let n = 0; n < 120; n += 1) {
			const magnitude = 10 ** (2 + random.int(4));
			const value = (1 + random.int(9)) * magnitude + random.int(magnitude / 10) * 10;
			numbers.push(value.toLocaleString("en-US"));
		}
		this.numbers = new Zipf(phrases(numbers), 0.8);
		this.years = phrases(Array.from({ length: 20 }, (_, i) => String(2004 + i)));
		this.homePlaces = new Zipf(phrases(HOME_PLACES), 0.9);
		this.worldPlaces = new Zipf(phrases(WORLD_PLACES), 0.8);
		for (const [key, topic] of Object.entries(TOPICS)) {
			const list = phrases(words(topic.words));
			this.topics.set(key, { words: list, zipf: new Zipf(list, 0.8) });
		}
		this.body = BODY_TEMPLATES.map((template) => compileTemplate(this.terms, template));
		this.headlines = HEADLINE_TEMPLATES.map((template) => compileTemplate(this.terms, template));
		this.space = makePhrase(this.terms, " ");
		this.comma = makePhrase(this.terms, ", ");
		this.in = makePhrase(this.terms, " in ");
	}

	topic(key: string): { words: Phrase[]; zipf: Zipf<Phrase> } {
		const topic = this.topics.get(key);
		if (!topic) throw new Error(`Unknown topic ${key}`);
		return topic;
	}
}

/** An invented proper name: two or three syllables and a common ending. */
function inventName(random: Random): string {
	const syllables = random.chance(0.7) ? 2 : 3;
	let name = "";
	for (let i = 0; i < syllables; i += 1) {
		name += random.pick(SYLLABLE_ONSETS) + random.pick(SYLLABLE_VOWELS);
		if (i === syllables - 1 || random.chance(0.3)) name += random.pick(SYLLABLE_CODAS);
	}
	name += random.pick(NAME_ENDINGS);
	return name.charAt(0).toUpperCase() + name.slice(1);
}

// ---------------------------------------------------------------------------
// The plan: sections, people, tags and threads.

interface Person {
	first: Phrase;
	full: Phrase;
	surname: Phrase;
}

interface Thread {
	section: number;
	topic: string;
	secondTopic: string;
	/** Topic words this thread leans on. */
	focus: Phrase[];
	place: Phrase;
	people: [Person, Person];
	org: Phrase;
	reporter: number;
	secondReporter: number;
	/** Tag indexes, most important first. */
	tags: number[];
}

interface TagDef {
	name: string;
	slug: string;
}

interface Plan {
	lexicon: Lexicon;
	sections: SectionDef[];
	authors: { name: string; slug: string; jobTitle: string; bio: string; desk: number }[];
	tags: TagDef[];
	/** Tag index of each topic's tags and of each place, where the tag list reaches them. */
	topicTags: Map<string, number[]>;
	placeTags: Map<Phrase, number>;
	orgs: Phrase[];
	/** Orgs below this index are also tags, at tag index `orgTagBase + index`. */
	orgTagCount: number;
	orgTagBase: number;
	threads: Thread[];
}

function rootOf(sections: readonly SectionDef[], index: number): number {
	const parent = sections[index]?.parent;
	if (!parent) return index;
	const parentIndex = sections.findIndex((section) => section.slug === parent);
	return parentIndex < 0 ? index : rootOf(sections, parentIndex);
}

function buildPlan(options: Required<Omit<SeedSyntheticOptions, "onProgress">>): Plan {
	const random = new Random(storySeed(options.seed, -1));
	const lexicon = new Lexicon(random);
	const sections = SECTIONS.slice(0, options.sections);

	const usedNames = new Set<string>();
	const authors: Plan["authors"] = [];
	const roots = sections.map((_, index) => index).filter((index) => !sections[index]?.parent);
	const rootWeights = new Zipf(roots, 0.3);
	while (authors.length < options.authors) {
		const base = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
		let name = base;
		for (let n = 2; usedNames.has(name); n += 1) name = `${base} ${String.fromCharCode(64 + n)}.`;
		usedNames.add(name);
		const desk = rootWeights.sample(random);
		const section = sections[desk];
		const jobTitle = random.pick(JOB_TITLES);
		authors.push({
			name,
			slug: slugify(name),
			jobTitle,
			bio: `${name} is a ${jobTitle.toLowerCase()} on the ${section?.name ?? "news"} desk.`,
			desk,
		});
	}

	const tags: TagDef[] = [];
	const tagSlugs = new Set<string>();
	const addTag = (name: string): number | undefined => {
		const slug = slugify(name);
		if (tags.length >= options.tags || !slug || tagSlugs.has(slug)) {
			const existing = tags.findIndex((tag) => tag.slug === slug);
			return existing >= 0 ? existing : undefined;
		}
		tagSlugs.add(slug);
		tags.push({ name, slug });
		return tags.length - 1;
	};
	const topicTags = new Map<string, number[]>();
	for (const [key, topic] of Object.entries(TOPICS)) {
		topicTags.set(
			key,
			topic.tags.flatMap((name) => {
				const index = addTag(name);
				return index === undefined ? [] : [index];
			}),
		);
	}
	const placeTags = new Map<Phrase, number>();
	for (const place of [...lexicon.homePlaces.items, ...lexicon.worldPlaces.items]) {
		const index = addTag(place.text);
		if (index !== undefined) placeTags.set(place, index);
	}
	const orgTagBase = tags.length;
	const orgs: Phrase[] = [];
	const orgNames = new Set<string>();
	const orgTarget = Math.max(options.tags - orgTagBase, 400);
	while (orgs.length < orgTarget) {
		const name = `${inventName(random)} ${random.pick(ORG_TYPES)}`;
		if (orgNames.has(name) || tagSlugs.has(slugify(name))) continue;
		orgNames.add(name);
		orgs.push(makePhrase(lexicon.terms, name));
		if (tags.length < options.tags) addTag(name);
	}
	const orgTagCount = tags.length - orgTagBase;

	return {
		lexicon,
		sections,
		authors,
		tags,
		topicTags,
		placeTags,
		orgs,
		orgTagCount,
		orgTagBase,
		threads: [],
	};
}

/** Assigns story `index` to a thread: a new one, or one of the recent threads, most likely the newest. */
class ThreadPlanner {
	private readonly random: Random;
	private readonly sectionPick: Zipf<number>;
	private readonly orgPick: Zipf<number>;
	private readonly active: number[] = [];
	private readonly desks = new Map<number, number[]>();

	constructor(
		private readonly plan: Plan,
		seed: number,
	) {
		this.random = new Random(storySeed(seed, -2));
		const order = plan.sections
			.map((section, index) => ({ index, weight: section.weight }))
			.sort((a, b) => b.weight - a.weight);
		// Weighted pick by expanding weights: small lists, so a flat table is simplest.
		const table: number[] = [];
		for (const entry of order) for (let i = 0; i < entry.weight; i += 1) table.push(entry.index);
		this.sectionPick = new Zipf(table, 0);
		this.orgPick = new Zipf(
			plan.orgs.map((_, index) => index),
			0.9,
		);
		plan.authors.forEach((author, index) => {
			const desk = this.desks.get(author.desk) ?? [];
			desk.push(index);
			this.desks.set(author.desk, desk);
		});
	}

	next(): number {
		const random = this.random;
		if (this.active.length === 0 || random.chance(0.17)) {
			const id = this.plan.threads.length;
			this.plan.threads.push(this.newThread());
			this.active.push(id);
			if (this.active.length > 40) this.active.shift();
			return id;
		}
		// Recent threads are followed up more often than old ones.
		const back = Math.min(this.active.length - 1, Math.floor(random.next() ** 2.5 * this.active.length));
		return this.active[this.active.length - 1 - back] as number;
	}

	private newThread(): Thread {
		const random = this.random;
		const plan = this.plan;
		const lexicon = plan.lexicon;
		const section = this.sectionPick.sample(random);
		const def = plan.sections[section] as SectionDef;
		const topic = random.pick(def.topics);
		const secondTopic = random.pick(def.topics);
		const topicWords = lexicon.topic(topic);
		const focus = [topicWords.zipf.sample(random), random.pick(topicWords.words), random.pick(topicWords.words)];
		const place = (def.world ? lexicon.worldPlaces : lexicon.homePlaces).sample(random);
		const person = (): Person => {
			const first = random.pick(FIRST_NAMES);
			const surname = inventName(random);
			return {
				first: makePhrase(lexicon.terms, first),
				full: makePhrase(lexicon.terms, `${first} ${surname}`),
				surname: makePhrase(lexicon.terms, surname),
			};
		};
		const orgIndex = this.orgPick.sample(random);
		const desk = this.desks.get(rootOf(plan.sections, section)) ?? plan.authors.map((_, index) => index);
		const anyAuthor = () =>
			desk.length > 0 ? (desk[Math.floor(random.next() ** 1.5 * desk.length)] as number) : random.int(plan.authors.length);
		const reporter = plan.authors.length > 0 ? anyAuthor() : -1;
		let secondReporter = plan.authors.length > 1 ? anyAuthor() : -1;
		if (secondReporter === reporter && plan.authors.length > 1) secondReporter = (reporter + 1) % plan.authors.length;

		const tags: number[] = [];
		const add = (index: number | undefined) => {
			if (index !== undefined && index < plan.tags.length && !tags.includes(index)) tags.push(index);
		};
		const primary = plan.topicTags.get(topic) ?? [];
		add(primary[0]);
		add(plan.placeTags.get(place));
		if (orgIndex < plan.orgTagCount) add(plan.orgTagBase + orgIndex);
		add(primary.length > 1 ? random.pick(primary.slice(1)) : undefined);
		add((plan.topicTags.get(secondTopic) ?? [])[0]);
		for (let tries = 0; tags.length < Math.min(5, plan.tags.length) && tries < 20; tries += 1) {
			add(random.int(plan.tags.length));
		}
		return {
			section,
			topic,
			secondTopic,
			focus,
			place,
			people: [person(), person()],
			org: plan.orgs[orgIndex] as Phrase,
			reporter,
			secondReporter,
			tags,
		};
	}
}

// ---------------------------------------------------------------------------
// Writing one story.

interface StoryText {
	headline: string;
	standfirst: string;
	bodySource: string;
	/** Term ids of the headline's and the body's tokens, in order, as the search index reads them. */
	headlineTerms: number[];
	bodyTerms: number[];
	bodyWords: number;
}

/** Collects a sentence's text and tokens. */
class SentenceWriter {
	readonly parts: string[] = [];
	readonly terms: number[] = [];
	words = 0;

	add(phrase: Phrase): void {
		this.parts.push(phrase.text);
		for (const term of phrase.terms) this.terms.push(term);
		this.words += phrase.words;
	}

	text(): string {
		const text = this.parts.join("");
		const first = text.search(/[a-z]/i);
		return first < 0 ? text : text.slice(0, first) + text.charAt(first).toUpperCase() + text.slice(first + 1);
	}
}

class StoryWriter {
	private readonly lexicon: Lexicon;
	private readonly introduced = [false, false];

	constructor(
		private readonly plan: Plan,
		private readonly thread: Thread,
		private readonly random: Random,
	) {
		this.lexicon = plan.lexicon;
	}

	write(): StoryText {
		const headline = this.fitted(this.lexicon.headlines, 6, 14);
		const standfirst = this.standfirst();
		// Bodies of 300 to about 1,200 words, most of them short.
		const target = 300 + Math.floor(865 * this.random.next() ** 1.6);
		const paragraphs: string[] = [];
		const bodyTerms: number[] = [];
		let bodyWords = 0;
		while (bodyWords < target) {
			const sentences: string[] = [];
			const count = paragraphs.length === 0 ? 1 + this.random.int(2) : 1 + this.random.int(3);
			for (let i = 0; i < count && bodyWords < target; i += 1) {
				const sentence = this.sentence(this.random.pick(this.lexicon.body));
				sentences.push(sentence.text());
				for (const term of sentence.terms) bodyTerms.push(term);
				bodyWords += sentence.words;
			}
			paragraphs.push(sentences.join(" "));
		}
		return {
			headline: headline.text(),
			standfirst,
			bodySource: paragraphs.join("\n\n"),
			headlineTerms: headline.terms,
			bodyTerms,
			bodyWords,
		};
	}

	/** One or two sentences, 15 to 30 words. */
	private standfirst(): string {
		for (let tries = 0; tries < 20; tries += 1) {
			const first = this.sentence(this.random.pick(this.lexicon.body));
			if (first.words > 30) continue;
			if (first.words >= 15) return first.text();
			const second = this.sentence(this.random.pick(this.lexicon.body));
			const total = first.words + second.words;
			if (total >= 15 && total <= 30) return `${first.text()} ${second.text()}`;
		}
		return this.fitted(this.lexicon.body, 15, 30).text();
	}

	/** A sentence from `templates` with between `min` and `max` words. */
	private fitted(templates: readonly TemplatePart[][], min: number, max: number): SentenceWriter {
		let sentence = this.sentence(this.random.pick(templates));
		for (let tries = 0; tries < 30 && (sentence.words < min || sentence.words > max); tries += 1) {
			sentence = this.sentence(this.random.pick(templates));
		}
		while (sentence.words < min) {
			sentence.add(this.lexicon.in);
			sentence.add(this.thread.place);
		}
		return sentence;
	}

	private sentence(template: readonly TemplatePart[]): SentenceWriter {
		const writer = new SentenceWriter();
		for (const part of template) {
			if (typeof part === "string") this.fill(writer, part);
			else writer.add(part);
		}
		return writer;
	}

	private fill(writer: SentenceWriter, slot: Slot): void {
		const { lexicon, random, thread } = this;
		switch (slot) {
			case "G":
				return writer.add(lexicon.groups.sample(random));
			case "P":
				return writer.add(random.chance(0.75) ? thread.place : this.places().sample(random));
			case "P2":
				return writer.add(this.places().sample(random));
			case "A":
				return writer.add(lexicon.adjectives.sample(random));
			case "N":
				return writer.add(lexicon.nouns.sample(random));
			case "V":
				return writer.add(lexicon.verbsPast.sample(random));
			case "VB":
				return writer.add(lexicon.verbsBase.sample(random));
			case "VH":
				return writer.add(lexicon.headlineVerbs.sample(random));
			case "T":
				return writer.add(this.topicWord());
			case "D":
				return writer.add(lexicon.times.sample(random));
			case "NUM":
				return writer.add(lexicon.numbers.sample(random));
			case "YEAR":
				return writer.add(random.pick(lexicon.years));
			case "ORG":
				return writer.add(thread.org);
			case "SAID":
				return writer.add(lexicon.attributions.sample(random));
			case "SURNAME":
				return writer.add(thread.people[0].surname);
			case "WHO":
			case "WHOS":
				return this.person(writer, 0, slot === "WHO");
			case "WHO2":
			case "WHOS2":
				return this.person(writer, 1, slot === "WHO2");
		}
	}

	/** A named source: the full name and role the first time, the surname after. */
	private person(writer: SentenceWriter, which: 0 | 1, withRole: boolean): void {
		const person = this.thread.people[which];
		if (this.introduced[which]) {
			writer.add(person.surname);
			return;
		}
		this.introduced[which] = true;
		writer.add(person.full);
		if (!withRole) return;
		writer.add(this.lexicon.comma);
		if (which === 0) {
			writer.add(this.random.pick(this.lexicon.roles));
			writer.add(this.lexicon.space);
			writer.add(this.thread.org);
		} else {
			writer.add(this.random.pick(this.lexicon.localRoles));
			writer.add(this.lexicon.in);
			writer.add(this.thread.place);
		}
	}

	private topicWord(): Phrase {
		const { random, thread } = this;
		const roll = random.next();
		if (roll < 0.4) return random.pick(thread.focus);
		if (roll < 0.85) return this.lexicon.topic(thread.topic).zipf.sample(random);
		return this.lexicon.topic(thread.secondTopic).zipf.sample(random);
	}

	private places(): Zipf<Phrase> {
		return this.plan.sections[this.thread.section]?.world ? this.lexicon.worldPlaces : this.lexicon.homePlaces;
	}
}

function writeStory(plan: Plan, seed: number, index: number, thread: Thread): StoryText {
	return new StoryWriter(plan, thread, new Random(storySeed(seed, index))).write();
}

// ---------------------------------------------------------------------------
// Seeding.

function validate(options: SeedSyntheticOptions): Required<Omit<SeedSyntheticOptions, "onProgress">> {
	const resolved = {
		articles: options.articles,
		sections: options.sections ?? SECTIONS.length,
		authors: options.authors ?? 200,
		tags: options.tags ?? 2000,
		seed: options.seed ?? 1,
	};
	const whole = (name: string, value: number, min: number, max: number) => {
		if (!Number.isInteger(value) || value < min || value > max)
			throw new AppError("ERR_VALIDATION", `${name} must be a whole number from ${min} to ${max}; got ${value}.`);
	};
	whole("articles", resolved.articles, 0, 10_000_000);
	whole("sections", resolved.sections, 1, SECTIONS.length);
	whole("authors", resolved.authors, 1, FIRST_NAMES.length * LAST_NAMES.length);
	whole("tags", resolved.tags, 0, 1_000_000);
	whole("seed", resolved.seed, 0, 2 ** 32 - 1);
	return resolved;
}

async function requireEmptySite(db: Db): Promise<void> {
	for (const table of ["articles", "sections", "people", "tags"] as const) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as("count"))
			.executeTakeFirstOrThrow();
		if (Number(row.count) > 0)
			throw new AppError(
				"ERR_VALIDATION",
				`The site already has ${table}; a synthetic archive is only written into an empty site.`,
			);
	}
}

async function nextId(db: Db, table: "articles" | "people" | "tags"): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.max("id").as("max"))
		.executeTakeFirst();
	return Number(row?.max ?? 0) + 1;
}

async function insertChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
	for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
		await insert(rows.slice(start, start + ROWS_PER_INSERT));
	}
}

/** The share of BM25 a story's text gives to a term it contains `count` times (headline counted three times). */
function bm25Tf(count: number, tokens: number, averageTokens: number): number {
	return (count * (BM25_K1 + 1)) / (count + BM25_K1 * (1 - BM25_B + (BM25_B * tokens) / averageTokens));
}

/**
 * Writes a synthetic archive of `options.articles` published stories into an
 * empty site: sections (some nested), authors, tags, stories with 1–2 bylines
 * and 2–5 tags dated over the five years before `clock.now()`, their search
 * index, and their "Check Also" lists. The same seed and clock give the same
 * archive. Memory stays bounded: bodies exist only one batch at a time.
 */
const T = { gen: 0, render: 0, key: 0, db: 0 };
export async function seedSynthetic(
	deps: SeedSyntheticDeps,
	options: SeedSyntheticOptions,
): Promise<SeedSyntheticResult> {
	const resolved = validate(options);
	const { db, adapter, clock } = deps;
	const progress = options.onProgress ?? (() => {});
	const total = resolved.articles;
	await requireEmptySite(db);

	// Bulk-load settings for this connection; put back at the end.
	let previousCacheSize: number | undefined;
	if (adapter.name === "sqlite") {
		const row = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
		previousCacheSize = row.rows[0]?.cache_size;
		await sql`PRAGMA cache_size = -65536`.execute(db);
	}
	try {
		// --- setup: sections, authors, tags.
		progress(0, 3, "setup");
		const plan = buildPlan(resolved);
		const now = clock.now();
		const sectionService = new SectionService({ db, clock });
		const sectionIds: number[] = [];
		for (const [position, def] of plan.sections.entries()) {
			const parentIndex = def.parent ? plan.sections.findIndex((section) => section.slug === def.parent) : -1;
			const created = await sectionService.create({
				name: def.name,
				slug: def.slug,
				description: def.description,
				parentId: parentIndex >= 0 ? (sectionIds[parentIndex] ?? null) : null,
				position,
			});
			sectionIds.push(created.id);
		}
		progress(1, 3, "setup");
		const personBase = await nextId(db, "people");
		const createdAt = new Date(now.getTime() - (ARCHIVE_DAYS + 30) * DAY).toISOString();
		await db.transaction().execute(async (trx) => {
			await insertChunks(
				plan.authors.map((author, index) => ({
					id: personBase + index,
					slug: author.slug,
					name: author.name,
					job_title: author.jobTitle,
					bio: author.bio,
					created_at: createdAt,
				})),
				(chunk) => trx.insertInto("people").values(chunk).execute(),
			);
		});
		progress(2, 3, "setup");
		const tagBase = await nextId(db, "tags");
		await db.transaction().execute(async (trx) => {
			await insertChunks(
				plan.tags.map((tag, index) => ({ id: tagBase + index, slug: tag.slug, name: tag.name })),
				(chunk) => trx.insertInto("tags").values(chunk).execute(),
			);
		});
		progress(3, 3, "setup");

		// --- plan: threads, dates and the word statistics the key terms need.
		const planner = new ThreadPlanner(plan, resolved.seed);
		const threadOf = new Int32Array(total);
		const publishedAt = new Float64Array(total);
		const tokenCount = new Int32Array(total);
		const dateRandom = new Random(storySeed(resolved.seed, -3));
		const end = now.getTime() - 10 * 60_000;
		const span = ARCHIVE_DAYS * DAY;
		const step = total > 0 ? span / total : 0;
		const terms = plan.lexicon.terms;
		const df: number[] = [];
		const lastSeen: number[] = [];
		let allTokens = 0;
		for (let index = 0; index < total; index += 1) {
			threadOf[index] = planner.next();
			publishedAt[index] = Math.floor(end - span + (index + dateRandom.next()) * step);
			const story = writeStory(plan, resolved.seed, index, plan.threads[threadOf[index] as number] as Thread);
			tokenCount[index] = story.headlineTerms.length + story.bodyTerms.length;
			allTokens += tokenCount[index] as number;
			for (const list of [story.headlineTerms, story.bodyTerms]) {
				for (const term of list) {
					if (lastSeen[term] !== index) {
						lastSeen[term] = index;
						df[term] = (df[term] ?? 0) + 1;
					}
				}
			}
			if ((index + 1) % 5000 === 0 || index + 1 === total) progress(index + 1, total, "plan");
		}
		const averageTokens = total > 0 ? allTokens / total : 1;
		const dfByTerm = new Map<string, number>();
		for (let term = 0; term < terms.size; term += 1) {
			if (terms.excluded[term] === 0 && (df[term] ?? 0) > 0) dfByTerm.set(terms.names[term] as string, df[term] ?? 0);
		}

		// --- articles: write stories, bylines, tags and the search index, batch by batch.
		const articleBase = await nextId(db, "articles");
		const keyIds = new Int32Array(total * INDEX_TERMS).fill(-1);
		const keyWeights = new Float32Array(total * INDEX_TERMS);
		const countScratch = new Int32Array(terms.size);
		const slugs = new Set<string>();
		for (let start = 0; start < total; start += WRITE_BATCH) {
			const stop = Math.min(total, start + WRITE_BATCH);
			const articleRows: Insertable<ArticleTable>[] = [];
			const bylineRows: { article_id: number; person_id: number; position: number }[] = [];
			const tagRows: { article_id: number; tag_id: number; position: number }[] = [];
			const documents: { id: number; headline: string; bodyText: string }[] = [];
			for (let index = start; index < stop; index += 1) {
				const id = articleBase + index;
				const thread = plan.threads[threadOf[index] as number] as Thread;
				const t0 = performance.now();
				const story = writeStory(plan, resolved.seed, index, thread);
				T.gen += performance.now() - t0;
				const random = new Random(storySeed(resolved.seed, total + index));
				const t1 = performance.now();
				const body = renderBody(story.bodySource);
				T.render += performance.now() - t1;
				const base = slugify(story.headline) || `story-${index + 1}`;
				let slug = base;
				for (let n = 2; slugs.has(slug); n += 1) slug = `${base}-${n}`;
				slugs.add(slug);
				const published = publishedAt[index] as number;
				const updated = random.chance(0.12) ? Math.min(end, published + (1 + random.int(47)) * 3_600_000) : null;
				const created = published - (1 + random.int(8)) * 3_600_000;
				articleRows.push({
					id,
					slug,
					status: "published",
					headline: story.headline,
					standfirst: story.standfirst,
					body_source: story.bodySource,
					body_html: body.html,
					body_text: body.text,
					dateline_place: thread.place.text,
					source_line: "",
					language: "en",
					section_id: sectionIds[thread.section] as number,
					published_at: new Date(published).toISOString(),
					updated_at: updated === null ? null : new Date(updated).toISOString(),
					scheduled_at: null,
					created_at: new Date(created).toISOString(),
					modified_at: new Date(updated ?? published).toISOString(),
					revision: 1,
					featured_media_id: null,
					created_by: null,
				});
				if (thread.reporter >= 0) {
					bylineRows.push({ article_id: id, person_id: personBase + thread.reporter, position: 0 });
					if (thread.secondReporter >= 0 && random.chance(0.2))
						bylineRows.push({ article_id: id, person_id: personBase + thread.secondReporter, position: 1 });
				}
				const tagCount = Math.min(thread.tags.length, 2 + random.int(4));
				for (let position = 0; position < tagCount; position += 1) {
					tagRows.push({ article_id: id, tag_id: tagBase + (thread.tags[position] as number), position });
				}
				documents.push({ id, headline: story.headline, bodyText: body.text });

				const t2 = performance.now();
				// Key terms, exactly as `keyTerms` picks them, kept for the related pass.
				const counts = new Map<string, number>();
				const touched: number[] = [];
				const count = (list: readonly number[], weight: number) => {
					for (const term of list) {
						if (terms.excluded[term] === 1) continue;
						if (countScratch[term] === 0) touched.push(term);
						countScratch[term] = (countScratch[term] ?? 0) + weight;
					}
				};
				count(story.headlineTerms, HEADLINE_WEIGHT);
				count(story.bodyTerms, 1);
				for (const term of touched) {
					counts.set(terms.names[term] as string, countScratch[term] ?? 0);
				}
				const chosen = keyTerms({ counts, df: dfByTerm, total, limit: INDEX_TERMS });
				const tokens = tokenCount[index] as number;
				chosen.forEach((name, rank) => {
					const term = terms.ids.get(name) as number;
					keyIds[index * INDEX_TERMS + rank] = term;
					keyWeights[index * INDEX_TERMS + rank] = bm25Tf(countScratch[term] ?? 0, tokens, averageTokens);
				});
				for (const term of touched) countScratch[term] = 0;
				T.key += performance.now() - t2;
			}
			const t3 = performance.now();
			await db.transaction().execute(async (trx) => {
				await insertChunks(articleRows, (chunk) => trx.insertInto("articles").values(chunk).execute());
				await insertChunks(bylineRows, (chunk) => trx.insertInto("article_people").values(chunk).execute());
				await insertChunks(tagRows, (chunk) => trx.insertInto("article_tags").values(chunk).execute());
				for (const document of documents) await adapter.indexDocument(trx, searchDocument(document));
			});
			T.db += performance.now() - t3;
			progress(stop, total, "articles");
		}
		slugs.clear();

		// --- related: BM25 over an inverted index of every story's key terms.
		console.error(JSON.stringify(T));
		const relatedRows = await writeRelated({
			db,
			total,
			articleBase,
			keyIds,
			keyWeights,
			df,
			termCount: terms.size,
			publishedAt,
			progress,
		});

		// A word found in about 1 % of the stories, for benchmarks of search.
		let searchWord = "";
		let searchWordStories = 0;
		const wanted = Math.max(2, total / 100);
		for (const [name, frequency] of dfByTerm) {
			if (!/^[a-z]{5,}$/.test(name)) continue;
			const better =
				searchWord === "" ||
				Math.abs(frequency - wanted) < Math.abs(searchWordStories - wanted) ||
				(Math.abs(frequency - wanted) === Math.abs(searchWordStories - wanted) && name < searchWord);
			if (better) {
				searchWord = name;
				searchWordStories = frequency;
			}
		}

		const settings = new SettingsService(db);
		if ((await settings.site()).name === "Dateline") {
			await settings.updateSite({
				name: "Dateline News",
				tagline: "A synthetic archive for benchmarks",
				language: "en",
				sourceLine: "Dateline News",
			});
		}
		if (!(await settings.initializedAt())) await settings.markInitialized(now);
		const result: SeedSyntheticResult = {
			articles: total,
			sections: plan.sections.length,
			authors: plan.authors.length,
			tags: plan.tags.length,
			relatedRows,
			searchWord,
			searchWordStories,
		};
		const record = JSON.stringify({ ...result, seed: resolved.seed, at: now.toISOString() });
		await db
			.insertInto("settings")
			.values({ key: SYNTHETIC_SETTINGS_KEY, value: record })
			.onConflict((oc) => oc.column("key").doUpdateSet({ value: record }))
			.execute();

		if (adapter.name === "postgres") {
			// Explicit ids leave the sequences behind; the next story written live must not collide.
			for (const table of ["articles", "people", "tags"] as const) {
				await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
					db,
				);
			}
		}
		if (adapter.name === "sqlite") await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
		return result;
	} finally {
		if (previousCacheSize !== undefined) await sql`PRAGMA cache_size = ${sql.raw(String(previousCacheSize))}`.execute(db);
	}
}

/**
 * "Check Also" for every story at once. Each story's QUERY_TERMS key terms are
 * looked up in an inverted index of every story's INDEX_TERMS key terms; the
 * matches are scored with FTS5's BM25 (idf from the whole archive, the
 * headline counted three times, length-normalised), the best CANDIDATES are
 * ranked by `rankRelated` with its lean towards stories close in time, and the
 * best STORED_RELATED are stored. Returns the number of rows written.
 */
async function writeRelated(input: {
	db: Db;
	total: number;
	articleBase: number;
	keyIds: Int32Array;
	keyWeights: Float32Array;
	df: readonly number[];
	termCount: number;
	publishedAt: Float64Array;
	progress: (done: number, total: number, phase: SeedSyntheticPhase) => void;
}): Promise<number> {
	const { db, total, articleBase, keyIds, keyWeights, publishedAt } = input;
	// Postings in compressed rows: for term t, stories postingStory[offsets[t] .. offsets[t + 1]).
	const offsets = new Int32Array(input.termCount + 1);
	for (let slot = 0; slot < keyIds.length; slot += 1) {
		const term = keyIds[slot] as number;
		if (term >= 0) offsets[term + 1] = (offsets[term + 1] ?? 0) + 1;
	}
	for (let term = 0; term < input.termCount; term += 1) offsets[term + 1] = (offsets[term + 1] ?? 0) + (offsets[term] ?? 0);
	const fill = offsets.slice(0, input.termCount);
	const postingStory = new Int32Array(offsets[input.termCount] ?? 0);
	const postingWeight = new Float32Array(postingStory.length);
	for (let slot = 0; slot < keyIds.length; slot += 1) {
		const term = keyIds[slot] as number;
		if (term < 0) continue;
		const at = fill[term] as number;
		postingStory[at] = Math.floor(slot / INDEX_TERMS);
		postingWeight[at] = keyWeights[slot] as number;
		fill[term] = at + 1;
	}
	const idf = new Float64Array(input.termCount);
	for (let term = 0; term < input.termCount; term += 1) {
		const hits = input.df[term] ?? 0;
		const value = Math.log((total - hits + 0.5) / (hits + 0.5));
		idf[term] = value > 0 ? value : 1e-6;
	}

	const scores = new Float64Array(total);
	const touched = new Int32Array(total);
	const bestStory = new Int32Array(CANDIDATES);
	const bestScore = new Float64Array(CANDIDATES);
	let written = 0;
	let rows: { article_id: number; related_id: number; rank: number; score: number }[] = [];
	const flush = async () => {
		const batch = rows;
		rows = [];
		await db.transaction().execute(async (trx) => {
			await insertChunks(batch, (chunk) => trx.insertInto("related").values(chunk).execute());
		});
		written += batch.length;
	};

	for (let story = 0; story < total; story += 1) {
		let touchedCount = 0;
		for (let k = 0; k < QUERY_TERMS; k += 1) {
			const term = keyIds[story * INDEX_TERMS + k] as number;
			if (term < 0) break;
			const weight = idf[term] as number;
			const last = offsets[term + 1] as number;
			for (let at = offsets[term] as number; at < last; at += 1) {
				const other = postingStory[at] as number;
				if (other === story) continue;
				const before = scores[other] as number;
				if (before === 0) touched[touchedCount++] = other;
				scores[other] = before + weight * (postingWeight[at] as number);
			}
		}
		// The best CANDIDATES by BM25 (ties: the older story first), kept sorted in small arrays.
		let kept = 0;
		for (let i = 0; i < touchedCount; i += 1) {
			const other = touched[i] as number;
			const score = scores[other] as number;
			scores[other] = 0;
			if (kept === CANDIDATES) {
				const worst = bestScore[kept - 1] as number;
				if (score < worst || (score === worst && other > (bestStory[kept - 1] as number))) continue;
			}
			let at = kept < CANDIDATES ? kept++ : kept - 1;
			while (
				at > 0 &&
				((bestScore[at - 1] as number) < score ||
					((bestScore[at - 1] as number) === score && (bestStory[at - 1] as number) > other))
			) {
				bestScore[at] = bestScore[at - 1] as number;
				bestStory[at] = bestStory[at - 1] as number;
				at -= 1;
			}
			bestScore[at] = score;
			bestStory[at] = other;
		}
		const candidates: RelatedCandidate[] = [];
		for (let i = 0; i < kept; i += 1) {
			const other = bestStory[i] as number;
			candidates.push({
				id: articleBase + other,
				score: bestScore[i] as number,
				publishedAt: new Date(publishedAt[other] as number),
			});
		}
		const ranked = rankRelated({
			candidates,
			publishedAt: new Date(publishedAt[story] as number),
			limit: STORED_RELATED,
		});
		ranked.forEach((entry, rank) => {
			rows.push({ article_id: articleBase + story, related_id: entry.id, rank, score: entry.score });
		});
		if ((story + 1) % RELATED_BATCH === 0 || story + 1 === total) {
			await flush();
			input.progress(story + 1, total, "related");
		}
	}
	return written;
}
