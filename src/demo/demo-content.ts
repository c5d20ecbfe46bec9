/**
 * Demo content shown to a newsroom on first start: a small national daily
 * with sections, bylines and a few weeks of stories. Every person, quote and
 * event here is fictional; place names are real.
 */
import type { DemoPerson, DemoSection, DemoStory } from "./demo-types.js";

export const demoSections: readonly DemoSection[] = [
	{
		slug: "news",
		name: "National News",
		description: "The day's main stories from the capital and across the country.",
	},
	{
		slug: "provinces",
		name: "Provinces",
		description:
			"Reporting from the provinces and districts, from the valleys of Badakhshan to the plains of Kandahar.",
		parent: "news",
	},
	{
		slug: "business",
		name: "Business",
		description: "Trade, prices, markets and the small firms that keep the economy moving.",
	},
	{
		slug: "sport",
		name: "Sport",
		description: "Cricket, football, futsal and buzkashi, from school pitches to the national stadium.",
	},
	{
		slug: "culture",
		name: "Culture",
		description: "Books, crafts, heritage and the people keeping old arts alive.",
	},
	{
		slug: "weather",
		name: "Weather",
		description: "Forecasts, warnings and the effect of the seasons on roads, farms and homes.",
	},
];

export const demoPeople: readonly DemoPerson[] = [
	{
		slug: "farid-noori",
		name: "Farid Noori",
		jobTitle: "Senior Correspondent",
		bio: "Farid Noori has reported from the capital and the provinces for fifteen years, covering roads, water and trade. He grew up in Charikar and studied engineering before turning to journalism.",
	},
	{
		slug: "mariam-haidari",
		name: "Mariam Haidari",
		jobTitle: "Business Editor",
		bio: "Mariam Haidari edits the business pages and writes about prices, markets and small firms. Before joining Dateline News she worked as an economist for a microfinance organisation in Herat. She is especially interested in how households cope when the price of bread changes.",
	},
	{
		slug: "sohail-karimi",
		name: "Sohail Karimi",
		jobTitle: "Sports Reporter",
		bio: "Sohail Karimi covers cricket, football and futsal, and has a soft spot for school leagues. He played club cricket in Jalalabad until a knee injury moved him to the press box.",
	},
	{
		slug: "nadia-sultani",
		name: "Nadia Sultani",
		jobTitle: "Provinces and Culture Correspondent",
		bio: "Nadia Sultani travels widely to report on health, education and culture outside the capital. She is from Bamyan and writes in Dari and English. Her reporting on rural clinics has been used in training courses for young journalists.",
	},
];

