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
 *
 * Writing and rendering the text runs in worker threads (this same module,
 * started as a worker) while the main thread writes to the database.
 */
import os from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { type Insertable, sql } from "kysely";
import type { Clock } from "../clock.js";
import { renderBody } from "../content/articles/article-body.js";
import { type RelatedCandidate, rankRelated, termCounts } from "../content/related/related.js";
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
	/**
	 * Worker threads that write and render text while the main thread writes to
	 * the database. Default: one fewer than the CPUs (at most 4) for 2,000 stories
	 * or more, when running compiled JavaScript; 0 writes everything on this thread.
	 */
	workers?: number;
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

/** Articles written per transaction, and per message to a worker. */
const WRITE_BATCH = 250;
/** Old-generation heap of each worker, in MB. */
const WORKER_HEAP_MB = 256;
/** Stories per piece of the statistics pass. */
const STATISTICS_PIECE = 5000;
/** Rows per INSERT statement. */
const ROWS_PER_INSERT = 200;
/** Postings kept per term in the related pass: the strongest, by BM25 term weight. */
const POSTINGS_PER_TERM = 256;
/** Candidates from the pruned lists that are scored again exactly. */
const RESCORED = 64;
/** Stories whose related lists are computed per piece and written per transaction. */
const RELATED_BATCH = 2500;

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

const ATTRIBUTIONS = [
	"said",
	"added",
	"told reporters",
	"explained",
	"warned",
	"insisted",
	"noted",
	"told Dateline News",
];

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
	/** The text with its first letter in upper case, to open a sentence. */
	capital: string;
	hasLetter: boolean;
	terms: readonly number[];
	words: number;
}

function countWords(text: string): number {
	let count = 0;
	for (const piece of text.split(/\s+/)) if (/[A-Za-z0-9]/.test(piece)) count += 1;
	return count;
}

