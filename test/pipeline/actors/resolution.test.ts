// The resolution cases of the "Actors" issue, one test each, on sentences written for the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKnowledgeBase } from '../../../src/kb/knowledge-base.ts';
import { emptyAnalysis, type Analysis, type Mention } from '../../../src/model/types.ts';
import { textStage } from '../../../src/pipeline/text.ts';
import { actorsStage } from '../../../src/pipeline/actors.ts';
import { quotesStage } from '../../../src/pipeline/quotes.ts';
import { linkAnalyses } from '../../../src/link/index.ts';

const kb = loadKnowledgeBase();

function read(body: string, published?: string, id = 'test'): Analysis {
  const a = emptyAnalysis({ id, source: id, body, meta: published ? { published } : {}, dropped: [] });
  textStage.run(a, { kb });
  actorsStage.run(a, { kb });
  return a;
}

function mention(a: Analysis, text: string, nth = 0): Mention {
  const m = a.mentions.filter((x) => x.text === text)[nth];
  assert.ok(m, `no mention "${text}" (#${nth}) among: ${a.mentions.map((x) => `${x.text} [${x.via}]`).join(' | ')}`);
  return m;
}

const actorOf = (a: Analysis, m: Mention) => a.actors.find((x) => x.id === m.actor);

test('roles from a title before the name: "MoD Spokesman X" is a person of that ministry', () => {
  const a = read('The Belarusian Defence Ministry announced new drills. MoD Spokesman Uladzimir Makarau said they would last a week.');
  const m = mention(a, 'Uladzimir Makarau');
  assert.equal(m.kind, 'person');
  assert.equal(m.role, 'MoD Spokesman');
  assert.equal(m.code, 'BLRMIL');
  const p = actorOf(a, m)!;
  assert.equal(p.isNew, true);
  assert.equal(p.country, 'BLR');
  assert.deepEqual(p.roles, [{ title: 'MoD Spokesman' }]);
});

test('roles from an apposition: "Colonel X, Head of the ... Department of Poland’s MoD"', () => {
  const a = read('Colonel Tomasz Kowalik, Head of the International Cooperation Department of Poland’s MoD, arrived in Minsk on Monday.');
  const m = mention(a, 'Tomasz Kowalik');
  assert.equal(m.code, 'POLMIL');
  assert.match(m.role ?? '', /^Colonel, Head of the International Cooperation Department of Poland’s MoD$/);
  assert.equal(actorOf(a, m)?.country, 'POL');
  assert.equal(mention(a, 'Poland’s MoD').actor, 'org:pol-ministry-of-national-defence');
});

test('roles from an apposition: "X, an expert at <institute>" takes the institute’s country', () => {
  const a = read('Paweł Fleischer, an expert at the Centre for Eastern Studies, said the talks were useful.');
  const m = mention(a, 'Paweł Fleischer');
  assert.equal(m.kind, 'person');
  assert.equal(m.code, 'POLELI');
  assert.match(m.role ?? '', /expert at the Centre for Eastern Studies/);
});

test('titles resolve by the document’s date, and say so when it has none', () => {
  const text = 'The Polish president met his Lithuanian counterpart at the border.';
  assert.equal(mention(read(text, '2018-06-01'), 'Polish president').actor, 'person:andrzej-duda');
  const later = mention(read(text, '2026-02-01'), 'Polish president');
  assert.ok(later.actor && later.actor !== 'person:andrzej-duda');
  assert.equal(later.via, 'kb:office');
  const undated = mention(read(text), 'Polish president');
  assert.equal(undated.via, 'kb:office+undated');
  assert.equal(mention(read('Poland’s defence minister spoke first.', '2016-03-01'), 'Poland’s defence minister').actor, 'person:antoni-macierewicz');
});

