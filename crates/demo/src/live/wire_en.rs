//! English wire lines for the newsfeed: short, present-tense headlines and a paragraph
//! of one to three sentences, as an agency or a live desk writes them.

use super::bank::{Wire, wire};

#[rustfmt::skip]
pub static ITEMS: [Wire; 56] = [
    // Politics
    wire("Parliament passes the budget at second reading", "The bill cleared the chamber by 214 votes to 187 after a six-hour debate. It now goes to committee, where the opposition has promised dozens of amendments."),
    wire("Prime minister to face questions over hospital waiting lists", "The session begins at noon. Opposition leaders say waiting times have doubled in two years; the government disputes the figure."),
    wire("Electoral commission publishes the final list of candidates", "Nine parties and 23 independent candidates will appear on the ballot. Registration closed at midnight on Friday."),
    wire("Opposition alliance calls a rally for Saturday", "Organisers expect tens of thousands in the capital's main square. Police say they have not yet been told the route."),
    wire("Constitutional court to rule on the election law next week", "Judges heard closing arguments on Thursday. The ruling will decide whether voters abroad can cast their ballots online."),
    wire("Two new ministers sworn in after cabinet reshuffle", "The president swore in the new health and transport ministers at a brief ceremony. Both previously served as deputy ministers."),
    wire("City council approves free public transport for pupils", "The scheme starts in January and will cost about $40 million a year, according to the council's own estimate."),
    wire("Finance minister rules out tax rises before the election", "“There will be no new taxes in this parliament,” the minister told reporters. Economists say the gap in the budget will have to be closed by spending cuts."),
    wire("Turnout in local by-elections reaches 41%", "Polls closed at 8 pm. The electoral commission expects preliminary results by the morning."),
    wire("Senior MP quits the ruling party over housing policy", "She will sit as an independent, cutting the government's majority to eleven. The party said it regretted her decision."),
    // Economy
    wire("Central bank holds its key rate at 4.5%", "The decision was expected by most analysts. The bank said inflation was slowing but remained above its 2% target."),
    wire("Inflation slows to 3.1%", "Food prices rose more slowly than a month earlier, the statistics office said. Fuel became cheaper for a third month in a row."),
    wire("Unemployment falls to its lowest level in a decade", "The jobless rate dropped to 4.2% in the third quarter. Hiring was strongest in construction and health care."),
    wire("Nordhaven Motors recalls 60,000 cars over a brake fault", "Owners will be contacted by letter; the repair takes about an hour and is free. No accidents have been linked to the fault, the company said."),
    wire("Solvane Energy to cut household gas prices by 8%", "The company cited lower wholesale prices. Consumer groups said the cut does not go far enough after two years of increases."),
    wire("Port strike ends after dock workers accept pay deal", "The agreement gives a 6% rise over two years. Ships that waited offshore have begun unloading."),
    wire("Main stock index closes at a record high", "Technology and energy shares led the gains. Trading volume was a fifth above the monthly average."),
    wire("National airline adds twelve routes for the summer season", "New destinations include Tbilisi, Nairobi and Singapore. Tickets go on sale next week."),
    wire("Petrol prices fall for the third week running", "The average price of a litre is now at its lowest since the spring, according to the motoring association."),
    wire("Minimum wage to rise by 7% from April", "The increase will benefit about 1.2 million workers, the labour ministry said. Employers' groups warned of pressure on small businesses."),
    // World
    wire("UN Security Council to meet in emergency session", "The meeting was requested by three members after overnight shelling near the border. It is due to begin at 3 pm New York time."),
    wire("Ceasefire talks resume in Geneva", "Delegations from both sides arrived on Tuesday evening. The UN envoy said he was “cautiously hopeful” of a deal on prisoner exchanges."),
    wire("Red Cross aid convoy reaches besieged town", "Twenty lorries carrying food, medicine and fuel crossed the front line this morning. It is the first convoy to get through in six weeks."),
    wire("Foreign ministers agree a new sanctions package", "The measures target four banks and a dozen shipping companies. They take effect on Monday."),
    wire("Coastguard rescues 43 people after ferry runs aground", "All passengers and crew were brought ashore safely. The cause of the accident is under investigation."),
    wire("Presidential election in neighbouring country goes to a run-off", "No candidate won more than half of the vote. The second round is set for a fortnight from Sunday."),
    wire("UN refugee agency appeals for $300 million in winter aid", "The money would pay for shelter, heating and blankets for about two million displaced people."),
    wire("Regional bloc admits its eleventh member", "Leaders approved the application unanimously at a summit. Membership takes effect at the start of next year."),
    // Sport
    wire("Riverside United beat Harbour City 2–1 in the derby", "The winner came in the 93rd minute from a header at the far post. United move up to second in the table."),
    wire("Lena Hartmann reaches the semi-finals in straight sets", "The world number four won 6–3, 6–4 in an hour and a quarter. She meets the defending champion on Friday."),
    wire("Tomas Reyes wins the 100 metres in 9.94 seconds", "It is the fastest time in the world this season. Reyes said he had “a lot more to give” before the championships."),
    wire("National team names squad for the qualifiers", "The coach called up three uncapped players and recalled the former captain after a year's absence."),
    wire("Harbour City sack head coach after fifth straight defeat", "The club said an interim coach would take charge of Saturday's match. A permanent successor is to be named within a month."),
    wire("Football federation fines Riverside United over crowd trouble", "The club must pay $120,000 and play one home game behind closed doors. It has seven days to appeal."),
    wire("Chess: world championship game drawn after 87 moves", "The match remains level at 4–4 with four games left. The next game is on Thursday."),
    wire("Home side levels basketball final series at 2–2", "A 15–2 run in the last quarter decided the game. The deciding fifth game is on Sunday."),
    // Weather
    wire("Storm warning issued for the coast, with gusts up to 110 km/h", "The weather service advises against travel along coastal roads after dark. Ferry crossings may be cancelled at short notice."),
    wire("Dense fog delays flights at the main airport", "About thirty departures were held on the ground this morning. The airport expects the fog to clear by midday."),
    wire("Heavy rain forecast for the whole country this weekend", "Up to 60 mm could fall in the hills on Saturday. Forecasters say rivers are already high after a wet week."),
    wire("Weather service lifts flood warnings for the north", "River levels have fallen below the danger mark. Roads closed on Tuesday have reopened."),
    wire("Forecast: a dry, sunny week after days of rain", "Temperatures will be a couple of degrees above the seasonal average. Night frost is possible inland."),
    // Culture
    wire("Halcyon literary prize announces its shortlist", "Six novels made the list, three of them debuts. The winner will be named next month."),
    wire("National museum to return 30 artefacts to their country of origin", "The objects were taken during the colonial period. The handover will take place in the spring."),
    wire("Opera house cancels tonight's performance after singer falls ill", "Ticket holders will get a refund or seats for a later date. The rest of the run goes ahead as planned."),
    wire("City orchestra names a new principal conductor", "She takes up the post next season and has signed a five-year contract. Her first concert will include a new commission."),
    wire("Painting stolen 40 years ago found in an attic", "The owners of the house called the police after spotting it in an old newspaper photograph. Experts have confirmed it is genuine."),
    wire("International film festival unveils its competition line-up", "Twenty-one films will compete for the main prize, eight of them directed by women."),
    // Science and technology
    wire("Space agency postpones satellite launch because of high winds", "The new launch window opens on Thursday morning. The satellite will monitor sea levels."),
    wire("Lumora fixes a security flaw affecting millions of phones", "Users are urged to install the update as soon as possible. The company said it had seen no sign the flaw had been exploited."),
    wire("Chipmaker Veridian to build a plant creating 1,500 jobs", "Construction will begin next year. The government is contributing to the cost through a tax break."),
    wire("Altamira observatory spots a comet that may be visible to the naked eye", "It should be brightest in about six weeks, low on the western horizon after sunset."),
    wire("Mobile network outage hits customers across the country", "Calls and data were down for about three hours. The operator blamed a faulty software update and promised compensation."),
    wire("Medicines regulator approves a new vaccine for older people", "It will be offered first to those over 75 and to care home residents, starting next month."),
    wire("Data protection authority fines Lumora $25 million", "The regulator said the company kept users' location data longer than the law allows. Lumora said it would appeal."),
    wire("Meriden University team reports a faster test for sepsis", "The test gives a result in under an hour instead of two days. Larger trials are planned for next year."),
    wire("Cyber security agency warns of fake parcel delivery messages", "The texts ask for a small payment and steal card details. The agency advises deleting them without clicking the link."),
];