function makePhrase(terms: TermTable, text: string): Phrase {
	const first = text.search(/[A-Za-z]/);
	return {
		text,
		capital: first < 0 ? text : text.slice(0, first) + text.charAt(first).toUpperCase() + text.slice(first + 1),
		hasLetter: first >= 0,
		terms: tokenize(text).map((token) => terms.id(token)),
		words: countWords(text),
	};
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

/** The resolved options that decide the archive's content. */
interface ArchiveSettings {
	articles: number;
	sections: number;
	authors: number;
	tags: number;
	seed: number;
}

interface Person {
	full: Phrase;
	surname: Phrase;
}

interface Thread {
	section: number;
	topicWords: Zipf<Phrase>;
	secondTopicWords: Zipf<Phrase>;
	/** Topic words this thread leans on. */
	focus: Phrase[];
	places: Zipf<Phrase>;
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

interface AuthorDef {
	name: string;
	slug: string;
	jobTitle: string;
	bio: string;
	desk: number;
}

interface Plan {
	lexicon: Lexicon;
	sections: SectionDef[];
	authors: AuthorDef[];
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

function buildPlan(settings: ArchiveSettings): Plan {
	const random = new Random(storySeed(settings.seed, -1));
	const lexicon = new Lexicon(random);
	const sections = SECTIONS.slice(0, settings.sections);

	const usedNames = new Set<string>();
	const authors: AuthorDef[] = [];
	const roots = sections.map((_, index) => index).filter((index) => !sections[index]?.parent);
	const rootPick = new Zipf(roots, 0.3);
	while (authors.length < settings.authors) {
		const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
		if (usedNames.has(name)) continue;
		usedNames.add(name);
		const desk = rootPick.sample(random);
		const jobTitle = random.pick(JOB_TITLES);
		authors.push({
			name,
			slug: slugify(name),
			jobTitle,
			bio: `${name} is a ${jobTitle.toLowerCase()} on the ${sections[desk]?.name ?? "news"} desk.`,
			desk,
		});
	}

	const tags: TagDef[] = [];
	const tagIndex = new Map<string, number>();
	const addTag = (name: string): number | undefined => {
		const slug = slugify(name);
		const existing = tagIndex.get(slug);
		if (existing !== undefined || !slug || tags.length >= settings.tags) return existing;
		tagIndex.set(slug, tags.length);
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
	const orgSlugs = new Set<string>();
	while (orgs.length < Math.max(settings.tags - orgTagBase, 400)) {
		const name = `${inventName(random)} ${random.pick(ORG_TYPES)}`;
		const slug = slugify(name);
		if (orgSlugs.has(slug) || tagIndex.has(slug)) continue;
		orgSlugs.add(slug);
		orgs.push(makePhrase(lexicon.terms, name));
		addTag(name);
	}

	return {
		lexicon,
		sections,
		authors,
		tags,
		topicTags,
		placeTags,
		orgs,
		orgTagCount: tags.length - orgTagBase,
		orgTagBase,
		threads: [],
	};
}

/** Assigns each story to a thread: a new one, or one of the recent threads, most likely the newest. */
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
		// A flat table with each section repeated by its weight; exponent 0 draws evenly from it.
		const table: number[] = [];
		plan.sections.forEach((section, index) => {
			for (let i = 0; i < section.weight; i += 1) table.push(index);
		});
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
		const places = def.world ? lexicon.worldPlaces : lexicon.homePlaces;
		const place = places.sample(random);
		const person = (): Person => {
			const first = random.pick(FIRST_NAMES);
			const surname = inventName(random);
			return {
				full: makePhrase(lexicon.terms, `${first} ${surname}`),
				surname: makePhrase(lexicon.terms, surname),
			};
		};
		const people: [Person, Person] = [person(), person()];
		const orgIndex = this.orgPick.sample(random);
		const desk = this.desks.get(rootOf(plan.sections, section)) ?? [];
		const author = () =>
			desk.length > 0
				? (desk[Math.floor(random.next() ** 1.5 * desk.length)] as number)
				: random.int(plan.authors.length);
		const reporter = author();
		let secondReporter = plan.authors.length > 1 ? author() : -1;
		if (secondReporter === reporter && plan.authors.length > 1) secondReporter = (reporter + 1) % plan.authors.length;

		const tags: number[] = [];
		const add = (index: number | undefined) => {
			if (index !== undefined && index < plan.tags.length && !tags.includes(index)) tags.push(index);
		};
		const primary = plan.topicTags.get(topic) ?? [];
		add(primary[0]);
		add(plan.placeTags.get(place));
		if (orgIndex < plan.orgTagCount) add(plan.orgTagBase + orgIndex);
		if (primary.length > 1) add(random.pick(primary.slice(1)));
		add((plan.topicTags.get(secondTopic) ?? [])[0]);
		for (let tries = 0; tags.length < Math.min(5, plan.tags.length) && tries < 20; tries += 1) {
			add(random.int(plan.tags.length));
		}
		return {
			section,
			topicWords: topicWords.zipf,
			secondTopicWords: lexicon.topic(secondTopic).zipf,
			focus,
			places,
			place,
			people,
			org: plan.orgs[orgIndex] as Phrase,
			reporter,
			secondReporter,
			tags,
		};
	}
}

/**
 * Everything about the archive that follows from its settings: the plan and
 * each story's thread. Built the same way, with the same term numbers, in the
 * main thread and in every worker.
 */
class Archive {
	readonly plan: Plan;
	readonly threadOf: Int32Array;
	/** Per-term scratch counts for one story at a time. */
	private readonly scratch: Int32Array;

	constructor(readonly settings: ArchiveSettings) {
		this.plan = buildPlan(settings);
		const planner = new ThreadPlanner(this.plan, settings.seed);
		this.threadOf = new Int32Array(settings.articles);
		for (let index = 0; index < settings.articles; index += 1) this.threadOf[index] = planner.next();
		this.scratch = new Int32Array(this.plan.lexicon.terms.size);
	}

	get terms(): TermTable {
		return this.plan.lexicon.terms;
	}

	thread(index: number): Thread {
		return this.plan.threads[this.threadOf[index] as number] as Thread;
	}

	/** Writes story `index`; `dry` skips the strings and keeps only tokens and word counts. */
	story(index: number, dry: boolean): StoryText {
		return new StoryWriter(
			this.plan.lexicon,
			this.thread(index),
			new Random(storySeed(this.settings.seed, index)),
			dry,
		).write();
	}

	/** Document frequencies and the token total of stories [start, stop), as the search index will count them. */
	statistics(start: number, stop: number): { df: Int32Array; tokens: number } {
		const df = new Int32Array(this.terms.size);
		const lastSeen = new Int32Array(this.terms.size).fill(-1);
		let tokens = 0;
		for (let index = start; index < stop; index += 1) {
			const story = this.story(index, true);
			tokens += story.headlineTerms.length + story.bodyTerms.length;
			for (const list of [story.headlineTerms, story.bodyTerms]) {
				for (const term of list) {
					if (lastSeen[term] !== index) {
						lastSeen[term] = index;
						df[term] = (df[term] ?? 0) + 1;
					}
				}
			}
		}
		return { df, tokens };
	}

	/**
	 * Writes and renders stories [start, stop), and picks each one's INDEX_TERMS
	 * key terms with their BM25 term weights.
	 */
	render(start: number, stop: number, statistics: ArchiveStatistics): RenderedStories {
		const count = stop - start;
		const rendered: RenderedStories = {
			start,
			headlines: [],
			standfirsts: [],
			sources: [],
			htmls: [],
			texts: [],
			wordCounts: [],
			keyIds: new Int32Array(count * INDEX_TERMS).fill(-1),
			keyWeights: new Float32Array(count * INDEX_TERMS),
		};
		for (let index = start; index < stop; index += 1) {
			const story = this.story(index, false);
			const body = renderBody(story.bodySource);
			rendered.headlines.push(story.headline);
			rendered.standfirsts.push(story.standfirst);
			rendered.sources.push(story.bodySource);
			rendered.htmls.push(body.html);
			rendered.texts.push(body.text);
			rendered.wordCounts.push(story.bodyWords);
			const chosen = this.keyTerms(story, statistics);
			const tokens = story.headlineTerms.length + story.bodyTerms.length;
			const at = (index - start) * INDEX_TERMS;
			chosen.forEach((term, rank) => {
				rendered.keyIds[at + rank] = term;
				rendered.keyWeights[at + rank] = bm25Tf(this.scratch[term] ?? 0, tokens, statistics.averageTokens);
			});
			this.clearScratch(story);
		}
		return rendered;
	}

	/**
	 * The story's INDEX_TERMS best terms by the rule of `keyTerms` (TF-IDF with
	 * the headline counted three times; terms in no other story left out; ties
	 * by name), leaving the story's term counts in `scratch`.
	 */
	keyTerms(story: StoryText, statistics: ArchiveStatistics): number[] {
		const { scratch, terms } = this;
		const touched: number[] = [];
		const count = (list: readonly number[], weight: number) => {
			for (const term of list) {
				if (terms.excluded[term] === 1) continue;
				if (scratch[term] === 0) touched.push(term);
				scratch[term] = (scratch[term] ?? 0) + weight;
			}
		};
		count(story.headlineTerms, HEADLINE_WEIGHT);
		count(story.bodyTerms, 1);
		const total = statistics.total;
		let scored: { term: number; weight: number }[] = [];
		for (const term of touched) {
			const df = statistics.df[term] ?? 0;
			if (df < 2) continue;
			const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
			if (idf <= 0) continue;
			scored.push({ term, weight: (1 + Math.log(scratch[term] ?? 0)) * idf });
		}
		if (scored.length > INDEX_TERMS) {
			// Only what can reach the top INDEX_TERMS (ties at the edge included) needs the full ordering.
			const weights = Float64Array.from(scored, (entry) => entry.weight).sort();
			const edge = weights[weights.length - INDEX_TERMS] as number;
			scored = scored.filter((entry) => entry.weight >= edge);
		}
		const names = terms.names;
		scored.sort((a, b) => b.weight - a.weight || (names[a.term] as string).localeCompare(names[b.term] as string));
		return scored.slice(0, INDEX_TERMS).map((entry) => entry.term);
	}

	clearScratch(story: StoryText): void {
		for (const term of story.headlineTerms) this.scratch[term] = 0;
		for (const term of story.bodyTerms) this.scratch[term] = 0;
	}
}

interface ArchiveStatistics {
	/** Stories containing each term, by term number. */
	df: Int32Array;
	total: number;
	averageTokens: number;
}

/** A batch of written stories, as passed from a worker to the main thread. */
interface RenderedStories {
	start: number;
	headlines: string[];
	standfirsts: string[];
	sources: string[];
	htmls: string[];
	texts: string[];
	wordCounts: number[];
	/** INDEX_TERMS term numbers per story, best first, -1 past the last. */
	keyIds: Int32Array;
	/** BM25 term weight (before idf) of each key term in its story. */
	keyWeights: Float32Array;
}

/** The share of BM25 a story's text gives to a term it contains `count` times (headline counted three times). */
function bm25Tf(count: number, tokens: number, averageTokens: number): number {
	return (count * (BM25_K1 + 1)) / (count + BM25_K1 * (1 - BM25_B + (BM25_B * tokens) / averageTokens));
}

// ---------------------------------------------------------------------------
// Writing one story.

interface StoryText {
	headline: string;
	standfirst: string;
	bodySource: string;
	/** Term numbers of the headline's and the body's tokens, in order, as the search index reads them. */
	headlineTerms: number[];
	bodyTerms: number[];
	bodyWords: number;
}

/** Writes one story. A dry run draws the same random numbers but builds no strings. */
class StoryWriter {
	private text = "";
	private terms: number[] = [];
	private words = 0;
	private capitalNext = false;
	private readonly introduced = [false, false];

	constructor(
		private readonly lexicon: Lexicon,
		private readonly thread: Thread,
		private readonly random: Random,
		private readonly dry: boolean,
	) {}

	write(): StoryText {
		this.fitted(this.lexicon.headlines, 6, 14);
		const headline = this.take();
		this.standfirst();
		const standfirst = this.take();
		this.introduced[0] = false;
		this.introduced[1] = false;
		// Bodies of 300 to about 1,200 words, most of them short.
		const target = 300 + Math.floor(865 * this.random.next() ** 1.6);
		let paragraphs = 0;
		while (this.words < target) {
			if (paragraphs > 0) this.literal("\n\n");
			const sentences = paragraphs === 0 ? 1 + this.random.int(2) : 1 + this.random.int(3);
			for (let i = 0; i < sentences && this.words < target; i += 1) {
				if (i > 0) this.literal(" ");
				this.sentence(this.random.pick(this.lexicon.body));
			}
			paragraphs += 1;
		}
		const bodyWords = this.words;
		const body = this.take();
		return {
			headline: headline.text,
			standfirst: standfirst.text,
			bodySource: body.text,
			headlineTerms: headline.terms,
			bodyTerms: body.terms,
			bodyWords,
		};
	}

	private take(): { text: string; terms: number[] } {
		const taken = { text: this.text, terms: this.terms };
		this.text = "";
		this.terms = [];
		this.words = 0;
		return taken;
	}

	private mark() {
		return {
			text: this.text.length,
			terms: this.terms.length,
			words: this.words,
			introduced: [this.introduced[0], this.introduced[1]],
		};
	}

	private rollback(mark: ReturnType<StoryWriter["mark"]>): void {
		this.text = this.text.slice(0, mark.text);
		this.terms.length = mark.terms;
		this.words = mark.words;
		this.introduced[0] = mark.introduced[0] ?? false;
		this.introduced[1] = mark.introduced[1] ?? false;
	}

	/** One or two sentences, 15 to 30 words. */
	private standfirst(): void {
		for (let tries = 0; tries < 20; tries += 1) {
			const mark = this.mark();
			this.sentence(this.random.pick(this.lexicon.body));
			if (this.words >= 15 && this.words <= 30) return;
			if (this.words < 15) {
				this.literal(" ");
				this.sentence(this.random.pick(this.lexicon.body));
				if (this.words >= 15 && this.words <= 30) return;
			}
			this.rollback(mark);
		}
		this.fitted(this.lexicon.body, 15, 30);
	}

	/** A sentence from `templates` with between `min` and `max` words. */
	private fitted(templates: readonly TemplatePart[][], min: number, max: number): void {
		const mark = this.mark();
		for (let tries = 0; tries < 30; tries += 1) {
			this.sentence(this.random.pick(templates));
			if (this.words - mark.words >= min && this.words - mark.words <= max) return;
			this.rollback(mark);
		}
		this.sentence(this.random.pick(templates));
		while (this.words - mark.words < min) {
			this.add(this.lexicon.in);
			this.add(this.thread.place);
		}
	}

	private literal(text: string): void {
		if (!this.dry) this.text += text;
	}

	private add(phrase: Phrase): void {
		if (!this.dry) this.text += this.capitalNext ? phrase.capital : phrase.text;
		if (phrase.hasLetter) this.capitalNext = false;
		const terms = phrase.terms;
		for (let i = 0; i < terms.length; i += 1) this.terms.push(terms[i] as number);
		this.words += phrase.words;
	}

	private sentence(template: readonly TemplatePart[]): void {
		this.capitalNext = true;
		for (const part of template) {
			if (typeof part === "string") this.fill(part);
			else this.add(part);
		}
	}

	private fill(slot: Slot): void {
		if (slot === "WHO" || slot === "WHOS") this.person(0, slot === "WHO");
		else if (slot === "WHO2" || slot === "WHOS2") this.person(1, slot === "WHO2");
		else this.add(this.draw(slot));
	}

	/** A phrase for every slot but the named sources. */
	private draw(slot: Exclude<Slot, "WHO" | "WHOS" | "WHO2" | "WHOS2">): Phrase {
		const { lexicon, random, thread } = this;
		switch (slot) {
			case "G":
				return lexicon.groups.sample(random);
			case "P":
				return random.chance(0.75) ? thread.place : thread.places.sample(random);
			case "P2":
				return thread.places.sample(random);
			case "A":
				return lexicon.adjectives.sample(random);
			case "N":
				return lexicon.nouns.sample(random);
			case "V":
				return lexicon.verbsPast.sample(random);
			case "VB":
				return lexicon.verbsBase.sample(random);
			case "VH":
				return lexicon.headlineVerbs.sample(random);
			case "T": {
				const roll = random.next();
				if (roll < 0.4) return random.pick(thread.focus);
				return (roll < 0.85 ? thread.topicWords : thread.secondTopicWords).sample(random);
			}
			case "D":
				return lexicon.times.sample(random);
			case "NUM":
				return lexicon.numbers.sample(random);
			case "YEAR":
				return random.pick(lexicon.years);
			case "ORG":
				return thread.org;
			case "SAID":
				return lexicon.attributions.sample(random);
			case "SURNAME":
				return thread.people[0].surname;
		}
	}

	/** A named source: the full name (and with `withRole`, who they are) the first time, the surname after. */
	private person(which: 0 | 1, withRole: boolean): void {
		const person = this.thread.people[which];
		if (this.introduced[which]) {
			this.add(person.surname);
			return;
		}
		this.introduced[which] = true;
		this.add(person.full);
		if (!withRole) return;
		this.add(this.lexicon.comma);
		if (which === 0) {
			this.add(this.random.pick(this.lexicon.roles));
			this.add(this.lexicon.space);
			this.add(this.thread.org);
		} else {
			this.add(this.random.pick(this.lexicon.localRoles));
			this.add(this.lexicon.in);
			this.add(this.thread.place);
		}
	}
}

// ---------------------------------------------------------------------------
// Worker threads.

const WORKER_ROLE = "dateline-seed-synthetic";

/** The related pass's inputs, in shared memory so that workers read them without a copy. */
interface RelatedData {
	total: number;
	articleBase: number;
	keyIds: Int32Array;
	keyWeights: Float32Array;
	/** FTS5's idf per term. */
	idf: Float64Array;
	publishedAt: Float64Array;
	offsets: Int32Array;
	postingStory: Int32Array;
	postingWeight: Float32Array;
}

/** STORED_RELATED related story ids (-1 past the last) and their scores, per story of a range. */
interface RankedStories {
	start: number;
	ids: Int32Array;
	scores: Float64Array;
}

type WorkerRequest =
	| { type: "statistics"; id: number; start: number; stop: number }
	| { type: "prepare"; id: number; statistics: ArchiveStatistics }
	| { type: "render"; id: number; start: number; stop: number }
	| { type: "related-data"; id: number; data: RelatedData }
	| { type: "related"; id: number; start: number; stop: number };

type WorkerResult =
	| { statistics: { df: Int32Array; tokens: number } }
	| { rendered: RenderedStories }
	| { ranked: RankedStories }
	| { ready: true };

type WorkerReply = { id: number; ok: true; result: WorkerResult } | { id: number; ok: false; error: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * This process's Node.js options for a worker, without `--input-type`: it is
 * for `node -e` code, and a worker started from a file refuses it.
 */
function workerExecArgv(): string[] {
	const options: string[] = [];
	for (let i = 0; i < process.execArgv.length; i += 1) {
		const option = process.execArgv[i] as string;
		if (option === "--input-type") i += 1;
		else if (!option.startsWith("--input-type=")) options.push(option);
	}
	return options;
}

/** The workers: each rebuilds the archive's plan from the settings and answers requests in order. */
class WorkerPool {
	private readonly workers: Worker[] = [];
	private readonly pending = new Map<
		number,
		{ resolve: (result: WorkerResult) => void; reject: (error: Error) => void }
	>();
	private nextId = 0;
	private failure: Error | undefined;

	constructor(count: number, settings: ArchiveSettings) {
		for (let i = 0; i < count; i += 1) {
			const worker = new Worker(new URL(import.meta.url), {
				workerData: { role: WORKER_ROLE, settings },
				execArgv: workerExecArgv(),
				// A bounded heap makes the worker collect its garbage early instead of growing.
				resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
			});
			worker.on("message", (reply: WorkerReply) => {
				const waiting = this.pending.get(reply.id);
				this.pending.delete(reply.id);
				if (!waiting) return;
				if (reply.ok) waiting.resolve(reply.result);
				else waiting.reject(new Error(`seed-synthetic worker: ${reply.error}`));
			});
			worker.on("error", (error) => this.fail(error));
			worker.on("exit", (code) => {
				if (code !== 0) this.fail(new Error(`seed-synthetic worker exited with code ${code}`));
			});
			this.workers.push(worker);
		}
	}

	get size(): number {
		return this.workers.length;
	}

	request(worker: number, request: DistributiveOmit<WorkerRequest, "id">): Promise<WorkerResult> {
		if (this.failure) return Promise.reject(this.failure);
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.workers[worker]?.postMessage({ ...request, id });
		});
	}

	/** Sends the same request to every worker and waits for all of them. */
	async broadcast(request: DistributiveOmit<WorkerRequest, "id">): Promise<void> {
		await Promise.all(this.workers.map((_, worker) => this.request(worker, request)));
	}

	async close(): Promise<void> {
		const workers = this.workers.splice(0);
		await Promise.all(workers.map((worker) => worker.terminate()));
	}

	private fail(error: Error): void {
		this.failure ??= error;
		for (const waiting of this.pending.values()) waiting.reject(error);
		this.pending.clear();
	}
}

function serveWorker(port: NonNullable<typeof parentPort>, settings: ArchiveSettings): void {
	const archive = new Archive(settings);
	let statistics: ArchiveStatistics | undefined;
	let related: RelatedData | undefined;
	const answer = (request: WorkerRequest): { result: WorkerResult; transfer: ArrayBuffer[] } => {
		switch (request.type) {
			case "statistics": {
				const result = archive.statistics(request.start, request.stop);
				return { result: { statistics: result }, transfer: [result.df.buffer as ArrayBuffer] };
			}
			case "prepare":
				statistics = request.statistics;
				return { result: { ready: true }, transfer: [] };
			case "render": {
				if (!statistics) throw new Error("render before prepare");
				const rendered = archive.render(request.start, request.stop, statistics);
				return {
					result: { rendered },
					transfer: [rendered.keyIds.buffer as ArrayBuffer, rendered.keyWeights.buffer as ArrayBuffer],
				};
			}
			case "related-data":
				related = request.data;
				return { result: { ready: true }, transfer: [] };
			case "related": {
				if (!related) throw new Error("related before related-data");
				const ranked = rankRelatedRange(related, request.start, request.stop);
				return {
					result: { ranked },
					transfer: [ranked.ids.buffer as ArrayBuffer, ranked.scores.buffer as ArrayBuffer],
				};
			}
		}
	};
	port.on("message", (request: WorkerRequest) => {
		try {
			const { result, transfer } = answer(request);
			port.postMessage({ id: request.id, ok: true, result } satisfies WorkerReply, transfer);
		} catch (error) {
			const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
			port.postMessage({ id: request.id, ok: false, error: message } satisfies WorkerReply);
		}
	});
}

/**
 * Runs `count` pieces of work, on the workers where there are any, and hands
 * the results to `consume` in order. Each worker keeps up to two pieces in
 * hand; when the next piece is not ready, this thread does a later one itself
 * rather than wait.
 */
async function runPieces<T>(input: {
	count: number;
	pool: WorkerPool;
	local: (piece: number) => T;
	remote: (worker: number, piece: number) => Promise<T>;
	consume: (result: T, piece: number) => Promise<void> | void;
}): Promise<void> {
	const { count, pool } = input;
	const slots: { result?: T; promise?: Promise<T>; worker?: number }[] = Array.from({ length: count }, () => ({}));
	const inFlight = new Array<number>(pool.size).fill(0);
	const held = new Array<number>(pool.size).fill(0);
	let nextUnassigned = 0;
	const topUp = () => {
		for (let worker = 0; worker < pool.size; worker += 1) {
			while (nextUnassigned < count && (inFlight[worker] ?? 0) < 2 && (held[worker] ?? 0) < 3) {
				const piece = nextUnassigned++;
				const slot = slots[piece] ?? {};
				slot.worker = worker;
				inFlight[worker] = (inFlight[worker] ?? 0) + 1;
				held[worker] = (held[worker] ?? 0) + 1;
				slot.promise = input.remote(worker, piece).then((result) => {
					inFlight[worker] = (inFlight[worker] ?? 0) - 1;
					slot.result = result;
					return result;
				});
				// A failure surfaces when its piece is awaited; this only keeps it from being reported as unhandled.
				slot.promise.catch(() => {});
			}
		}
	};
	for (let piece = 0; piece < count; piece += 1) {
		topUp();
		const slot = slots[piece] ?? {};
		while (slot.promise && slot.result === undefined && nextUnassigned < count) {
			const own = slots[nextUnassigned] ?? {};
			own.result = input.local(nextUnassigned++);
			// Let finished workers report before deciding again.
			await new Promise((resolve) => setImmediate(resolve));
		}
		if (!slot.promise && slot.result === undefined) {
			slot.result = input.local(piece);
			nextUnassigned = Math.max(nextUnassigned, piece + 1);
		}
		const result = slot.result ?? (await (slot.promise as Promise<T>));
		if (slot.worker !== undefined) held[slot.worker] = (held[slot.worker] ?? 0) - 1;
		slots[piece] = {};
		await input.consume(result, piece);
	}
}

// ---------------------------------------------------------------------------
// Seeding.

function validate(options: SeedSyntheticOptions): ArchiveSettings & { workers: number | undefined } {
	const resolved = {
		articles: options.articles,
		sections: options.sections ?? SECTIONS.length,
		authors: options.authors ?? 200,
		tags: options.tags ?? 2000,
		seed: options.seed ?? 1,
		workers: options.workers,
	};
	const whole = (name: string, value: number, min: number, max: number) => {
		if (!Number.isInteger(value) || value < min || value > max)
			throw new AppError("ERR_VALIDATION", `${name} must be a whole number from ${min} to ${max}; got ${value}.`);
	};
	whole("articles", resolved.articles, 0, 10_000_000);
	whole("sections", resolved.sections, 1, SECTIONS.length);
	whole("authors", resolved.authors, 1, 1000);
	whole("tags", resolved.tags, 0, 1_000_000);
	whole("seed", resolved.seed, 0, 2 ** 32 - 1);
	if (resolved.workers !== undefined) whole("workers", resolved.workers, 0, 64);
	return resolved;
}

/** Workers need this module as JavaScript (the compiled build); under a TypeScript test runner it runs inline. */
function defaultWorkers(articles: number): number {
	if (!import.meta.url.endsWith(".js") || articles < 2000) return 0;
	return Math.max(0, Math.min(4, os.availableParallelism() - 1));
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

/** A typed array over shared memory, which workers can read without a copy. */
function shared<T extends Int32Array | Float32Array | Float64Array>(
	type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
	length: number,
): T {
	return new type(new SharedArrayBuffer(Math.max(1, length) * type.BYTES_PER_ELEMENT));
}

/**
 * Writes a synthetic archive of `options.articles` published stories into an
 * empty site (no stories, sections, people or tags): sections (some nested),
 * authors, tags, stories with 1–2 bylines and 2–5 tags dated over the five
 * years before `clock.now()`, their search index, and their "Check Also"
 * lists. The same seed and clock give the same archive, whatever the number
 * of workers. Memory stays bounded: bodies exist only a few batches at a time.
 */
export async function seedSynthetic(
	deps: SeedSyntheticDeps,
	options: SeedSyntheticOptions,
): Promise<SeedSyntheticResult> {
	const resolved = validate(options);
	const settings: ArchiveSettings = {
		articles: resolved.articles,
		sections: resolved.sections,
		authors: resolved.authors,
		tags: resolved.tags,
		seed: resolved.seed,
	};
	const { db, adapter, clock } = deps;
	const progress = options.onProgress ?? (() => {});
	const total = settings.articles;
	await requireEmptySite(db);

	// A bulk load: a bigger page cache, and no syncing to disk until the end (a crash
	// means seeding again). Both are this connection's settings, put back afterwards.
	let restore: { cacheSize: number; synchronous: number } | undefined;
	if (adapter.name === "sqlite") {
		const cacheSize = (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db)).rows[0]?.cache_size;
		const synchronous = (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db)).rows[0]?.synchronous;
		restore = { cacheSize: cacheSize ?? -2000, synchronous: synchronous ?? 1 };
		await sql`PRAGMA cache_size = -65536`.execute(db);
		await sql`PRAGMA synchronous = OFF`.execute(db);
	}
	const pool = new WorkerPool(resolved.workers ?? defaultWorkers(total), settings);
	try {
		// --- setup: sections, authors, tags.
		progress(0, 3, "setup");
		const archive = new Archive(settings);
		const plan = archive.plan;
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

		// --- plan: dates, and the word statistics that key terms and BM25 need.
		const publishedAt = shared(Float64Array, total);
		const dateRandom = new Random(storySeed(settings.seed, -3));
		const end = now.getTime() - 10 * 60_000;
		const span = ARCHIVE_DAYS * DAY;
		const step = total > 0 ? span / total : 0;
		for (let index = 0; index < total; index += 1) {
			publishedAt[index] = Math.floor(end - span + (index + dateRandom.next()) * step);
		}
		const statistics = await collectStatistics(archive, pool, progress);

		// --- articles: stories, bylines, tags and the search index, batch by batch.
		const articleBase = await nextId(db, "articles");
		const keyIds = shared(Int32Array, total * INDEX_TERMS);
		const keyWeights = shared(Float32Array, total * INDEX_TERMS);
		const slugs = new Set<string>();
		const writeBatch = async (rendered: RenderedStories) => {
			const articleRows: Insertable<ArticleTable>[] = [];
			const bylineRows: { article_id: number; person_id: number; position: number }[] = [];
			const tagRows: { article_id: number; tag_id: number; position: number }[] = [];
			rendered.headlines.forEach((headline, offset) => {
				const index = rendered.start + offset;
				const id = articleBase + index;
				const thread = archive.thread(index);
				const random = new Random(storySeed(settings.seed, total + index));
				const base = slugify(headline) || `story-${index + 1}`;
				let slug = base;
				for (let n = 2; slugs.has(slug); n += 1) slug = `${base}-${n}`;
				slugs.add(slug);
				const published = publishedAt[index] as number;
				const updated = random.chance(0.12) ? Math.min(end, published + (1 + random.int(47)) * 3_600_000) : null;
				articleRows.push({
					id,
					slug,
					status: "published",
					headline,
					standfirst: rendered.standfirsts[offset] ?? "",
					body_source: rendered.sources[offset] ?? "",
					body_html: rendered.htmls[offset] ?? "",
					body_text: rendered.texts[offset] ?? "",
					dateline_place: thread.place.text,
					source_line: "",
					language: "en",
					section_id: sectionIds[thread.section] as number,
					published_at: new Date(published).toISOString(),
					updated_at: updated === null ? null : new Date(updated).toISOString(),
					scheduled_at: null,
					created_at: new Date(published - (1 + random.int(8)) * 3_600_000).toISOString(),
					modified_at: new Date(updated ?? published).toISOString(),
					revision: 1,
					featured_media_id: null,
					created_by: null,
				});
				bylineRows.push({ article_id: id, person_id: personBase + thread.reporter, position: 0 });
				if (thread.secondReporter >= 0 && random.chance(0.2))
					bylineRows.push({ article_id: id, person_id: personBase + thread.secondReporter, position: 1 });
				const tagCount = Math.min(thread.tags.length, 2 + random.int(4));
				for (let position = 0; position < tagCount; position += 1) {
					tagRows.push({ article_id: id, tag_id: tagBase + (thread.tags[position] as number), position });
				}
			});
			keyIds.set(rendered.keyIds, rendered.start * INDEX_TERMS);
			keyWeights.set(rendered.keyWeights, rendered.start * INDEX_TERMS);
			await db.transaction().execute(async (trx) => {
				await insertChunks(articleRows, (chunk) => trx.insertInto("articles").values(chunk).execute());
				await insertChunks(bylineRows, (chunk) => trx.insertInto("article_people").values(chunk).execute());
				await insertChunks(tagRows, (chunk) => trx.insertInto("article_tags").values(chunk).execute());
				for (const [offset, headline] of rendered.headlines.entries()) {
					const id = articleBase + rendered.start + offset;
					await adapter.indexDocument(trx, searchDocument({ id, headline, bodyText: rendered.texts[offset] ?? "" }));
				}
			});
			progress(rendered.start + rendered.headlines.length, total, "articles");
		};
		const range = (batch: number): [number, number] => [
			batch * WRITE_BATCH,
			Math.min(total, (batch + 1) * WRITE_BATCH),
		];
		await runPieces({
			count: Math.ceil(total / WRITE_BATCH),
			pool,
			local: (batch) => archive.render(...range(batch), statistics),
			remote: async (worker, batch) => {
				const [start, stop] = range(batch);
				const reply = await pool.request(worker, { type: "render", start, stop });
				if (!("rendered" in reply)) throw new Error("A worker answered a render without stories.");
				return reply.rendered;
			},
			consume: writeBatch,
		});
		slugs.clear();

		// --- related: BM25 over an inverted index of every story's key terms.
		const relatedRows = await writeRelated({
			db,
			pool,
			data: buildRelatedData({ total, articleBase, keyIds, keyWeights, df: statistics.df, publishedAt }),
			progress,
		});

		// A word found in about 1 % of the stories, for benchmarks of search.
		const terms = archive.terms;
		let searchWord = "";
		let searchWordStories = 0;
		const wanted = Math.max(2, total / 100);
		for (let term = 0; term < terms.size; term += 1) {
			const name = terms.names[term] as string;
			const stories = statistics.df[term] ?? 0;
			if (terms.excluded[term] === 1 || stories === 0 || !/^[a-z]{5,}$/.test(name)) continue;
			const distance = Math.abs(stories - wanted) - Math.abs(searchWordStories - wanted);
			if (searchWord === "" || distance < 0 || (distance === 0 && name < searchWord)) {
				searchWord = name;
				searchWordStories = stories;
			}
		}

		const siteSettings = new SettingsService(db);
		if ((await siteSettings.site()).name === "Dateline") {
			await siteSettings.updateSite({
				name: "Dateline News",
				tagline: "A synthetic archive for benchmarks",
				language: "en",
				sourceLine: "Dateline News",
			});
		}
		if (!(await siteSettings.initializedAt())) await siteSettings.markInitialized(now);
		const result: SeedSyntheticResult = {
			articles: total,
			sections: plan.sections.length,
			authors: plan.authors.length,
			tags: plan.tags.length,
			relatedRows,
			searchWord,
			searchWordStories,
		};
		const record = JSON.stringify({ ...result, seed: settings.seed, at: now.toISOString() });
		await db
			.insertInto("settings")
			.values({ key: SYNTHETIC_SETTINGS_KEY, value: record })
			.onConflict((oc) => oc.column("key").doUpdateSet({ value: record }))
			.execute();

		if (adapter.name === "postgres") {
			// Explicit ids leave the sequences behind; the next row written live must not collide.
			for (const table of ["articles", "people", "tags"] as const) {
				await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
					db,
				);
			}
		}
		await adapter.afterBulkLoad(db);
		return result;
	} finally {
		await pool.close();
		if (restore) {
			await sql`PRAGMA synchronous = ${sql.raw(String(restore.synchronous))}`.execute(db);
			await sql`PRAGMA cache_size = ${sql.raw(String(restore.cacheSize))}`.execute(db);
			// Everything to the main file, with a sync, and an empty log for the next process.
			await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
		}
	}
}