test('within a document: surname alone, "the minister", "the ministry" and "the Belarusian leader"', () => {
  const a = read('Defence Minister Viktor Khrenin toured the border units. Khrenin said the minister would come back in spring. '
    + 'The ministry later published photos. The Belarusian leader praised the troops.', '2023-05-01');
  const full = mention(a, 'Viktor Khrenin');
  assert.equal(full.actor, 'person:viktor-khrenin');
  assert.equal(mention(a, 'Khrenin').actor, 'person:viktor-khrenin');
  const minister = mention(a, 'minister');
  assert.equal(minister.actor, 'person:viktor-khrenin');
  assert.equal(minister.via, 'coref:title');
  const ministry = mention(a, 'The ministry');
  assert.equal(ministry.code, 'BLRMIL');
  assert.equal(ministry.via, 'coref:ministry-of-minister');
  assert.equal(mention(a, 'Belarusian leader').actor, 'person:alexander-lukashenko');
});

test('"the minister" with no minister named before points to no one', () => {
  const a = read('Colonel Jan Invented-Nowak inspected the base. The minister was not there.');
  assert.ok(!a.mentions.some((m) => m.text === 'minister'));
});

test('"he" and "she" as speakers point to the person named before', () => {
  const a = read('Foreign Minister Radosław Sikorski flew to Brussels on Monday. “We will not be intimidated,” he said.', '2024-06-01');
  quotesStage.run(a, { kb });
  const q = a.quotes.find((x) => /intimidated/.test(x.text));
  assert.equal(q?.speaker, 'person:radoslaw-sikorski');
});

test('Georgia: the state, or the US state when the context says so, with the reason kept', () => {
  const state = mention(read('Georgia and Armenia signed a transit deal in Tbilisi.'), 'Georgia');
  assert.equal(state.actor, 'state:GEO');
  assert.match(state.via, /^kb:name \(the state, not the USA region: the usual reading\)$/);
  const a = read('The summit in Savannah, Georgia, drew crowds, and the Georgia governor spoke at length.');
  const after = mention(a, 'Georgia', 0);
  assert.equal(after.kind, 'place');
  assert.equal(after.actor, undefined);
  assert.equal(after.via, 'kb:place USA (after "Savannah")');
  assert.equal(mention(a, 'Georgia', 1).via, 'kb:place USA (regional word "governor")');
  assert.ok(!a.actors.some((x) => x.id === 'state:GEO'));
  assert.equal(mention(read('Georgia’s state television aired the speech.'), 'Georgia’s state television').actor, 'state:GEO');
});

test('Brest: in Belarus unless the context points to France', () => {
  assert.equal(mention(read('Troops gathered near Brest, close to the Polish border.'), 'Brest').via, 'kb:place BLR (the usual reading)');
  assert.equal(mention(read('The frigate docked in Brest, France, last week.'), 'Brest').via, 'kb:place FRA ("France" follows)');
  assert.equal(mention(read('The French port of Brest hosted the fleet.'), 'Brest').via, 'kb:place FRA ("French" in its phrase)');
  const doc = read('France and Britain held naval talks. French officers said the carrier would sail from Brest in May.');
  assert.equal(mention(doc, 'Brest').via, 'kb:place FRA (the document names FRA most)');
});

test('Washington: the US government, or the city where something happens', () => {
  const gov = mention(read('Washington imposed new sanctions on Minsk.'), 'Washington');
  assert.equal(gov.code, 'USAGOV');
  const city = mention(read('Thousands of protesters marched in Washington on Sunday.'), 'Washington');
  assert.equal(city.kind, 'place');
  assert.equal(city.via, 'kb:capital-as-place');
});

test('unknown people and organisations are typed and coded from their context', () => {
  const a = read('Belarusian military expert Alyaksandr Alesin said the exercises were routine. The Lithuanian Institute for Border Studies disagreed.');
  const m = mention(a, 'Alyaksandr Alesin');
  const p = actorOf(a, m)!;
  assert.equal(p.kind, 'person');
  assert.equal(p.code, 'BLRELI');
  assert.equal(p.country, 'BLR');
  assert.equal(p.isNew, true);
  assert.deepEqual(p.roles, [{ title: 'Belarusian military expert' }]);
  const org = actorOf(a, mention(a, 'Lithuanian Institute for Border Studies'))!;
  assert.equal(org.kind, 'org');
  assert.equal(org.code, 'LTUELI');
  assert.equal(org.isNew, true);
});