export const demoStories: readonly DemoStory[] = [
	// ---------------------------------------------------------------- news
	{
		slug: "water-talks-open-in-kabul-on-sharing-the-kunar-river",
		headline: "Water talks open in Kabul on sharing the Kunar river",
		standfirst:
			"Delegations from both sides of the border meet for two days on river flow data, irrigation needs and a possible water-sharing treaty.",
		section: "news",
		datelinePlace: "Kabul",
		sourceLine: "Dateline News with agencies",
		authors: ["farid-noori"],
		tags: ["Water", "Agriculture", "Energy"],
		hoursAgo: 30,
		body: `Technical delegations from both sides of the border sat down in the capital on Tuesday for two days of talks on how the waters of the Kunar river should be shared, measured and managed, the first meeting of its kind in several years.

The Kunar rises in the mountains to the north-east and runs through Kunar province before joining the Kabul river near Jalalabad. Tens of thousands of farming families depend on it for irrigation, and plans for small hydropower dams along its course have long worried communities downstream.

"Nobody is asking for a treaty this week," said Hamidullah Zarif, an engineer with the national water authority who is leading the home delegation. "We are asking for something simpler: that both sides measure the flow of the river in the same way, and share what they measure."

Officials said the agenda covers river flow data, early warning of floods, the irrigation needs of the spring planting season and, in later rounds, the shape of a possible water-sharing treaty.

Farmers in the Kunar valley say the talks matter more to them than any speech. "When the river is low in August, my canal is dry and my maize dies," said Gul Agha Safi, who farms four jeribs of land near Asadabad. "If the engineers talk, maybe the water will come on time."

Hydrologists at Kabul University said reliable flow records for the Kunar are patchy, with several gauging stations damaged or abandoned over the past two decades. Restoring them, they said, would be a cheap and sensible first step for both delegations.

The talks continue on Wednesday, with a joint statement expected in the evening.`,
	},
	{
		slug: "kunar-water-talks-end-with-deal-to-share-river-flow-data",
		headline: "Kunar water talks end with deal to share river flow data",
		standfirst:
			"The two delegations agree to restore gauging stations and exchange daily readings, leaving a full water-sharing treaty for later rounds.",
		section: "news",
		datelinePlace: "Kabul",
		authors: ["farid-noori", "nadia-sultani"],
		tags: ["Water", "Agriculture", "Energy"],
		hoursAgo: 6,
		updatedHoursAgo: 2,
		body: `Two days of talks on the Kunar river ended in the capital on Wednesday evening with an agreement to exchange river flow data every day and to rebuild gauging stations on both sides of the border, a modest deal that negotiators described as the foundation for anything larger.

The delegations, made up mostly of engineers and irrigation officials, stopped short of discussing how the water itself should be divided. A water-sharing treaty, they said, would be taken up in later rounds of talks, once both sides trusted the same numbers.

## What the deal covers

According to the joint statement read out at the end of the talks, the two delegations agreed to:

- restore four gauging stations on the Kunar river before the spring floods;
- exchange daily flow readings by telephone and email, and hourly readings during flood alerts;
- set up a joint technical committee that will meet every three months;
- invite farmers' representatives from irrigation districts along the river to the next round.

"It is not a treaty, and we never said it would be," said Hamidullah Zarif, the engineer who led the home delegation. "But a treaty without shared flow data is a piece of paper. Now we will have the data."

## Farmers cautiously hopeful

In Asadabad, news of the deal was met with cautious relief. Irrigation committees along the river have complained for years that they learn of sudden rises in the water only when it reaches their fields.

"If they telephone us when the river is rising, we can close the canal gates and save the crops," said Zarmina Hotak, who keeps the books for a farmers' water committee in the lower valley. "That alone is worth the talks."

The next round of Kunar talks is expected in the summer, after the snowmelt.`,
	},
	{
		slug: "salang-tunnel-to-close-at-night-for-three-weeks-of-repairs",
		headline: "Salang tunnel to close at night for three weeks of repairs",
		standfirst:
			"Lorries face long waits as engineers replace lighting and ventilation fans on the main road link between Kabul and the north.",
		section: "news",
		datelinePlace: "Kabul",
		authors: ["farid-noori"],
		tags: ["Roads", "Trade"],
		hoursAgo: 18,
		updatedHoursAgo: 9,
		body: `The Salang tunnel, the main road link between the capital and the northern provinces, will close to traffic every night for three weeks from Saturday while engineers replace its lighting and ventilation fans, the public works ministry said.

The tunnel will be shut **from 10pm to 5am each night**, with traffic allowed in both directions during the day. Officials said ambulances and other emergency vehicles would still be let through at night after a short wait at the barrier.

"The fans in the tunnel are older than most of the drivers who use it," said Rahmatullah Sherzad, the engineer in charge of the work. "If we do not replace them now, we will have to close the tunnel for much longer later."

Lorry drivers and traders greeted the news with a sigh. Thousands of lorries use the pass each day, carrying fuel, flour and building materials south, and fruit and vegetables north.

"Three weeks of night closures means three weeks of queues in the afternoon," said Noor Agha Wardak, who drives a fuel tanker between Hairatan and Kabul. "We will sleep in the cab at the foot of the pass, as usual. We are used to it."

The ministry urged drivers to check the weather before setting out, as snow on the approach roads can add hours to the journey. It said any change to the closure times would be announced on national radio the evening before.

The tunnel, built in the 1960s and more than two and a half kilometres long, was last given a major overhaul several years ago.`,
	},
	{
		slug: "primary-schools-to-receive-new-textbooks-before-spring-term",
		headline: "Primary schools to receive new textbooks before spring term",
		standfirst:
			"Printers in Kabul are working double shifts to deliver three million books to schools across the country.",
		section: "news",
		datelinePlace: "Kabul",
		authors: ["nadia-sultani"],
		tags: ["Education", "Youth"],
		hoursAgo: 120,
		body: `More than three million new textbooks will be delivered to primary schools across the country before the start of the spring term, the education ministry said on Sunday, ending years in which pupils shared tattered copies between three or four children.

Two printing houses in the capital have been running double shifts since November to finish the order. The books, covering reading, mathematics and science for the first six grades, will be trucked to provincial centres and then carried to district schools by local education offices.

"Last year I had forty-two pupils and eleven reading books," said Shabnam Azizi, who teaches second grade at a school outside Charikar. "The children took turns. Some of them only held a book once a week."

Education officials said the hardest part of the job was not printing but delivery. Some schools in Badakhshan, Nuristan and Ghor can only be reached on foot or by donkey once the snow sets in, and books for those districts were sent out first, in October.

"We started with the places that the snow closes," said Mohammad Yasin Naderi, who manages distribution for the ministry. "The schools near the main roads can wait a few weeks. The mountain schools cannot."

Parents said the books would make a difference at home as well as in the classroom. Many families cannot afford to buy books, and a school textbook is often the only printed material in the house.

The ministry said a second order, for reading books for school libraries, would be placed in the summer.`,
	},
	{
		slug: "mobile-internet-reaches-40-more-district-centres",
		headline: "Mobile internet reaches 40 more district centres",
		standfirst:
			"Operators say new towers bring 4G to towns in the central highlands for the first time, though the price of data remains a worry.",
		section: "news",
		datelinePlace: "Kabul",
		authors: ["mariam-haidari"],
		tags: ["Internet", "Small Business"],
		hoursAgo: 210,
		body: `Mobile internet reached forty more district centres this month as operators switched on new towers across the central highlands and the north-east, the telecommunications regulator said, bringing fast data to towns that until now relied on patchy 2G signals.

The new sites, many of them powered by solar panels and batteries because they are far from the grid, bring 4G coverage to places such as Panjab in Bamyan province and Shahr-e Buzurg in Badakhshan.

"Before, to send a photo of a receipt to my supplier in Kabul, I had to climb the hill behind the bazaar," said Abdul Qadir Sahak, who sells phones and scratch cards in a district market in Daikundi. "Now I do it from behind my counter."

Teachers and health workers said faster connections would help them file reports and take online training courses, while shopkeepers said mobile money was finally becoming practical in their districts.

Price remains the main complaint. A gigabyte of data still costs more than a day's wages for a labourer in many districts, and most users buy small bundles of a few hundred megabytes at a time.

"Coverage is only half the story," said Laila Ahmadzai, a researcher who studies mobile phone use in rural areas. "If people cannot afford the data, the tower on the hill is just a tall piece of metal."

The regulator said it was discussing cheaper daily bundles with the four operators and hoped to announce them before the summer.`,
	},
	{
		slug: "measles-vaccination-drive-targets-one-million-children",
		headline: "Measles vaccination drive targets one million children",
		standfirst: "Health teams will visit homes, mosques and markets in fourteen provinces over the next two weeks.",
		section: "news",
		datelinePlace: "Kabul",
		authors: ["nadia-sultani"],
		tags: ["Health", "Youth"],
		hoursAgo: 400,
		updatedHoursAgo: 390,
		body: `A two-week measles vaccination campaign began on Saturday in fourteen provinces, with health teams aiming to reach one million children between nine months and five years old, the public health ministry said.

Vaccinators are working from clinics, mosques and market stalls, and visiting homes in districts where cases were reported over the winter. Parents can find the nearest site on the ministry's [list of vaccination sites](https://example.org/health/measles-vaccination-sites), which is also being read out on local radio.

"Measles is not a small illness. It takes children every winter," said Dr. Farzana Qaderi, a paediatrician at a children's hospital in the capital. "One injection protects them. It is the easiest thing a parent can do this month."

Health workers said the number of measles cases had risen in the past year as families moved between provinces and routine vaccinations were missed. Malnourished children are most at risk of complications.

In a poor neighbourhood on the western edge of the city, a team of three vaccinators worked its way down a muddy lane on Saturday morning, marking each door with chalk once the children inside had been vaccinated.

"I have four children and I did not know the little one had missed her injection," said Bibi Hawa, who waited at her door with a baby on her hip. "They told us on the radio, and here they are."

The ministry said the campaign would be extended by a week in any district that fell short of its target.`,
	},
	{
		slug: "capitals-bus-operators-agree-on-shared-timetable-and-single-ticket",
		headline:
			"Capital's bus operators agree on shared timetable, new fares and a single ticket valid on all twelve city routes",
		standfirst:
			"Commuters in Kabul will be able to change buses without paying twice from next month under a deal between private operators and the municipality.",
		section: "news",
		datelinePlace: "Kabul",
		authors: ["farid-noori", "mariam-haidari"],
		tags: ["Roads", "Prices"],
		hoursAgo: 560,
		body: `Private bus operators in the capital have agreed with the municipality to run all twelve of the city's main routes on a shared timetable and to accept a single ticket across the network, ending a system in which passengers paid separately for every bus they boarded.

Under the deal, a single journey will cost 20 afghanis, and a ticket will remain valid for ninety minutes on any route. Day tickets will be sold at kiosks at the main terminals.

## Why it matters

For many commuters the change will cut the cost of getting to work by half. A worker travelling from the western suburbs to the old city centre today often changes buses twice and pays three fares.

"I spend nearly a fifth of my wage on buses," said Jawed Amiri, a tailor's assistant who crosses the city each day. "If I pay once instead of three times, that is bread for my family."

Operators said the shared timetable would end the scramble for passengers at busy stops, where buses wait until they are full and then race each other to the next crowd.

"Now each company knows its hours and its route," said Haji Sayed Kazim, who owns eleven buses on the Karte Se line. "We stop fighting over passengers and start keeping time."

## What changes for passengers

The municipality said timetables would be painted at every major stop and read out on city radio. Buses on the shared network will carry a green stripe along the side so that passengers can recognise them from a distance. Conductors will be trained to check tickets in the first two weeks, and operators will divide fare income according to the distance each company covers.

City officials said they hoped to add a thirteenth route, to the new housing districts north of the airport, by the end of the year.`,
	},
	{
		slug: "winter-power-cuts-ease-as-imported-electricity-rises",
		headline: "Winter power cuts ease as imported electricity rises",
		standfirst: "Households in Kabul report longer hours of supply after repairs to a northern transmission line.",
		section: "news",
		datelinePlace: "Kabul",
		authors: ["mariam-haidari"],
		tags: ["Energy", "Weather"],
		hoursAgo: 700,
		body: `Households in the capital are getting longer hours of electricity this month after repairs to a damaged transmission line in the north allowed more imported power to reach the city, the national power company said.

Most of the country's electricity is bought from neighbouring countries to the north and carried south over high-voltage lines that cross the Hindu Kush. When a pylon falls or a line ices up, whole districts can go dark for days.

Engineers replaced three pylons brought down by heavy snow in December and strengthened others along the route, the company said. Imports have since risen by about a fifth.

"Last month we had four hours of power a day, sometimes less," said Sima Nazari, who runs a small sewing workshop in the Khair Khana area. "This week it has been more like twelve. My machines are running again and I can take orders."

The company warned that supply could still fall during the coldest weeks, when demand for electric heaters peaks and neighbouring countries use more of their own power at home.

"We can fix lines, but we cannot control how much power is available to buy," said Aminullah Tahiri, an engineer at the company's control centre. "We ask people to switch off heaters when they leave a room. Every bulb saved helps a neighbour."

Energy specialists said the country's long-term answer lay in generating more of its own power, including from solar farms and small hydropower schemes, but that imports would remain the backbone of supply for years to come.`,
	},

	// ----------------------------------------------------------- provinces
	{
		slug: "district-clinic-near-herat-opens-maternity-ward",
		headline: "District clinic near Herat opens maternity ward",
		standfirst: "Women in Guzara district no longer need to travel to the city to give birth in safety.",
		section: "provinces",
		datelinePlace: "Herat",
		authors: ["nadia-sultani"],
		tags: ["Health", "Energy"],
		hoursAgo: 150,
		body: `A district clinic in Guzara, south of Herat city, has opened a six-bed maternity ward staffed by two midwives and a female doctor, sparing women in the district a journey of more than an hour to the provincial hospital to give birth.

The ward, built with help from a charity and run by the provincial health department, has its own solar power system so that the lights, an incubator and a small refrigerator for medicines keep working during power cuts.

"Before, when labour started at night, families had to find a car and drive to the city on a bad road," said Malalai Rahimi, one of the midwives. "Some babies were born in the car. Some mothers did not reach the hospital in time."

In its first three weeks the ward has delivered thirty-one babies, the clinic said. Two complicated cases were sent on to Herat by ambulance.

Families in the district welcomed the new ward. "My daughter-in-law gave birth here last week," said Haji Ghulam Sakhi, a farmer from a nearby village. "She was home the next day, and I did not have to borrow money for a taxi."

Health officials said the biggest challenge would be keeping trained midwives in rural clinics, where salaries are low and living conditions hard. The provincial health department said it planned to train ten more midwives from Guzara and neighbouring districts, because women from the area were more likely to stay.`,
	},
	{
		slug: "bamyan-schools-reopen-with-solar-lights-in-every-classroom",
		headline: "Bamyan schools reopen with solar lights in every classroom",
		standfirst: "A provincial project means pupils no longer sit in the dark on cloudy winter mornings.",
		section: "provinces",
		datelinePlace: "Bamyan",
		authors: ["nadia-sultani"],
		tags: ["Education", "Energy", "Youth"],
		hoursAgo: 52,
		body: `Schools in Bamyan province reopened after the long winter break this week with something new in every classroom: a solar panel on the roof and a row of electric lights overhead.

The provincial education department, working with a local engineering firm, installed the systems in ninety-four schools over the winter, when the classrooms stood empty. Each system includes a panel, a battery and four low-energy lamps.

"On a cloudy morning in March, the classroom is so dark that the children cannot read the board," said Ali Reza Mohammadi, headmaster of a primary school in the Foladi valley. "Today I switched on the lights and they cheered."

Bamyan sits at more than 2,500 metres and has some of the coldest, darkest winter mornings in the country. Most rural schools are not connected to the grid, and some have no glass in the windows, which are covered with plastic sheeting to keep out the cold.

The engineering firm trained one teacher at each school to clean the panels and check the batteries. Spare parts will be kept at the education department in Bamyan city.

"It is a small thing, four lamps," said Fatima Jafari, who teaches third grade in Yakawlang district. "But a child who can see the page is a child who can learn."

The department said it hoped to extend the project to schools in Daikundi and the western districts of Wardak later in the year.`,
	},
	{
		slug: "road-to-faizabad-reopens-after-landslide",
		headline: "Road to Faizabad reopens after landslide",
		standfirst: "Hundreds of vehicles were stranded for three days on the main road into Badakhshan.",
		section: "provinces",
		datelinePlace: "Faizabad",
		authors: ["farid-noori"],
		tags: ["Roads", "Weather", "Trade"],
		hoursAgo: 12,
		body: `The main road into Faizabad, the capital of Badakhshan province, reopened on Monday afternoon after road crews spent three days clearing a landslide that buried a stretch of the highway under rock and mud.

The slide, triggered by heavy rain on thawing slopes, struck a section of the road in the Kokcha valley on Friday night. Nobody was hurt, but hundreds of lorries, buses and cars were stranded on both sides.

"We slept in the bus for two nights. People from the nearby village brought us bread and tea," said Abdul Basir Raufi, a teacher travelling home from Kunduz with his family. "When the bulldozer finally broke through, everyone got out and clapped."

Provincial officials said two bulldozers and a mechanical shovel worked in shifts through the nights to clear the debris. Part of the road edge was washed away and will be rebuilt with stone-filled wire baskets in the coming weeks.

Traders in Faizabad said prices of fresh vegetables and fuel rose during the closure, as supplies from the south could not get through. "Tomatoes doubled in price in two days," said Nasima Rahmani, who runs a grocery stall near the main bazaar. "Now the lorries are arriving and prices will come down."

The provincial disaster management office warned that more slides were possible as the snow melts, and asked drivers to avoid the road at night until the end of April.`,
	},
	{
		slug: "kunduz-cotton-gin-reopens-hiring-200-workers",
		headline: "Kunduz cotton gin reopens, hiring 200 workers",
		standfirst:
			"The factory, idle for more than a decade, will process this year's harvest from farms across the north.",
		section: "provinces",
		datelinePlace: "Kunduz",
		authors: ["mariam-haidari"],
		tags: ["Agriculture", "Trade"],
		hoursAgo: 330,
		body: `A cotton ginning factory in Kunduz that stood idle for more than a decade has reopened under private management, hiring two hundred workers and offering farmers in the north a buyer for their harvest closer to home.

Kunduz was once the centre of the country's cotton industry, and older residents still remember the smell of oil from the factory's seed press. The machines fell silent years ago, and much of the province's cotton has since been sold raw to traders who take it across the northern border.

"My father worked here for thirty years. I used to bring him his lunch," said Sayed Muqim Hashimi, one of the new shift supervisors. "Now I am working on the same floor. It is a strange feeling, and a good one."

The new owners, a group of Kunduz traders, said they had repaired four ginning lines and would process up to forty tonnes of raw cotton a day at full capacity. Cottonseed will be pressed for cooking oil, and what is left sold as animal feed.

Farmers said a local buyer would save them transport costs and strengthen their hand when bargaining. "When you have only one trader at your gate, you take his price," said Khan Mohammad, who grows cotton on ten jeribs in Imam Sahib district. "With the factory open, we have a choice."

The factory's managers said they hoped to export cleaned cotton lint rather than raw cotton, earning more for the province, and would add a second shift if the harvest was good.`,
	},
	{
		slug: "jalalabad-traders-welcome-first-large-cold-store",
		headline: "Jalalabad traders welcome first large cold store",
		standfirst: "Fruit and vegetable sellers say the new facility will cut waste in the hot months.",
		section: "provinces",
		datelinePlace: "Jalalabad",
		authors: ["mariam-haidari"],
		tags: ["Agriculture", "Small Business", "Energy"],
		hoursAgo: 480,
		body: `Fruit and vegetable traders in Jalalabad say a new cold store on the edge of the city will cut the losses they suffer every summer, when temperatures above 45 degrees can spoil a lorry-load of tomatoes in a day.

The store, the largest in the east, can hold about 3,000 tonnes of produce in twelve chambers kept at different temperatures. Traders rent space by the crate and by the week.

"In June I used to throw away one crate in every five," said Wali Jan Mohmand, who trades okra and tomatoes at the city's main wholesale market. "If I can keep them cold for a week, I can wait for a better price instead of selling at a loss the same afternoon."

The cold store runs on grid power, with a diesel generator and a bank of solar panels as back-up. Its owners said electricity was their single largest cost and that rents would rise and fall with the price of diesel.

Nangarhar's farmers grow oranges, cauliflower, okra and onions for markets across the country. Much of that produce is lost between the field and the customer because of heat and slow roads.

"Every crate saved is money in a farmer's pocket," said Nargis Wahidi, an agricultural economist in Jalalabad. "Cold storage does not sound exciting, but it can do more for farm incomes than almost anything else."

Traders said they hoped the store would also let them sell Nangarhar oranges later into the spring, when prices are higher.`,
	},
	{
		slug: "rail-freight-through-hairatan-climbs-as-traders-switch-from-road",
		headline: "Rail freight through Hairatan climbs as traders switch from road",
		standfirst: "Fuel, cement and steel are increasingly arriving in Mazar-i-Sharif by train.",
		section: "provinces",
		datelinePlace: "Mazar-i-Sharif",
		authors: ["farid-noori"],
		tags: ["Trade", "Energy"],
		hoursAgo: 620,
		body: `Freight volumes on the short railway line from the northern border port of Hairatan to Mazar-i-Sharif have risen by about a third over the past year, according to figures from the railway authority, as importers shift fuel, cement and steel from lorries to trains.

The 75-kilometre line, opened more than a decade ago, was for years used well below its capacity. Traders said they preferred lorries, which could take goods from door to door.

Rising diesel prices and long queues at the border crossing have changed that calculation. A single train can carry the load of about forty lorries, and handling charges at the new dry port outside Mazar-i-Sharif have been cut.

"For cement, the train is now cheaper by almost a quarter," said Ahmad Fawad Nikzad, whose company imports building materials for the northern provinces. "The lorry is still faster for small orders, but for big orders we book the train."

Lorry drivers said the change had cost them work. "We used to queue for a load. Now we queue for a smaller load," said Mohammad Nabi, who has driven the Hairatan road for fifteen years. Many drivers now collect goods from the dry port and carry them the last stretch to shops and building sites across the north.

The railway authority said it was repairing sidings at the dry port and planned to add a second daily train in the spring. Longer-term plans to extend the line further west and south remain on the drawing board.`,
	},

	// ------------------------------------------------------------ business
	{
		slug: "flour-prices-climb-as-wheat-imports-slow-at-northern-border",
		headline: "Flour prices climb as wheat imports slow at northern border",
		standfirst:
			"A sack of wheat flour costs about 15 percent more in Kabul than a month ago, squeezing bakers and households.",
		section: "business",
		datelinePlace: "Kabul",
		authors: ["mariam-haidari"],
		tags: ["Prices", "Agriculture", "Trade"],
		hoursAgo: 60,
		updatedHoursAgo: 55,
		body: `The price of wheat flour in Kabul markets has risen by about 15 percent in a month as imports of wheat and flour slowed at the northern border crossings, traders and bakers said, pushing up the cost of the country's most important food.

A 50-kilogram sack of imported flour was selling for about 2,300 afghanis in the wholesale market on Sunday, up from about 2,000 at the start of last month. Locally milled flour, which many bakers say makes better bread, rose by a similar amount.

"Every morning the flour price is different," said Haji Abdul Latif, who runs a bakery in the Deh Mazang area. "I cannot change the price of a naan every morning, so I make the naan a little smaller. My customers complain, and they are right."

Wholesalers blamed a slowdown in wheat shipments from the north, where lorries have been queueing for days at the border because of new paperwork and a shortage of railway wagons. Stocks from last year's domestic harvest are running low ahead of the new crop in early summer.

Economists said wheat flour prices feed quickly into household budgets. Poorer families in the capital spend a large share of their income on bread.

"When flour goes up, the whole family eats less," said Mursal Ebrahimi, who sells vegetables from a cart and buys bread for a family of nine. "We buy less meat, less oil. Bread we cannot buy less of."

The commerce ministry said it was working with the border authorities to speed up the clearance of wheat and flour shipments and expected supplies to improve within weeks.`,
	},
	{
		slug: "wheat-flour-prices-ease-as-delayed-shipments-reach-kabul",
		headline: "Wheat flour prices ease as delayed shipments reach Kabul",
		standfirst:
			"Bakers say the price of a sack has fallen back, though the naan is unlikely to return to its old size just yet.",
		section: "business",
		datelinePlace: "Kabul",
		authors: ["mariam-haidari", "farid-noori"],
		tags: ["Prices", "Agriculture", "Trade"],
		hoursAgo: 3,
		body: `Wheat flour prices in Kabul have started to fall after shipments delayed at the northern border finally reached the capital's wholesale markets, traders said on Thursday, easing a squeeze on bakers and households that lasted several weeks.

A 50-kilogram sack of imported flour sold for about 2,100 afghanis in the wholesale market on Thursday morning, down from a peak of about 2,350 earlier in the month. Prices for locally milled wheat flour also eased.

"Two weeks ago the lorries were sitting at the border. This week they are sitting outside my warehouse," said Haji Rahim Dad, a flour wholesaler. "When there is plenty of flour, nobody can hold the price up."

Border officials said extra railway wagons had been added to clear the backlog of wheat and flour shipments, and that new customs paperwork was now being processed in a day rather than a week.

Bakers were cautious. Many had made their naan smaller rather than raise its price when flour costs climbed, and said they would wait to see whether prices held before returning to the old size.

"My customers ask me every day: when will the naan be big again?" said Haji Abdul Latif, who runs a bakery in the Deh Mazang area. "I tell them: when the flour price stays down for two weeks. I have been burned before."

Market analysts said the wheat harvest in the north and west, due in early summer, should bring further relief, provided the spring rains arrive. A dry winter has left farmers in some provinces worried about their crop.`,
	},
	{
		slug: "tea-and-trade-we-sell-more-when-the-road-is-open",
		headline: 'Tea & trade: "We sell more when the road is open"',
		standfirst:
			"In Mazar-i-Sharif's old tea bazaar, merchants measure the health of the economy by the state of the highways.",
		section: "business",
		datelinePlace: "Mazar-i-Sharif",
		authors: ["farid-noori"],
		tags: ["Trade", "Roads", "Small Business"],
		hoursAgo: 250,
		body: `In the narrow lanes near the Blue Mosque in Mazar-i-Sharif, tea merchants sit cross-legged among sacks of green and black leaves, weighing out purchases on brass scales that some of them inherited from their grandfathers.

Ask them about business, and they will talk about roads.

"We sell more when the road is open. It is that simple," said Haji Qudratullah Samadi, who has sold tea in the bazaar for forty years. "When the Salang closes for snow, my customers from Kabul cannot come, and the tea from the south arrives late and dear."

Most of the green tea sold in the north comes from South and East Asia, travelling by sea and then by road through several countries before it reaches Mazar-i-Sharif. Black tea, preferred in the south and east, follows similar routes. Every delay along the way adds to the price.

Merchants said the past year had been better than many, with fewer long road closures and more customers from the provinces coming in to buy in bulk for weddings and the Eid holidays.

"A family buying for a wedding takes twenty kilograms," said Marzia Yusufi, who helps run her father's shop and handles its growing trade by phone. "They send a message, pay by mobile money and send a car. Ten years ago that was impossible."

Younger traders are also blending their own teas with cardamom and dried rose petals and selling them in printed packets, hoping to reach shoppers in Kabul and beyond.`,
	},
	{
		slug: "women-run-carpet-cooperative-in-herat-wins-first-export-order",
		headline: "Women-run carpet cooperative in Herat wins first export order",
		standfirst: "Forty weavers will share the proceeds of a contract for 120 carpets bound for a buyer in the Gulf.",
		section: "business",
		datelinePlace: "Herat",
		authors: ["mariam-haidari", "nadia-sultani"],
		tags: ["Women in Business", "Trade", "Culture"],
		hoursAgo: 170,
		body: `A carpet cooperative run by women in Herat has won its first export order, a contract for 120 hand-knotted carpets that will be shipped to a buyer in the Gulf in the summer, its members said this week.

The cooperative, founded four years ago by a group of weavers who were tired of selling to middlemen at low prices, now has forty members working from their homes in the city and nearby villages.

"For years we wove the carpet and someone else sold it for ten times what we were paid," said Sharifa Noorzai, the cooperative's chairwoman, who learned to weave from her mother at the age of nine. "Now we sell it ourselves, and the money comes to the women who made it."

The order is worth about as much as the cooperative's entire sales last year. Members will be paid by the knot, with a share of the profit divided at the end of the contract.

The cooperative buys wool from herders in the west and uses natural dyes made from pomegranate skin, madder root and walnut husks, a selling point for foreign buyers.

"The buyer asked for traditional Herati patterns, with the old colours," said Gulalai Rasekh, who designs the carpets and keeps the accounts. "We were happy. These are the patterns our grandmothers used."

Members said the hardest part of the work was not the weaving but the paperwork: export licences, certificates of origin and bank transfers. A business advice centre in Herat helped them prepare the documents.`,
	},
	{
		slug: "kandahar-pomegranate-growers-count-losses-after-late-frost",
		headline: "Kandahar pomegranate growers count losses after late frost",
		standfirst: "Orchards in the Arghandab valley lost up to half their blossom in a single night, farmers say.",
		section: "business",
		datelinePlace: "Kandahar",
		sourceLine: "Dateline News with agencies",
		authors: ["farid-noori"],
		tags: ["Agriculture", "Weather", "Trade"],
		hoursAgo: 780,
		body: `Pomegranate growers in Kandahar are counting their losses after a late frost swept through orchards in the Arghandab valley, killing blossom that should have become this year's crop.

Farmers said temperatures fell below freezing for several hours before dawn on Tuesday, weeks after the trees had begun to flower. Some orchards lost half their blossom, others less, depending on where they stood in the valley.

"I walked through my orchard in the morning and the flowers were brown," said Haji Nazar Mohammad, who has 300 trees near the river. "My father saw a frost like this once, forty years ago. I hoped I would never see one."

Kandahar's pomegranates are among the country's best-known exports, sold in markets across the region and beyond. Traders said it was too early to estimate the effect on the harvest, which begins in September.

Agricultural specialists said farmers could reduce frost damage in future years by lighting small fires between the rows or running water through orchards on cold nights, methods used in other fruit-growing regions. Few Kandahar farmers have tried them.

"Either the frost is coming later in the spring or the trees are flowering earlier. Whichever it is, we need to prepare," said Dr. Asadullah Hamidi, who teaches horticulture at the university in Kandahar.

Exporters said they hoped to make up for lower volumes by selling more fruit as juice and concentrate, which can use smaller and blemished pomegranates.`,
	},
	{
		slug: "money-changers-go-digital",
		headline: "Money changers go digital",
		section: "business",
		datelinePlace: "Kabul",
		authors: ["mariam-haidari"],
		tags: ["Internet", "Small Business", "Trade"],
		hoursAgo: 360,
		body: `In the crowded Sarai Shahzada, the capital's money market, where traders have counted stacks of banknotes by hand for generations, a quiet change is under way: more and more deals are being settled on a phone screen.

Money changers say mobile wallets and banking apps now handle a growing share of the transfers that once relied only on cash and on trusted notes passed between agents in different cities.

"Ten years ago I carried a bag of money across the city twice a day," said Haji Mohammad Ibrahim Nuristani, who has worked in the market since he was a boy. "Now my son sends a message and the money is there. I still count cash, but less."

The change has been driven by faster mobile internet and by customers, many of them young, who would rather not queue in a crowded market.

Not everyone is convinced. Older traders worry about fraud and about what happens when the network goes down, which still happens often in bad weather.

"When the internet stops, the phone is a stone," said Abdul Hai Ghaznawi, who exchanges dollars and afghanis from a small booth near the river. "Cash never needs a signal."

Younger money changers say the two systems will live side by side for years. Many now keep a mobile wallet for small transfers from relatives abroad and cash for larger trades, and some have started to post their exchange rates online each morning.`,
	},
	{
		slug: "savings-group-helps-jalalabad-women-open-shops-and-workshops",
		headline: "Savings group helps Jalalabad women open shops and workshops",
		standfirst: "A group of sixty women has lent out more than a million afghanis to its own members in two years.",
		section: "business",
		datelinePlace: "Jalalabad",
		authors: ["nadia-sultani"],
		tags: ["Women in Business", "Small Business"],
		hoursAgo: 900,
		body: `A savings group started by sixty women in a Jalalabad neighbourhood has lent out more than a million afghanis in two years, helping members open tailoring workshops, pickle-making businesses and small grocery shops, its organisers say.

Each member pays a small sum into the group every week. Once a month the members meet in a borrowed room and decide together who will receive a loan and on what terms. Repayments go back into the pot.

"No bank would lend to me. I have no land and no salary," said Hadia Shinwari, who borrowed 30,000 afghanis to buy two sewing machines and now employs three neighbours. "The group knew me. They knew I would pay."

The group's records, kept in a school exercise book and checked aloud at every meeting, show that nearly all loans have been repaid on time. Members say the prospect of facing their neighbours is a stronger guarantee than any contract.

Business advisers said such groups were spreading across the eastern provinces, often with training in bookkeeping and marketing from local organisations.

"The money is important, but the confidence is more important," said Nilofar Hakimi, a trainer who works with savings groups in Nangarhar. "A woman who has run a business for a year speaks differently in a meeting."

The group plans to open a shared shop in the city's main bazaar this spring, selling clothes and pickles made by its members.`,
	},

	// --------------------------------------------------------------- sport
	{
		slug: "balkh-take-first-game-of-cricket-series-against-nangarhar",
		headline: "Balkh take first game of cricket series against Nangarhar",
		standfirst:
			"A rapid half-century from a young opener sets up a 24-run win in the first match of the three-game series in Kabul.",
		section: "sport",
		datelinePlace: "Kabul",
		authors: ["sohail-karimi"],
		tags: ["Cricket", "Youth"],
		hoursAgo: 44,
		body: `Balkh took the lead in their three-match Twenty20 cricket series against Nangarhar with a 24-run win at the national stadium in Kabul on Friday, built on a rapid half-century from their young opening batsman.

Batting first under grey skies, Balkh made 171 for six from their twenty overs. Opener Jamshid Haqyar, playing only his fourth senior match, hit 68 from 41 balls, including five sixes, most of them over midwicket.

"I was told to play my shots in the powerplay, so I played my shots," Haqyar said afterwards, still wearing his pads. "The pitch was good. The ball came nicely onto the bat."

Nangarhar's reply started brightly but faded after they lost three wickets in two overs to Balkh's left-arm spinner, Idris Baryalai, who finished with three for 19. Nangarhar were all out for 147 in the final over.

The series is the first of several planned between provincial teams this spring to give young players experience before the national selectors pick squads for the summer.

"We lost the middle overs. That was the match," said Nangarhar's captain, Yama Safi. "We have two games left. Nobody in our dressing room is worried."

A crowd of several thousand watched the match, many of them schoolboys who were let in free for the afternoon. The second match of the cricket series is on Sunday at the same ground.`,
	},
	{
		slug: "nangarhar-level-cricket-series-as-leg-spinner-takes-five-wickets",
		headline: "Nangarhar level cricket series as leg-spinner takes five wickets",
		standfirst: "A teenager's five-wicket haul bowls Balkh out for 112 and sets up a decider on Tuesday.",
		section: "sport",
		datelinePlace: "Kabul",
		authors: ["sohail-karimi", "farid-noori"],
		tags: ["Cricket", "Youth"],
		hoursAgo: 20,
		body: `Nangarhar levelled their three-match Twenty20 cricket series against Balkh with a comfortable seven-wicket win at the national stadium in Kabul on Sunday, as their teenage leg-spinner took five wickets to dismantle the Balkh batting.

Balkh, who won the first match of the series by 24 runs on Friday, were bowled out for 112 in the eighteenth over. Leg-spinner Samiullah Nasrat, eighteen years old, took five for 16 in his four overs, beating the bat again and again with his googly and bowling two batsmen through the gate.

"In the first game I was nervous and bowled too short," Nasrat said. "Today the captain told me to pitch it up and trust the spin. I listened to him."

Balkh's opener Jamshid Haqyar, whose half-century won the first game, fell for 9, caught at slip off Nasrat's second ball.

Nangarhar reached their target with more than four overs to spare. Their captain, Yama Safi, made an unbeaten 41 and hit the winning boundary through the covers.

"I told everyone on Friday night not to worry, and they believed me," Safi said with a smile. "Now it is one game each, and the better team will win on Tuesday."

The deciding match of the series will be played at the same ground on Tuesday afternoon. The national selectors are expected to attend, and organisers said entry would again be free for schoolchildren.`,
	},
	{
		slug: "youth-football-league-kicks-off-with-64-teams-across-kabul",
		headline: "Youth football league kicks off with 64 teams across Kabul",
		standfirst:
			"Boys aged 12 to 16 will play every Friday until the summer, with the final at the city's main stadium.",
		section: "sport",
		datelinePlace: "Kabul",
		authors: ["sohail-karimi"],
		tags: ["Football", "Youth", "Education"],
		hoursAgo: 100,
		body: `More than a thousand boys from sixty-four teams took to dusty pitches across the capital on Friday as the city's youth football league kicked off its new season, the largest since the league was founded.

The teams, most of them organised by schools and neighbourhood sports clubs, will play every Friday morning until the summer, with the top eight going through to a knockout stage. The final will be played at the city's main stadium.

"Last year we had forty teams. This year we had to turn some away because we did not have enough referees," said Ahmad Shah Kohistani, the league's organiser and a former goalkeeper for a provincial side. "Football is growing faster than we can keep up."

Each team receives a set of shirts and two balls from the league, paid for by local businesses whose names appear on the backs of the shirts. Coaches must attend a short course on training young players safely.

On a pitch beside a school in the west of the city, parents stood three deep along the touchline as a team of twelve-year-olds won 3-2 with a goal in the final minute.

"I have watched every match he has played," said Abdul Wakil, whose son scored the winner. "Today he will not sleep. Tomorrow he will not stop talking."

Organisers said they hoped to add an under-12 division next season and to train twenty more referees before then.`,
	},
	{
		slug: "herat-side-win-national-futsal-title-on-penalties",
		headline: "Herat side win national futsal title on penalties",
		section: "sport",
		datelinePlace: "Herat",
		authors: ["sohail-karimi"],
		tags: ["Football", "Youth"],
		hoursAgo: 290,
		body: `A Herat club won the national futsal championship on Thursday night, beating the Kabul champions 4-3 on penalties after a tense final finished 5-5 after extra time in front of a packed indoor hall in Herat.

The home side trailed 5-3 with four minutes of normal time left but scored twice in the closing stages, the equaliser coming from a long-range shot by their captain, Bashir Ahmad Sharifi, with less than a minute on the clock.

"When the ball went in, the roof nearly came off," said Sharifi, who has played futsal for the club for nine years. "I have never heard noise like that in this hall."

Neither side could find a winner in extra time, and the match went to penalties. The Herat goalkeeper, Khalid Osmani, saved two of the Kabul side's five kicks.

Futsal, a five-a-side form of football played indoors on a hard court, has become one of the most popular sports in the country's cities, where full-size pitches are scarce and winters are cold.

"A boy with a ball and a small court can play all year," said Osmani. "That is why futsal is everywhere now."

The Kabul coach, Nasir Jalali, praised his side's effort and said the gap between the capital's clubs and those in the provinces had closed. "Five years ago, Kabul teams won easily everywhere," he said. "Not any more. This is good for the game."`,
	},
	{
		slug: "kabul-stadium-to-get-new-artificial-pitch-before-summer",
		headline: "Kabul stadium to get new artificial pitch before summer",
		standfirst:
			"The new surface will let football continue through the winter and free the ground for school competitions.",
		section: "sport",
		datelinePlace: "Kabul",
		authors: ["sohail-karimi"],
		tags: ["Football", "Education", "Youth"],
		hoursAgo: 520,
		body: `The capital's main football stadium will get a new artificial pitch before the summer, the national sports authority said on Monday, ending years of complaints about a bumpy grass surface that turns to mud in winter and dust in summer.

Work will begin next month and is expected to take ten weeks. The new surface, made of synthetic turf laid over rubber crumb and sand, is designed to cope with heavy use and needs very little water.

"On the old grass, the ball does what it likes," said Mirwais Paiman, who coaches a first-division club that trains at the stadium. "A good surface will make our players better. They will learn to pass, not just to chase."

Sports officials said the artificial pitch could be used for several matches a day, allowing the stadium to host school and youth competitions on weekday mornings without damaging the surface for senior matches.

Groundsmen will be trained by the installation company to brush the turf, top up the rubber crumb and repair seams.

Some players were less enthusiastic, saying artificial pitches were harder on the knees and hotter underfoot in summer. "I prefer grass. Every footballer prefers grass," said a veteran defender who asked not to be named. "But real grass that is looked after. We never had that."

The authority said it planned to install similar surfaces in Herat, Mazar-i-Sharif and Kandahar over the next three years.`,
	},
	{
		slug: "buzkashi-season-ends-with-a-final-game-on-the-plain",
		headline: "Buzkashi season ends with a final game on the plain",
		standfirst: "Riders and their horses face off one last time before the warmer months put the sport to rest.",
		section: "sport",
		datelinePlace: "Mazar-i-Sharif",
		authors: ["sohail-karimi"],
		tags: ["Culture", "Weather"],
		hoursAgo: 230,
		body: `Thousands of spectators gathered on the plain outside Mazar-i-Sharif on Friday to watch the last buzkashi game of the season, as riders on powerful horses fought over a goat carcass in clouds of dust until the light faded.

Buzkashi, played on horseback across the north of the country, is a winter sport. Horses and riders rest in the hot months, when the ground is hard and the heat too fierce for the animals.

"A good buzkashi horse is like a member of the family," said Haji Abdul Rashid Turkmani, whose stable in Balkh province keeps six horses for the game. "We feed it better than we feed ourselves. In summer, it rests. In winter, it works."

The riders, known as chapandaz, wear padded coats and fur-trimmed hats to protect themselves from whips and falls. The best of them are famous across the north and can win prizes of cash, carpets or even cars.

On Friday the honours went to a rider from Sheberghan, who carried the carcass around the flag and dropped it into the scoring circle three times. He was rewarded with a new motorcycle and a roar from the crowd.

"This is our sport, older than football, older than cricket," said Mohammad Aslam, a teacher who brought his two sons to watch. "I want them to know it."

Stable owners said the price of good horses had risen sharply in recent years as wealthy sponsors competed for the best animals. Some now cost more than a house in the city.`,
	},
	{
		slug: "runners-brave-the-cold-in-bamyan-lakeside-race",
		headline: "Runners brave the cold in Bamyan lakeside race",
		standfirst: "More than 300 runners took part in a 10-kilometre race beside the lakes of Band-e Amir.",
		section: "sport",
		datelinePlace: "Bamyan",
		authors: ["sohail-karimi"],
		tags: ["Youth", "Weather", "Culture"],
		hoursAgo: 840,
		body: `More than three hundred runners lined up beside the deep blue lakes of Band-e Amir on Friday for a ten-kilometre race that organisers hope will become a fixture of the sporting calendar in Bamyan.

The race started at 8am, when the temperature was still below freezing, and followed a dirt track along the shore of the largest lake before turning back through a valley lined with poplar trees.

"My legs were cold for the first two kilometres and then I forgot about them," said Sayed Hussain Mousavi, a 19-year-old student from Bamyan city who won the race in just over 36 minutes. "You cannot feel tired when you look at this water."

Runners came from Kabul, Mazar-i-Sharif and Herat as well as from villages across the province. Many ran in ordinary trainers and tracksuits; a few wore proper running shoes sent by relatives abroad.

The race was organised by a local sports club with help from hotel and guesthouse owners, who hope events like this will bring more visitors to the area outside the summer season.

"In summer we are full. In autumn and spring we are empty," said Reza Akbari, who runs a guesthouse near the lakes. "If a race brings a hundred people for a weekend, that is a good weekend for the whole village."

Organisers said they planned to hold the race again next year and to add a shorter course for children.`,
	},

	// ------------------------------------------------------------- culture
	{
		slug: "herat-calligraphy-school-draws-a-new-generation-of-students",
		headline: "Herat calligraphy school draws a new generation of students",
		standfirst: "Classes in the old city teach the art of the reed pen to students as young as ten.",
		section: "culture",
		datelinePlace: "Herat",
		authors: ["nadia-sultani"],
		tags: ["Culture", "Education", "Youth"],
		hoursAgo: 200,
		body: `In a quiet room above a bookshop in Herat's old city, twenty students sit on cushions at low tables, dipping reed pens into pots of black ink and copying lines of verse, one careful stroke at a time.

The calligraphy school, run by a master calligrapher who has taught in the city for more than thirty years, now has a waiting list for the first time, as young people rediscover an art that has been practised in Herat for centuries.

"You cannot hurry a letter," said Ustad Ghulam Haidar Naqqash, the school's founder, as he corrected a student's curve with a gentle tap of his finger. "The pen teaches patience. Patience teaches everything else."

Students spend their first months learning to cut and hold a reed pen and to make the basic strokes. Only after a year do they begin to copy whole verses, and it can take ten years to become a master.

"My friends play games on their phones. I come here," said Mahdi Rezaei, a 14-year-old who attends classes three afternoons a week. "When I write a good line, I feel proud for the whole day."

Herat was once a great centre of the arts of the book, and its calligraphers, painters and bookbinders were known across the region. Some of their work survives in museums and private collections around the world.

The school sells some of its students' work to visitors and to shops in the city, and uses the money to buy paper and ink for those who cannot afford them.`,
	},
	{
		slug: "kabul-book-fair-draws-record-crowds",
		headline: "Kabul book fair draws record crowds",
		standfirst: "Publishers report strong sales of children's books, poetry and, to some surprise, cookery titles.",
		section: "culture",
		datelinePlace: "Kabul",
		authors: ["nadia-sultani"],
		tags: ["Culture", "Education", "Small Business"],
		hoursAgo: 75,
		body: `The capital's annual book fair drew its largest crowds yet over the weekend, with publishers reporting strong sales of children's books, poetry collections and, to the surprise of some, cookery books.

More than eighty publishers and booksellers took stalls in the exhibition hall, selling books in Dari, Pashto and English. Organisers estimated that more than 20,000 people attended over the three days.

"Our children's books were sold out by Saturday afternoon," said Omid Haqbin, whose small publishing house prints picture books in Dari and Pashto. "Parents want their children to read something other than a screen."

Poetry remains the backbone of many publishers' lists, and readings by poets drew standing crowds. At a packed session on Sunday, the poet Habib Parsa read from a new collection about travel, ending with two lines that many in the audience asked him to repeat:

> I carried a book across the mountains once,
> and the mountains grew smaller with every page.

Cookery books, several of them collecting recipes from different provinces, proved unexpectedly popular. "People want to know how their grandmothers cooked," said Sadia Mirzad, who wrote a book of recipes from the north. "A recipe is a kind of history."

Publishers said high paper and printing costs remained their biggest problem, and that many books were still printed abroad and brought in by road. Some have started selling electronic editions to readers with smartphones.

The organisers said next year's fair would add a children's reading corner and a day set aside for school visits.`,
	},
	{
		slug: "radio-drama-set-in-a-village-clinic-wins-a-loyal-audience",
		headline: "Radio drama set in a village clinic wins a loyal audience",
		standfirst: "The twice-weekly serial mixes family drama with practical advice on health.",
		section: "culture",
		datelinePlace: "Kabul",
		authors: ["nadia-sultani"],
		tags: ["Culture", "Health", "Internet"],
		hoursAgo: 440,
		body: `Twice a week, in kitchens, shops and taxis across the country, listeners tune in to hear the latest troubles of Dr. Shirin and the patients of her small clinic in a fictional mountain village.

The radio serial, now in its second year, has become one of the most popular programmes on a national station, according to a listener survey. Its episodes are also shared widely as audio files on mobile phones, reaching people who miss the broadcast.

"We wanted a story first, and a lesson second," said Homayoun Akbari, who writes the serial with two other writers. "If people are bored, they switch off. If they care about the characters, they take in the advice without noticing."

Storylines have dealt with clean drinking water, childhood vaccination, diabetes and the dangers of taking antibiotics for every cough. Each episode is checked by two doctors before it is recorded.

In a grocery shop in the capital's Kart-e Naw area, the shopkeeper turned up the volume when the theme tune began. "My wife says Dr. Shirin is wiser than our real doctor," said Sultan Mohammad, laughing. "Maybe she is right."

Health workers said the serial had encouraged patients to ask about subjects they once found embarrassing to raise. "Women come to the clinic and say: I heard about this problem on the radio, and I think I have it," said Dr. Mahbooba Ahmadi, who works at a clinic in Parwan province.

The producers said a third series was being written and would include episodes on road safety and on looking after older relatives.`,
	},
	{
		slug: "bamyan-potters-revive-old-kilns-and-find-new-buyers",
		headline: "Bamyan potters revive old kilns and find new buyers",
		section: "culture",
		datelinePlace: "Bamyan",
		authors: ["farid-noori"],
		tags: ["Culture", "Small Business", "Women in Business"],
		hoursAgo: 660,
		body: `In a village in the Bamyan valley, the smoke of a wood-fired kiln has risen again after more than twenty years, as a small group of potters revives a craft that was close to disappearing.

The potters, four women and two men, dig clay from a riverbank near the village and shape bowls, jugs and water coolers on foot-powered wheels. The pieces are fired for a full day in a domed kiln that the group rebuilt last year from the ruins of an old one.

"My grandmother made pots in this kiln. When she died, nobody continued," said Masuma Hazrati, who leads the group. "I learned from an old man in the next village, who was the last potter left. Now we are six."

The group sells most of its work to visitors who come to see the valley's cliffs and historic sites, and to a handicraft shop in Kabul. Plain clay water coolers, which keep water cool through the summer, are the best sellers among local families.

Shopkeepers said demand for handmade pottery had grown as customers looked for alternatives to cheap plastic goods. "Customers ask: is it made here? When I say yes, in Bamyan, they buy it," said Ghulam Nabi Habibi, who runs the shop in Kabul.

The potters hope to train more young people from the village and to build a second kiln. "A craft lives if young hands learn it," said Hazrati. "Otherwise it dies with the old ones."`,
	},
	{
		slug: "carpenters-restore-carved-wooden-houses-in-kabuls-old-city",
		headline: "Carpenters restore carved wooden houses in Kabul's old city",
		standfirst: "Craftsmen trained in traditional woodwork are bringing a historic neighbourhood back to life.",
		section: "culture",
		datelinePlace: "Kabul",
		authors: ["farid-noori"],
		tags: ["Culture", "Education", "Small Business"],
		hoursAgo: 960,
		body: `In a narrow lane of Kabul's old city, carpenters are fitting a newly carved wooden screen into the window of a house that is more than a century old, restoring a piece of the neighbourhood's history one panel at a time.

The work is part of a long-running effort to repair the old city's mud-brick houses, with their carved wooden balconies, doors and screens, many of which had fallen into ruin after decades of neglect.

"Every pattern has a name, and every name has a meaning," said Ustad Abdul Ghafoor Nazari, a master carpenter who began carving at the age of twelve. "When I cut this star, I am cutting the same star that a carpenter cut here a hundred years ago."

Young apprentices work alongside the masters, learning to carve cedar and walnut with hand tools. A three-year training course teaches woodwork, calligraphy and the making of glazed tiles.

"My father was a carpenter, but he made doors for new houses, simple doors," said Yasin Ahmadi, 22, an apprentice in his second year. "This is different. This is art. I want to be a master one day."

Residents of the restored houses said the work had brought pride back to the neighbourhood. "Before, people from other parts of the city looked down on us," said Bibi Gul, who has lived in the old city all her life. "Now they come to take photographs."

Restoration specialists said the biggest threat to the old city was not age but demolition, as owners replace old houses with concrete buildings. They urged the municipality to protect the remaining historic streets.`,
	},

	// ------------------------------------------------------------- weather
	{
		slug: "heavy-snow-closes-northern-passes-as-more-is-forecast",
		headline: "Heavy snow closes northern passes as more is forecast",
		standfirst: "Travellers are advised to delay journeys over the Hindu Kush until at least Friday.",
		section: "weather",
		datelinePlace: "Kabul",
		authors: ["farid-noori"],
		tags: ["Weather", "Roads"],
		hoursAgo: 8,
		body: `Heavy snow closed several mountain passes in the north and centre of the country on Wednesday, stranding travellers and cutting off some districts, and forecasters warned that more snow was on the way.

The national meteorology department said up to 60 centimetres of fresh snow had fallen on the high passes overnight, with strong winds causing drifts on exposed stretches of road. The Shibar pass, on the route between Kabul and Bamyan, was closed in both directions.

"We have snowploughs working on every main route, but when the wind blows, the road fills again behind them," said Qudratullah Mohsini, a road maintenance official in Parwan province. "We ask people: if your journey is not urgent, wait."

Forecasters said a second weather system would bring more snow to the mountains from Thursday night, with rain in lower areas including Kabul, Jalalabad and the south-east. Temperatures in the capital were expected to fall to minus 12 degrees at night.

In Bamyan city, shopkeepers said prices of vegetables and fuel had already begun to rise. "When the Shibar closes, nothing comes in," said Zahir Sadiqi, who sells firewood and coal in the main bazaar.

The disaster management authority said it had sent food and blankets to districts in Ghor and Daikundi where villages had been cut off, and urged families to keep charcoal stoves well ventilated to avoid carbon monoxide poisoning.

Farmers welcomed the snow despite the hardship. A thick snowpack in the mountains means more water in the rivers and canals in spring, after a dry start to the winter.`,
	},
	{
		slug: "flash-flood-warning-issued-for-eastern-provinces",
		headline: "Flash flood warning issued for eastern provinces",
		standfirst:
			"Heavy rain and melting snow could swell streams in Nangarhar, Laghman and Nuristan over the next two days.",
		section: "weather",
		datelinePlace: "Jalalabad",
		authors: ["nadia-sultani", "farid-noori"],
		tags: ["Weather", "Water"],
		hoursAgo: 26,
		updatedHoursAgo: 22,
		body: `The national meteorology department issued a flash flood warning on Tuesday for Nangarhar, Laghman and Nuristan provinces, saying heavy rain combined with melting snow could cause streams to rise quickly over the next two days.

Forecasters said up to 50 millimetres of rain could fall in some mountain valleys by Thursday morning, with the heaviest downpours expected in the afternoons and evenings.

"The danger is the speed. A dry stream bed can become a torrent in twenty minutes," said Waheedullah Amani, a forecaster at the department. "People who live near streams must listen to the radio and watch the sky."

The disaster management authority advised families in flood-prone areas to:

- move livestock, food stocks and documents to higher ground;
- avoid crossing streams on foot or in vehicles;
- keep children away from stream banks and canals;
- listen to local radio for updates and evacuation instructions.

Flash floods in spring have killed dozens of people in the east in recent years and washed away houses, fields and roads. Many villages are built along narrow valleys where there is little space to move away from the water.

In Jalalabad, shopkeepers in low-lying streets moved goods onto upper shelves as a precaution. "We have seen this before. We do not wait for the water to come inside," said Hayatullah Sarwari, who sells kitchenware in the old bazaar.

By Wednesday morning no serious flooding had been reported, but the department said the warning would stay in place until Thursday evening.`,
	},
	{
		slug: "dry-winter-raises-fears-for-spring-planting",
		headline: "Dry winter raises fears for spring planting",
		standfirst: "Rain and snowfall since October are well below average in the north and west, forecasters say.",
		section: "weather",
		datelinePlace: "Mazar-i-Sharif",
		authors: ["mariam-haidari"],
		tags: ["Weather", "Agriculture", "Water"],
		hoursAgo: 300,
		body: `Rain and snowfall across much of the north and west have been well below average since October, the national meteorology department said on Sunday, raising fears among farmers that the spring planting season could be a poor one.

Forecasters said precipitation in Balkh, Jawzjan, Faryab and Herat provinces had reached only about half the usual amount for the time of year, and that the snow cover in the mountains was thin.

## Rain-fed crops most at risk

Farmers who depend on rain rather than canals are the most exposed. Large areas of the north are sown in autumn with rain-fed crops that need good rains in March and April to ripen.

"The seed is in the ground, but the ground is dry," said Haji Jumma Khan, who farms rain-fed land in the hills south of Mazar-i-Sharif. "If the rain comes in March, we will have a harvest. If it does not, we will have nothing."

Livestock owners also reported that pastures were thin and that the price of hay and straw had risen.

## What farmers can do

Agricultural advisers urged farmers to clean their canals and repair karez, the traditional underground channels, so that every drop of spring snowmelt can be used. Some suggested sowing hardier crops such as chickpeas and sesame on the driest land.

"We cannot make it rain, but we can waste less," said Dr. Parwiz Samimi, an agronomist in Mazar-i-Sharif.

Forecasters said there was still time for the season to recover. "March is often our wettest month," said Waheedullah Amani, a forecaster at the department. "A few good storms can change the picture. But we should prepare for a dry year."`,
	},
	{
		slug: "cold-snap-pushes-up-firewood-and-coal-prices",
		headline: "Cold snap pushes up firewood and coal prices",
		section: "weather",
		datelinePlace: "Kabul",
		authors: ["mariam-haidari"],
		tags: ["Weather", "Prices", "Energy"],
		hoursAgo: 580,
		body: `A week of bitter cold has pushed up the price of firewood and coal in Kabul markets, with traders reporting rises of as much as a quarter as families scramble to heat their homes.

Night-time temperatures in the capital have fallen to minus 15 degrees, the meteorology department said, and are expected to stay well below freezing until the end of the week.

"People buy a little every day because they cannot afford to buy for the whole winter," said Abdul Ghani Paktiawal, who has sold wood at a market on the city's northern edge for twenty years. "When it is this cold, everyone comes at once, and the price goes up."

Coal from the northern mines, widely burned in the cast-iron stoves that heat most homes, has also become more expensive, as snow on the passes slows deliveries.

Health workers warned about the dangers of burning coal and charcoal in closed rooms. Every winter, families are poisoned by carbon monoxide from stoves that are poorly ventilated.

"Keep a window open a little, even when it is cold, and never sleep with a charcoal stove burning in the room," said Dr. Sadaf Yaqubi, who works in the emergency department of a hospital in the city.

Charities distributed firewood and warm clothing to poor households in several districts of the city over the weekend, and some mosques opened their halls at night to people without heating.`,
	},
	{
		slug: "dust-storm-grounds-flights-and-closes-schools-in-kandahar",
		headline: "Dust storm grounds flights and closes schools in Kandahar",
		standfirst: "Visibility fell to under 100 metres as strong winds swept across the south on Saturday.",
		section: "weather",
		datelinePlace: "Kandahar",
		sourceLine: "Dateline News with agencies",
		authors: ["farid-noori"],
		tags: ["Weather", "Health"],
		hoursAgo: 740,
		body: `A dense dust storm swept across Kandahar and neighbouring provinces on Saturday, reducing visibility to less than a hundred metres, grounding flights and forcing schools to send pupils home early.

Strong winds from the south-west lifted dust from the Registan desert and carried it over the city in a thick brown cloud that turned midday into dusk. Street lights came on in the early afternoon.

"I could not see the other side of the road," said Mohammad Daud Nasiri, a rickshaw driver. "I stopped and waited. Everyone was driving with their lights on and their scarves over their faces."

Flights at Kandahar airport were suspended for several hours and resumed in the evening when the wind dropped, airport staff said.

Doctors at the city's main hospital said they had treated dozens of people, mostly children and older people, for breathing problems and sore eyes. "Dust storms are dangerous for anyone with asthma or a weak chest," said Dr. Hafizullah Barakati, a physician at the hospital. "Stay indoors, close the windows, and cover your mouth and nose with a damp cloth if you must go out."

The meteorology department said dust storms were common in the south but that this one had been unusually strong. It forecast calmer weather on Sunday.

Shopkeepers spent the evening sweeping dust from their stalls. "Everything is brown. The fruit, the cloth, the people," said a fruit seller in the main bazaar, laughing. "Tomorrow we wash, and the day after, maybe, we sweep again."`,
	},
];