/**
 * Story `index` of the archive that `options` describe, with the tokens and
 * the key terms the bulk pass works from. For tests: they check these against
 * `tokenize`, `termCounts` and `keyTerms` over the written archive.
 */
export function describeSyntheticStory(
	options: Omit<SeedSyntheticOptions, "onProgress" | "workers">,
	index: number,
): { headline: string; bodySource: string; headlineTokens: string[]; bodyTokens: string[]; keyTerms: string[] } {
	const { workers: _workers, ...settings } = validate(options);
	const archive = new Archive(settings);
	const counted = archive.statistics(0, settings.articles);
	const statistics = {
		df: counted.df,
		total: settings.articles,
		averageTokens: settings.articles > 0 ? counted.tokens / settings.articles : 1,
	};
	const story = archive.story(index, false);
	const names = (terms: readonly number[]) => terms.map((term) => archive.terms.names[term] as string);
	const keyTerms = names(archive.keyTerms(story, statistics));
	archive.clearScratch(story);
	return {
		headline: story.headline,
		bodySource: story.bodySource,
		headlineTokens: names(story.headlineTerms),
		bodyTokens: names(story.bodyTerms),
		keyTerms,
	};
}

/** Document frequencies over the whole archive, in pieces shared between this thread and the workers. */
async function collectStatistics(
	archive: Archive,
	pool: WorkerPool,
	progress: (done: number, total: number, phase: SeedSyntheticPhase) => void,
): Promise<ArchiveStatistics> {
	const total = archive.settings.articles;
	const df = new Int32Array(archive.terms.size);
	let tokens = 0;
	const range = (piece: number): [number, number] => [
		piece * STATISTICS_PIECE,
		Math.min(total, (piece + 1) * STATISTICS_PIECE),
	];
	await runPieces({
		count: Math.ceil(total / STATISTICS_PIECE),
		pool,
		local: (piece) => archive.statistics(...range(piece)),
		remote: async (worker, piece) => {
			const [start, stop] = range(piece);
			const reply = await pool.request(worker, { type: "statistics", start, stop });
			if (!("statistics" in reply)) throw new Error("A worker answered statistics without them.");
			return reply.statistics;
		},
		consume: (counted, piece) => {
			if (counted.df.length !== df.length) throw new Error("A worker's vocabulary differs from this thread's.");
			for (let term = 0; term < df.length; term += 1) df[term] = (df[term] ?? 0) + (counted.df[term] ?? 0);
			tokens += counted.tokens;
			progress(range(piece)[1], total, "plan");
		},
	});
	const statistics = { df, total, averageTokens: total > 0 ? tokens / total : 1 };
	await pool.broadcast({ type: "prepare", statistics });
	return statistics;
}