test('transliterations: one actor whatever the spelling', () => {
  const a = read('Łukaszenka met Lukashenko’s aides; Alyaksandr Lukashenka later spoke. President Zelenskyy and Zelensky’s team flew from Kiev to Kyiv.', '2023-01-01');
  for (const t of ['Łukaszenka', 'Lukashenko', 'Alyaksandr Lukashenka']) assert.equal(mention(a, t).actor, 'person:alexander-lukashenko', t);
  assert.equal(mention(a, 'Zelenskyy').actor, mention(a, 'Zelensky').actor);
  assert.ok(mention(a, 'Zelenskyy').actor?.startsWith('person:volodymyr-zel'));
});

test('across documents: a new person in two transliterations is one actor', () => {
  const one = read('Belarusian MoD spokesman Uladzimir Invented-Makarau said the drills ended.', '2024-03-01', 'one');
  const two = read('Belarusian MoD spokesman Vladimir Invented-Makarov told reporters the drills were over.', '2024-04-01', 'two');
  const ids = [one, two].map((a) => a.actors.find((x) => /invented-makar/.test(x.id))?.id);
  assert.equal(ids[0], 'new:person:vladimir-invented-makarov');
  assert.equal(ids[1], ids[0]);
  // within a document too, the second spelling joins the first as an alias
  const both = read('Uladzimir Invented-Makarau spoke first. Later Vladimir Invented-Makarov, a colonel, spoke again.');
  const actor = both.actors.find((x) => x.id === ids[0])!;
  assert.equal(actor.name, 'Uladzimir Invented-Makarau');
  assert.ok(actor.aliases.includes('Vladimir Invented-Makarov'));
  // names in their own alphabet keep their own id
  assert.ok(read('Analyst Paweł Żukowski and analyst Andrzej Kowalski spoke.').actors.some((x) => x.id === 'new:person:andrzej-kowalski'));
});

test('across documents: other spellings of a new person are linked by the corpus links', () => {
  const one = read('Belarusian analyst Alyaksandr Invented-Zubrik said the border was calm.', '2024-03-01', 'one');
  const two = read('Belarusian analyst Aliaksandr Invented-Zubrik told reporters the drills were over.', '2024-04-01', 'two');
  const ids = [one, two].map((a) => a.actors.find((x) => /invented-zubrik/.test(x.id))!.id);
  const links = linkAnalyses([one, two]);
  const target = (id: string) => links.sameActor[id] ?? id;
  assert.equal(target(ids[0]), target(ids[1]));
});

test('a spokesperson with no organisation in the title speaks for the institution named just before', () => {
  const a = read('Belarus’ Foreign Ministry rejected the claims. Spokesman Anatoly Glaz called them inventions.');
  assert.equal(mention(a, 'Anatoly Glaz').code, 'BLRGOV');
});

test('"Dr." is a title, not part of the name; a city in an unknown institute’s name gives its country', () => {
  const a = read('Dr. Margarita Šešelgytė, an analyst at Vilnius University, said the drills were a test.');
  const m = mention(a, 'Margarita Šešelgytė');
  assert.equal(m.code, 'LTUELI');
  assert.equal(actorOf(a, mention(a, 'Vilnius University'))?.code, 'LTUELI');
});

test('an institution name that several countries use is matched only with its country', () => {
  const a = read('The State Border Guard Service of Lithuania counted 40 attempts. Ukraine’s Security Service made arrests, and the Security Service said nothing more.');
  assert.equal(mention(a, 'State Border Guard Service of Lithuania').code, 'LTUMIL');
  assert.equal(mention(a, 'Ukraine’s Security Service').code, 'UKRSPY');
  assert.ok(!a.mentions.some((m) => m.text === 'Security Service' && m.actor), 'a bare shared name names no one');
});