/// Lines with a city: `{place}` (and `{place_loc}` for Russian).
#[rustfmt::skip]
pub static CITY: [Wire; 14] = [
    wire("Heavy rain floods streets in {place}", "Several underground stations were closed and buses diverted. Forecasters expect the rain to ease by the evening."),
    wire("Strong winds bring down trees in {place}", "Some flights were delayed and a number of roads were blocked. No one was hurt, the emergency services said."),
    wire("Metro workers strike in {place}", "Only one train in three is running, and queues have formed at bus stops. The unions want a pay rise in line with inflation."),
    wire("Power cut hits parts of {place}", "Engineers restored supply to most homes within two hours. The cause is being investigated."),
    wire("Warehouse fire in {place}; no injuries reported", "Firefighters brought the blaze under control after four hours. Residents nearby were told to keep their windows closed."),
    wire("Thousands march in {place} over the cost of housing", "Protesters want a cap on rents and more public housing. The march passed off peacefully."),
    wire("Climate talks open in {place}", "Delegates from more than 40 countries will try to agree a timetable for cutting methane emissions."),
    wire("Record warmth for the time of year in {place}", "Temperatures were about eight degrees above normal for the date. Forecasters expect cooler air by the weekend."),
    wire("Gas leak forces evacuation of an apartment block in {place}", "About 120 residents spent several hours in a nearby school. They were allowed home once the leak was sealed."),
    wire("Police in {place} arrest three over jewellery shop raid", "The suspects were detained in a dawn raid, and some of the stolen goods have been recovered."),
    wire("Jazz festival opens in {place}", "More than 200 musicians will play over five days. Several concerts are free."),
    wire("Bridge in {place} closed for urgent repairs", "Inspectors found cracks in a supporting beam. Traffic is being diverted, and the work is expected to take three weeks."),
    wire("Trade fair in {place} draws record number of exhibitors", "The organisers counted about 1,800 companies from 60 countries. The fair runs until Sunday."),
    wire("Water supply cut in parts of {place} after main bursts", "Tankers are delivering drinking water to the affected streets. Repairs should be finished overnight."),
];

/// The one breaking line of the day.
#[rustfmt::skip]
pub static BREAKING: [Wire; 3] = [
    wire("Prime minister resigns after losing a confidence vote", "Parliament voted 201 to 176 to withdraw its support from the government. The president has asked the cabinet to stay on until a new one is formed."),
    wire("Strong earthquake shakes the south of the country", "The magnitude 6.1 tremor struck at a depth of about 10 km. Emergency services are checking reports of damaged buildings; no casualties have been confirmed so far."),
    wire("Central bank cuts its key rate in an unscheduled move", "The rate falls by half a point to 4%, effective tomorrow. The bank said it acted to calm markets after a sharp fall in the currency."),
];