/**
 * The inverted index of the related pass: for each term, the stories that
 * have it among their INDEX_TERMS key terms, with its BM25 term weight there
 * (entries offsets[t] .. offsets[t + 1]). A list longer than POSTINGS_PER_TERM
 * keeps its strongest entries (ties: the older story).
 */
function buildRelatedData(input: {
	total: number;
	articleBase: number;
	keyIds: Int32Array;
	keyWeights: Float32Array;
	df: Int32Array;
	publishedAt: Float64Array;
}): RelatedData {
	const { total, keyIds, keyWeights } = input;
	const termCount = input.df.length;
	const lengths = new Int32Array(termCount);
	for (const term of keyIds) if (term >= 0) lengths[term] = (lengths[term] ?? 0) + 1;
	const offsets = shared(Int32Array, termCount + 1);
	const fullOffsets = new Int32Array(termCount + 1);
	for (let term = 0; term < termCount; term += 1) {
		const length = lengths[term] ?? 0;
		fullOffsets[term + 1] = (fullOffsets[term] ?? 0) + length;
		offsets[term + 1] = (offsets[term] ?? 0) + Math.min(length, POSTINGS_PER_TERM);
	}
	const fullStory = new Int32Array(fullOffsets[termCount] ?? 0);
	const fullWeight = new Float32Array(fullStory.length);
	const fill = fullOffsets.slice(0, termCount);
	for (let slot = 0; slot < keyIds.length; slot += 1) {
		const term = keyIds[slot] as number;
		if (term < 0) continue;
		const at = fill[term] as number;
		fullStory[at] = Math.floor(slot / INDEX_TERMS);
		fullWeight[at] = keyWeights[slot] as number;
		fill[term] = at + 1;
	}
	const postingStory = shared(Int32Array, offsets[termCount] ?? 0);
	const postingWeight = shared(Float32Array, offsets[termCount] ?? 0);
	for (let term = 0; term < termCount; term += 1) {
		const first = fullOffsets[term] as number;
		const last = fullOffsets[term + 1] as number;
		const into = offsets[term] as number;
		if (last - first <= POSTINGS_PER_TERM) {
			postingStory.set(fullStory.subarray(first, last), into);
			postingWeight.set(fullWeight.subarray(first, last), into);
			continue;
		}
		const order = Array.from({ length: last - first }, (_, i) => first + i);
		order.sort(
			(a, b) =>
				(fullWeight[b] as number) - (fullWeight[a] as number) || (fullStory[a] as number) - (fullStory[b] as number),
		);
		for (let i = 0; i < POSTINGS_PER_TERM; i += 1) {
			const at = order[i] as number;
			postingStory[into + i] = fullStory[at] as number;
			postingWeight[into + i] = fullWeight[at] as number;
		}
	}
	// FTS5's idf, floored at a millionth as FTS5 floors it.
	const idf = shared(Float64Array, termCount);
	for (let term = 0; term < termCount; term += 1) {
		const hits = input.df[term] ?? 0;
		const value = Math.log((total - hits + 0.5) / (hits + 0.5));
		idf[term] = value > 0 ? value : 1e-6;
	}
	return {
		total,
		articleBase: input.articleBase,
		keyIds,
		keyWeights,
		idf,
		publishedAt: input.publishedAt,
		offsets,
		postingStory,
		postingWeight,
	};
}