test('a known person’s dated role names its ministry: a defence ministry spokesman is MIL', () => {
  const a = read('Igor Konashenkov said twelve drones were shot down.', '2024-11-20');
  assert.equal(mention(a, 'Igor Konashenkov').code, 'RUSMIL');
});

test('"her adviser X" takes the code of the person named before, not of an organisation nearby', () => {
  const a = read('Belarusian opposition leader Sviatlana Tsikhanouskaya urged the EU to act. Her adviser Franak Viačorka agreed.');
  assert.equal(mention(a, 'Franak Viačorka').code, 'BLROPP');
});

test('portfolio words belong to the title: "Lithuanian Interior Minister X"', () => {
  const m = mention(read('Lithuanian Interior Minister Agnė Bilotaitė said the border was calm.'), 'Agnė Bilotaitė');
  assert.equal(m.role, 'Lithuanian Interior Minister');
  assert.equal(m.code, 'LTUGOV');
});

test('abbreviated titles ("Gen.") are titles; a kb office keeps its code when the title words say no sector', () => {
  const a = read('Gen. Valery Gerasimov met Secretary Hegseth.', '2025-03-01');
  assert.equal(mention(a, 'Valery Gerasimov').role, 'Gen.');
  assert.equal(mention(a, 'Hegseth').code, 'USAMIL');
});

test('"the General Staff" with no country is the institution of the country the document is about', () => {
  const a = read('Ukraine asked for air defence. Kyiv said Ukraine would hold the line, and Ukrainian troops moved east. The General Staff said two attacks were repelled.');
  const m = mention(a, 'General Staff');
  assert.equal(m.code, 'UKRMIL');
  assert.match(m.via ?? '', /institution-of-focus UKR/);
  // with no clear focus, the bare name stays unresolved rather than guessed
  const b = read('Poland and Lithuania met. The General Staff said nothing.');
  assert.equal(b.mentions.some((x) => x.text === 'General Staff'), false);
});

test('a judge or a legislator whose title names no country belongs to the country of the sentence, as a minister does', () => {
  const a = read('Judge Tomas Varga opened an inquiry into Slovak customs officers on Friday.');
  assert.equal(mention(a, 'Tomas Varga').code, 'SVKJUD');
  const b = read('Hungarian voters re-elected the coalition. Senator Ilona Kertesz asked for a recount.');
  assert.equal(mention(b, 'Ilona Kertesz').code, 'HUNLEG');
});

test('a country inside an "anti-"/"pro-" modifier is what the actor opposes or supports, not its own', () => {
  const a = read('An anti-Iran blogger was detained in Baghdad. A pro-Iran militia later attacked the base.');
  const codes = a.mentions.map((m) => m.code ?? '');
  assert.ok(codes.every((c) => !c.startsWith('IRN')), `an Iranian code among: ${a.mentions.map((m) => `${m.text}=${m.code}`).join(' | ')}`);
  // without the prefix the demonym is the person's own
  const b = read('An Iranian blogger was detained in Baghdad.');
  assert.ok(b.mentions.some((m) => m.code?.startsWith('IRN')), 'the demonym still names the country');
});

test('a bare "Security Council" is the UN organ; one named with its country stays national', () => {
  const a = read('The Security Council voted on Tuesday to extend the monitoring mission. Later the Russian Security Council met in Moscow.');
  assert.equal(mention(a, 'Security Council').code, 'UN');
  assert.equal(mention(a, 'Russian Security Council').code, 'RUSGOV');
});

test('"officers" after a country word are its military; "police officers" its police', () => {
  const a = read('Iraqi officers left the border talks. Later Iraqi police officers closed the road.');
  assert.equal(mention(a, 'Iraqi officers').code, 'IRQMIL');
  assert.equal(mention(a, 'Iraqi police officers').code, 'IRQCOP');
});
