import { TEST_NOW, type TestSite } from "./test-site.js";

const HOUR = 3_600_000;
const at = (hoursAgo: number) => new Date(TEST_NOW.getTime() - hoursAgo * HOUR);

/** Ids and slugs of the stories `buildReaderFixture` creates. */
export interface ReaderFixture {
	talksOpen: number;
	talksEnd: number;
	herat: number;
	draft: number;
	sportCount: number;
}

/**
 * A small newsroom with known content: a nested section, two people, a pair of
 * related stories (one with two bylines and an update), a draft, and enough
 * sport stories to fill two pages.
 */
export async function buildReaderFixture(site: TestSite): Promise<ReaderFixture> {
	const { services } = site;
	const news = await services.sections.create({
		name: "National News",
		slug: "news",
		description: "News from across the country.",
		position: 0,
	});
	const provinces = await services.sections.create({
		name: "Provinces",
		slug: "provinces",
		parentId: news.id,
		description: "Stories from the provinces.",
	});
	const sport = await services.sections.create({ name: "Sport", slug: "sport", position: 1 });
	const farida = await services.people.create({
		name: "Farida Amiri",
		jobTitle: "Senior Correspondent",
		bio: "Farida Amiri covers water, roads and trade from Kabul.",
	});
	const omid = await services.people.create({
		name: "Omid Rahimi",
		jobTitle: "Reporter",
		bio: "Omid Rahimi reports on the economy.",
	});

	const talksOpen = await services.articles.createDraft({
		headline: "Water talks open in Kabul on sharing the Kunar river",
		standfirst: "Delegations meet to discuss flow data and irrigation.",
		bodySource:
			'Delegations from both sides of the border met in Kabul on Monday to discuss sharing the waters of the Kunar river, in the first formal water-sharing talks for several years. Officials said the talks would cover river flow data, irrigation needs during the dry months and a possible treaty.\n\n"We have waited a long time for this," said a farmer from Asadabad.',
		datelinePlace: "Kabul",
		sectionId: news.id,
		personIds: [farida.id],
		tagNames: ["Water", "Kunar talks"],
	});
	await services.articles.publish(talksOpen, { at: at(72) });

	const herat = await services.articles.createDraft({
		headline: "Herat saffron growers expect a record harvest",
		bodySource: "Saffron growers around Herat say the autumn harvest will be the largest yet.",
		datelinePlace: "Herat",
		sectionId: provinces.id,
		personIds: [omid.id],
		tagNames: ["Agriculture"],
	});
	await services.articles.publish(herat, { at: at(48) });

	for (let i = 1; i <= 21; i += 1) {
		const id = await services.articles.createDraft({
			headline: `Cricket league round ${i}: Balkh and Nangarhar trade wins`,
			bodySource: `Round ${i} of the league saw close finishes at the stadium in Mazar-i-Sharif.`,
			datelinePlace: "Mazar-i-Sharif",
			sectionId: sport.id,
			personIds: [omid.id],
			tagNames: ["Cricket"],
		});
		await services.articles.publish(id, { at: at(200 + i) });
	}

	const talksEnd = await services.articles.createDraft({
		headline: "Kunar talks end with agreement to share river flow data",
		standfirst: "Both delegations will exchange daily readings from river gauges.",
		bodySource:
			"The water-sharing talks on the Kunar river ended in Kabul with both delegations agreeing to exchange daily flow data.\n\nNegotiators said a treaty on irrigation could follow next year.",
		datelinePlace: "Kabul",
		sectionId: news.id,
		personIds: [farida.id, omid.id],
		tagNames: ["Water"],
	});
	site.clock.set(at(26));
	await services.articles.publish(talksEnd, { at: at(26) });
	site.clock.set(at(2));
	await services.articles.update(talksEnd, {
		headline: "Kunar talks end with agreement to share river flow data",
		standfirst: "Both delegations will exchange daily readings from river gauges.",
		bodySource:
			"The water-sharing talks on the Kunar river ended in Kabul with both delegations agreeing to exchange daily flow data.\n\nNegotiators said a treaty on irrigation could follow next year, and that engineers would meet again in the spring.",
		datelinePlace: "Kabul",
		sectionId: news.id,
		personIds: [farida.id, omid.id],
		tagNames: ["Water"],
	});
	site.clock.set(TEST_NOW);

	const draft = await services.articles.createDraft({
		headline: "Unpublished draft about the Kunar river",
		bodySource: "Not for readers yet.",
		sectionId: news.id,
		personIds: [farida.id],
	});
	return { talksOpen, talksEnd, herat, draft, sportCount: 21 };
}