/**
 * "Check Also" for stories [start, stop), by BM25 as FTS5 computes it (idf
 * over the whole archive, the headline counted three times, length-normalised)
 * on the index of key terms, queried with each story's QUERY_TERMS best:
 *
 * 1. candidates: scores accumulated over the query terms' (pruned) posting
 *    lists;
 * 2. the RESCORED best candidates are scored again exactly, from their own key
 *    terms, so pruning changes which stories are considered, not their scores;
 * 3. the best CANDIDATES go through `rankRelated` (the lean towards stories
 *    close in time), and the best STORED_RELATED are kept.
 */
function rankRelatedRange(data: RelatedData, start: number, stop: number): RankedStories {
	const { total, keyIds, keyWeights, idf, offsets, postingStory, postingWeight, publishedAt } = data;
	const ranked: RankedStories = {
		start,
		ids: new Int32Array((stop - start) * STORED_RELATED).fill(-1),
		scores: new Float64Array((stop - start) * STORED_RELATED),
	};
	const scores = new Float64Array(total);
	const touched = new Int32Array(total);
	const queryIdf = new Float64Array(idf.length);
	const heapScore = new Float64Array(RESCORED);
	const heapStory = new Int32Array(RESCORED);
	const bestStory = new Int32Array(CANDIDATES);
	const bestScore = new Float64Array(CANDIDATES);
	for (let story = start; story < stop; story += 1) {
		const query = story * INDEX_TERMS;
		// 1. Accumulate over the posting lists.
		let touchedCount = 0;
		for (let k = 0; k < QUERY_TERMS; k += 1) {
			const term = keyIds[query + k] as number;
			if (term < 0) break;
			const weight = idf[term] as number;
			queryIdf[term] = weight;
			const last = offsets[term + 1] as number;
			for (let at = offsets[term] as number; at < last; at += 1) {
				const other = postingStory[at] as number;
				if (other === story) continue;
				const before = scores[other] as number;
				if (before === 0) touched[touchedCount++] = other;
				scores[other] = before + weight * (postingWeight[at] as number);
			}
		}
		// The RESCORED best by that score, in a min-heap.
		let heapSize = 0;
		for (let i = 0; i < touchedCount; i += 1) {
			const other = touched[i] as number;
			const score = scores[other] as number;
			scores[other] = 0;
			if (heapSize < RESCORED) {
				let at = heapSize++;
				while (at > 0) {
					const parent = (at - 1) >> 1;
					if ((heapScore[parent] as number) <= score) break;
					heapScore[at] = heapScore[parent] as number;
					heapStory[at] = heapStory[parent] as number;
					at = parent;
				}
				heapScore[at] = score;
				heapStory[at] = other;
			} else if (score > (heapScore[0] as number)) {
				let at = 0;
				for (;;) {
					const left = 2 * at + 1;
					if (left >= heapSize) break;
					const right = left + 1;
					const child = right < heapSize && (heapScore[right] as number) < (heapScore[left] as number) ? right : left;
					if ((heapScore[child] as number) >= score) break;
					heapScore[at] = heapScore[child] as number;
					heapStory[at] = heapStory[child] as number;
					at = child;
				}
				heapScore[at] = score;
				heapStory[at] = other;
			}
		}
		// 2. Exact scores from each candidate's own key terms; the best CANDIDATES, ties to the older story.
		let kept = 0;
		for (let i = 0; i < heapSize; i += 1) {
			const other = heapStory[i] as number;
			const base = other * INDEX_TERMS;
			let score = 0;
			for (let j = 0; j < INDEX_TERMS; j += 1) {
				const term = keyIds[base + j] as number;
				if (term < 0) break;
				score += (queryIdf[term] as number) * (keyWeights[base + j] as number);
			}
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
		for (let k = 0; k < QUERY_TERMS; k += 1) {
			const term = keyIds[query + k] as number;
			if (term < 0) break;
			queryIdf[term] = 0;
		}
		// 3. The lean towards stories close in time, as live.
		const candidates: RelatedCandidate[] = [];
		for (let i = 0; i < kept; i += 1) {
			const other = bestStory[i] as number;
			candidates.push({
				id: data.articleBase + other,
				score: bestScore[i] as number,
				publishedAt: new Date(publishedAt[other] as number),
			});
		}
		const best = rankRelated({
			candidates,
			publishedAt: new Date(publishedAt[story] as number),
			limit: STORED_RELATED,
		});
		const into = (story - start) * STORED_RELATED;
		for (const [rank, entry] of best.entries()) {
			ranked.ids[into + rank] = entry.id;
			ranked.scores[into + rank] = entry.score;
		}
	}
	return ranked;
}

/** Computes every story's "Check Also" in pieces (here and in the workers) and stores them; returns the rows written. */
async function writeRelated(input: {
	db: Db;
	pool: WorkerPool;
	data: RelatedData;
	progress: (done: number, total: number, phase: SeedSyntheticPhase) => void;
}): Promise<number> {
	const { db, pool, data } = input;
	await pool.broadcast({ type: "related-data", data });
	const range = (piece: number): [number, number] => [
		piece * RELATED_BATCH,
		Math.min(data.total, (piece + 1) * RELATED_BATCH),
	];
	let written = 0;
	await runPieces({
		count: Math.ceil(data.total / RELATED_BATCH),
		pool,
		local: (piece) => rankRelatedRange(data, ...range(piece)),
		remote: async (worker, piece) => {
			const [start, stop] = range(piece);
			const reply = await pool.request(worker, { type: "related", start, stop });
			if (!("ranked" in reply)) throw new Error("A worker answered related without lists.");
			return reply.ranked;
		},
		consume: async (ranked, piece) => {
			const rows: { article_id: number; related_id: number; rank: number; score: number }[] = [];
			const [start, stop] = range(piece);
			for (let story = start; story < stop; story += 1) {
				for (let rank = 0; rank < STORED_RELATED; rank += 1) {
					const at = (story - start) * STORED_RELATED + rank;
					const id = ranked.ids[at] as number;
					if (id < 0) break;
					rows.push({ article_id: data.articleBase + story, related_id: id, rank, score: ranked.scores[at] as number });
				}
			}
			await db.transaction().execute(async (trx) => {
				await insertChunks(rows, (chunk) => trx.insertInto("related").values(chunk).execute());
			});
			written += rows.length;
			input.progress(stop, data.total, "related");
		},
	});
	return written;
}

// Started as a worker by WorkerPool: answer requests until terminated.
if (!isMainThread && parentPort && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE) {
	serveWorker(parentPort, (workerData as { settings: ArchiveSettings }).settings);
}
