import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Analysis, ActorKind, Mention, Quote } from '../../src/model/types.ts';
import { emptyAnalysis } from '../../src/model/types.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import type { PipelineContext } from '../../src/pipeline/stage.ts';
import type { KnowledgeBase } from '../../src/kb/knowledge-base.ts';
import { quotesStage } from '../../src/pipeline/quotes.ts';

// A hand-made analysis: tokens from the tokenizer, mentions placed by their text (the nth occurrence).
type M = { text: string; actor: string; kind: ActorKind; code?: string; nth?: number };

const ACTORS: Actor[] = [
  { id: 'person:marta-kask', name: 'Marta Kask', kind: 'person', code: 'ESTGOV', aliases: [] },
  { id: 'person:ivan-horak', name: 'Ivan Horak', kind: 'person', code: 'CZEMIL', aliases: [] },
  { id: 'org:ltu-ministry-of-foreign-affairs', name: 'Ministry of Foreign Affairs of Lithuania', kind: 'org', code: 'LTUGOV', aliases: [] },
  { id: 'state:EST', name: 'Estonia', kind: 'state', code: 'EST', aliases: [] },
  { id: 'state:LVA', name: 'Latvia', kind: 'state', code: 'LVA', aliases: [] },
];

function analyse(body: string, mentions: M[] = []): Analysis {
  const a = emptyAnalysis({ id: 'd', source: 'test', body, meta: {}, dropped: [] });
  Object.assign(a, tokenize(body));
  a.actors = ACTORS;
  for (const m of mentions) {
    let at = -1;
    for (let k = 0; k <= (m.nth ?? 0); k++) at = body.indexOf(m.text, at + 1);
    assert.ok(at >= 0, `mention ${m.text} not in the text`);
    const mention: Mention = { start: at, end: at + m.text.length, text: m.text, actor: m.actor, kind: m.kind, via: 'test' };
    if (m.code) mention.code = m.code;
    a.mentions.push(mention);
  }
  const ctx = { kb: { actors: new Map(), lexicon: () => [] } as unknown as KnowledgeBase } as PipelineContext;
  quotesStage.run(a, ctx);
  return a;
}

const KASK: M = { text: 'Marta Kask', actor: 'person:marta-kask', kind: 'person' };
const only = (a: Analysis): Quote => { assert.equal(a.quotes.length, 1, JSON.stringify(a.quotes)); return a.quotes[0]; };

test('speaker after the quote: “…,” X said.', () => {
  const q = only(analyse('“We will not accept any new bases on our soil,” Marta Kask said on Monday.', [KASK]));
  assert.equal(q.kind, 'direct');
  assert.equal(q.text, 'We will not accept any new bases on our soil');
  assert.equal(q.speaker, 'person:marta-kask');
  assert.equal(q.speakerText, 'Marta Kask');
  assert.equal(q.speakerCode, 'ESTGOV');
  assert.equal(q.cue, 'said');
});

test('cue before the speaker: “…,” said X.', () => {
  const q = only(analyse('“The patrols will continue through the winter,” said Marta Kask, the Estonian minister.', [KASK]));
  assert.equal(q.speaker, 'person:marta-kask');
  assert.equal(q.cue, 'said');
});

test('speaker before a colon: X told reporters: “…”', () => {
  const q = only(analyse('Marta Kask told reporters: “Our answer will be measured and firm.”', [KASK]));
  assert.equal(q.speaker, 'person:marta-kask');
  assert.equal(q.text, 'Our answer will be measured and firm.');
  assert.equal(q.cue, 'told');
});

test('a speaker the knowledge base does not know keeps the name as written, without titles', () => {
  const q = only(analyse('“No comment. Everything is on our website,” MoD Spokesman Tomas Vrba told the radio station.'));
  assert.equal(q.speaker, undefined);
  assert.equal(q.speakerText, 'Tomas Vrba');
});

test('an apposition between speaker and cue: “…,” X, an analyst at Y, believes.', () => {
  const q = only(analyse('“This is a turning point for the region,” Oskar Lind, an analyst at the Baltic Forecasting Centre, believes.'));
  assert.equal(q.speakerText, 'Oskar Lind');
  assert.equal(q.cue, 'believes');
});

test('an interrupted quote is one quote with one speaker: “…,” she said, “and …”', () => {
  const body = 'Marta Kask spoke after the meeting. “Latvia is a close partner,” she said, “and we will defend it as our own land.”';
  const q = only(analyse(body, [KASK]));
  assert.equal(q.text, 'Latvia is a close partner, and we will defend it as our own land.');
  assert.equal(q.speaker, 'person:marta-kask');
  assert.equal(body.slice(q.start, q.start + 6), 'Latvia');
  assert.ok(body.slice(q.start, q.end).endsWith('own land.'));
});

test('an interrupted quote with the comma outside the marks and the cue after the name', () => {
  const q = only(analyse('“Estonia will not be intimidated”, Marta Kask said, “whatever the drills next door look like.”', [KASK]));
  assert.equal(q.text, 'Estonia will not be intimidated, whatever the drills next door look like.');
  assert.equal(q.speaker, 'person:marta-kask');
});

test('two quoted sentences around an attribution stay two quotes of one speaker', () => {
  const a = analyse('“Estonia is ready,” Marta Kask said. “The brigade will stay.”', [KASK]);
  assert.deepEqual(a.quotes.map((q) => [q.text, q.speaker]), [['Estonia is ready', 'person:marta-kask'], ['The brigade will stay.', 'person:marta-kask']]);
});

test('a quote that runs over two paragraphs is one quote', () => {
  const body = 'Marta Kask gave a long answer.\n\n“The exercise is routine and was announced months ago.\n\n“Nobody should read more into it than that,” she said.';
  const q = only(analyse(body, [KASK]));
  assert.match(q.text, /^The exercise is routine.*than that$/s);
  assert.ok(!q.text.includes('“'));
  assert.equal(q.speaker, 'person:marta-kask');
});

test('the sentence before a colon names the speaker; “they noted” points back to it', () => {
  const body = 'The Lithuanian Foreign Ministry has been sparing with comments:\n\n“The visit concerns bilateral matters and the security of the region,” they noted.';
  const q = only(analyse(body, [{ text: 'Lithuanian Foreign Ministry', actor: 'org:ltu-ministry-of-foreign-affairs', kind: 'org' }]));
  assert.equal(q.speaker, 'org:ltu-ministry-of-foreign-affairs');
  assert.equal(q.speakerCode, 'LTUGOV');
});

test('a named speaker after the quote wins over a generic subject before the colon', () => {
  const body = 'Analysts explain the caution:\n\n“Both sides want to keep the talks quiet for now,” Oskar Lind said.';
  assert.equal(only(analyse(body)).speakerText, 'Oskar Lind');
});

test('“he” goes to the most recent person outside quotes', () => {
  const body = 'Ivan Horak met Marta Kask in Tallinn. Afterwards Ivan Horak spoke to the press. “We agreed on a joint training plan,” he added.';
  const q = only(analyse(body, [KASK, { text: 'Ivan Horak', actor: 'person:ivan-horak', kind: 'person', nth: 1 }]));
  assert.equal(q.speaker, 'person:ivan-horak');
  assert.equal(q.cue, 'added');
});

test('a description like “the minister” goes to the most recent person', () => {
  const body = 'Marta Kask visited the border post. “The fence will be finished by spring,” the minister said.';
  assert.equal(only(analyse(body, [KASK])).speaker, 'person:marta-kask');
});

test('a surname alone refers back to the full name of an earlier speaker', () => {
  const body = '“The talks went well,” Oskar Lind said.\n\n“Nobody expected a breakthrough this early in the process,” Lind stressed.';
  const a = analyse(body);
  assert.deepEqual(a.quotes.map((q) => q.speakerText), ['Oskar Lind', 'Oskar Lind']);
});

test('a long quote nobody is said to have said stays a quote without a speaker', () => {
  const q = only(analyse('“The border will stay closed until the situation changes and the refugees are safe.” The sign hung at the gate.'));
  assert.equal(q.speaker, undefined);
  assert.equal(q.speakerText, undefined);
});

test('short quoted terms with no speaker are not quotes', () => {
  const a = analyse('The government called it a “hybrid attack” and blamed its “Eastern partners” for the crisis.');
  assert.deepEqual(a.quotes, []);
});

test('a short term woven into the sentence is not given to a cue later in it', () => {
  const a = analyse('The “win-win” arrangement pleased both capitals, as the minister noted after the talks.');
  assert.deepEqual(a.quotes, []);
});

test('a short quote inside a reported clause is the reporter’s speaker’s, even with no cue next to it', () => {
  const a = analyse('He added that Estonia was “not a colony” and would “never again” take orders, Marta Kask said.', [KASK]);
  const direct = a.quotes.filter((q) => q.kind === 'direct');
  assert.deepEqual(direct.map((q) => q.text), ['not a colony', 'never again']);
  assert.ok(direct.every((q) => q.speaker !== undefined));
});

test('trailing attribution: CLAUSE, X said on Monday.', () => {
  const q = only(analyse('Two battalions will move to the eastern border next month, Marta Kask said on Monday.', [KASK]));
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'Two battalions will move to the eastern border next month');
  assert.equal(q.speaker, 'person:marta-kask');
});

test('a bare complement after the speech verb: X said it would …', () => {
  const q = only(analyse('Estonia said it would expel two diplomats over the incident.', [{ text: 'Estonia', actor: 'state:EST', kind: 'state' }]));
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'it would expel two diplomats over the incident');
});

test('a participle speech verb takes the subject of the sentence: X did Y, saying …', () => {
  const q = only(analyse('Estonia rejected the request, saying it would not hand over the documents.', [{ text: 'Estonia', actor: 'state:EST', kind: 'state' }]));
  assert.equal(q.speaker, 'state:EST');
  assert.equal(q.text, 'it would not hand over the documents');
});

test('the object of a report moved before it is not a report: what X said it would not do', () => {
  const a = analyse('The army did exactly what Marta Kask said it would never do in peacetime.', [KASK]);
  assert.deepEqual(a.quotes, []);
});

test('usual source words may stand as speakers of reported speech, other common nouns not', () => {
  const a = analyse('The convoy crossed the river at dawn, officials said. The bridge was closed for repairs, the weather said.');
  assert.deepEqual(a.quotes.map((q) => q.speakerText), ['officials']);
});

test('a short quote with a speaker next to it is a quote', () => {
  const q = only(analyse('“No comment,” Marta Kask said.', [KASK]));
  assert.equal(q.text, 'No comment');
  assert.equal(q.speaker, 'person:marta-kask');
});

test('a short quote inside reported speech is the speaker’s (partial quote)', () => {
  const a = analyse('Marta Kask said the drills were “purely defensive” and posed no threat.', [KASK]);
  assert.deepEqual(a.quotes.map((q) => [q.kind, q.text, q.speaker]), [
    ['indirect', 'the drills were “purely defensive” and posed no threat', 'person:marta-kask'],
    ['direct', 'purely defensive', 'person:marta-kask'],
  ]);
});

test('“In his words, …” gives the quote to the owner of the words', () => {
  const a = analyse('Ivan Horak spoke first. In his words, the neighbours “have made themselves hostages of Brussels”.', [{ text: 'Ivan Horak', actor: 'person:ivan-horak', kind: 'person' }]);
  const q = a.quotes.find((x) => x.kind === 'direct');
  assert.equal(q?.speaker, 'person:ivan-horak');
  assert.equal(q?.cue, 'In his words');
});

test('“its spokesperson” speaks for the organisation named before', () => {
  const body = 'The Lithuanian Foreign Ministry answered quickly. Its spokesperson told the radio that Vilnius would not negotiate “over the heads of the EU”.';
  const a = analyse(body, [
    { text: 'Lithuanian Foreign Ministry', actor: 'org:ltu-ministry-of-foreign-affairs', kind: 'org' },
    { text: 'Vilnius', actor: 'state:LTU', kind: 'state' },
  ]);
  assert.deepEqual(a.quotes.map((q) => [q.kind, q.speaker, q.speakerText]), [
    ['indirect', 'org:ltu-ministry-of-foreign-affairs', 'Its spokesperson'],
    ['direct', 'org:ltu-ministry-of-foreign-affairs', 'Its spokesperson'],
  ]);
});

test('“…,” X told Belsat: the outlet is the listener, not the speaker', () => {
  const q = only(analyse('“It is all theatre,” one Lithuanian diplomat, speaking on condition of anonymity, told Belsat.'));
  assert.equal(q.kind, 'direct');
  assert.equal(q.speakerText, 'one Lithuanian diplomat');
});

test('straight double quotes and guillemets work like curly ones', () => {
  const a = analyse('"We are ready for any scenario," Marta Kask said. «The alliance stands together and will not be divided,» said Oskar Lind.', [KASK]);
  assert.equal(a.quotes.length, 2);
  assert.equal(a.quotes[0].speaker, 'person:marta-kask');
  assert.equal(a.quotes[1].speakerText, 'Oskar Lind');
});

test('According to X, “…”', () => {
  const q = only(analyse('According to Marta Kask, “the new battalion will be in place before the summer exercises.”', [KASK]));
  assert.equal(q.speaker, 'person:marta-kask');
  assert.equal(q.cue, 'According to');
});

test('indirect speech: X said that …', () => {
  const body = 'The Latvian government said that it was not planning to close the border crossings.';
  const q = only(analyse(body, [{ text: 'Latvian government', actor: 'state:LVA', kind: 'state', code: 'LVAGOV' }]));
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'it was not planning to close the border crossings');
  assert.equal(q.speaker, 'state:LVA');
  assert.equal(q.speakerCode, 'LVAGOV');
  assert.equal(body.slice(q.start, q.end), q.text);
});

test('indirect speech with an object: X told reporters that …', () => {
  const q = only(analyse('Marta Kask told reporters that the troops would stay until next year.', [KASK]));
  assert.equal(q.kind, 'indirect');
  assert.equal(q.speaker, 'person:marta-kask');
  assert.equal(q.text, 'the troops would stay until next year');
});

test('no indirect speech from belief verbs, negation, or an unnamed subject', () => {
  const body = 'Marta Kask believes that the sanctions will work. Marta Kask did not say that the border would close. One might say that the summit failed.';
  assert.deepEqual(analyse(body, [KASK, { ...KASK, nth: 1 }]).quotes, []);
});

test('“According to X, clause.” is indirect speech', () => {
  const q = only(analyse('According to Marta Kask, the radar station will open in the autumn.', [KASK]));
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'the radar station will open in the autumn');
});

test('offsets of a direct quote cover the quoted words', () => {
  const body = 'Marta Kask said: “Our patience has limits.”';
  const q = only(analyse(body, [KASK]));
  assert.equal(body.slice(q.start, q.end), 'Our patience has limits.');
});

test('a quote right after an attributed one in the same paragraph has the same speaker', () => {
  const a = analyse('“We will not wait,” Marta Kask told reporters. “Our border is the alliance’s border too.”', [KASK]);
  assert.deepEqual(a.quotes.map((q) => q.speaker), ['person:marta-kask', 'person:marta-kask']);
});

test('a quote after another sentence in between does not inherit the speaker', () => {
  const a = analyse('“We will not wait,” Marta Kask said. The opposition disagreed. “This is theatre for the voters and nothing more.”', [KASK]);
  assert.equal(a.quotes.length, 2);
  assert.equal(a.quotes[1].speaker, undefined);
});

test('a participle continues the speech of the verb before it: said …, adding that X “…”', () => {
  const a = analyse('“The drills are routine,” Marta Kask said at a briefing, adding that Tallinn “reserves the right to respond”.', [KASK]);
  assert.deepEqual(a.quotes.map((q) => [q.text, q.speaker]), [
    ['The drills are routine', 'person:marta-kask'],
    ['reserves the right to respond', 'person:marta-kask'],
  ]);
});

test('a cue in a relative clause of the apposition is not the attribution', () => {
  const q = only(analyse('“Nobody can guard every metre of this forest,” a former commander, who asked not to be named, told the newspaper.'));
  assert.equal(q.speakerText, 'a former commander');
  assert.equal(q.cue, 'told');
});

test('a quoted phrase in another clause is not given to the announcer', () => {
  const a = analyse('Latvia will double its patrols, Marta Kask announced, in what officials describe as a reply to “hybrid pressure” from Minsk.', [KASK]);
  assert.ok(!a.quotes.some((q) => q.kind === 'direct'));
});

test('names split by the tokenizer at letters like ņ are read whole', () => {
  const q = only(analyse('“We are ready,” Evika Siliņa told reporters.'));
  assert.equal(q.speakerText, 'Evika Siliņa');
});

test('a coordinated speech verb after a quote keeps its speaker: said “…” and warned that X was “…”', () => {
  const a = analyse('Marta Kask said Minsk was “not interested in talks” and warned that the smugglers were “testing our nerves”.', [KASK]);
  assert.deepEqual(a.quotes.filter((q) => q.kind === 'direct').map((q) => [q.text, q.speaker]), [
    ['not interested in talks', 'person:marta-kask'],
    ['testing our nerves', 'person:marta-kask'],
  ]);
});

test('a participial apposition between speaker and cue: “…,” X, speaking after …, said.', () => {
  const q = only(analyse('“The door to dialogue remains open,” Marta Kask, speaking after a meeting in Warsaw, said.', [KASK]));
  assert.equal(q.speaker, 'person:marta-kask');
});

test('a cue with adverbials before the colon: X said in a statement on its website: “…”', () => {
  const body = 'The Lithuanian Foreign Ministry said in a statement on its website: “The note has been handed to the chargé d’affaires.”';
  const q = only(analyse(body, [{ text: 'Lithuanian Foreign Ministry', actor: 'org:ltu-ministry-of-foreign-affairs', kind: 'org' }]));
  assert.equal(q.speaker, 'org:ltu-ministry-of-foreign-affairs');
});

test('“quoted as saying” is one cue', () => {
  const q = only(analyse('Ivan Horak met the press. “We have enough ammunition for a long winter,” he was quoted as saying.', [{ text: 'Ivan Horak', actor: 'person:ivan-horak', kind: 'person' }]));
  assert.equal(q.speaker, 'person:ivan-horak');
  assert.equal(q.cue, 'quoted as saying');
});

test('odd mixes of marks and cues never break the stage, and every span stays in the body', () => {
  for (const body of ['said , „" « Poland', '“', '”He said: “', '"a" "b" "c', 'told: “x” ‘y’ \' z \'', '« » „ “ ” « »']) {
    const a = analyse(body);
    for (const q of a.quotes) assert.ok(q.start >= 0 && q.end <= body.length && q.start <= q.end, body);
  }
});

test('“the minister” with no known actor goes back to the fuller phrase, and “he” to that speaker', () => {
  const body = 'Latvia’s defence minister spoke to our correspondent.\n\nThe minister was blunt:\n\n“Nobody in the region has any illusions about Moscow.”\n\nOn conscription he was careful. “The law will change next year,” he said.';
  const a = analyse(body);
  assert.deepEqual(a.quotes.map((q) => q.speakerText), ['Latvia’s defence minister', 'Latvia’s defence minister']);
});

test('an accusation quotes the accuser: accused X of “…”', () => {
  const a = analyse('Marta Kask said Moscow had “failed” and accused the Kremlin of “blackmail”.', [KASK]);
  assert.deepEqual(a.quotes.filter((q) => q.kind === 'direct').map((q) => [q.text, q.speaker]), [
    ['failed', 'person:marta-kask'],
    ['blackmail', 'person:marta-kask'],
  ]);
});

test('“In his opinion, …” gives a partial quote to the owner of the opinion', () => {
  const a = analyse('Ivan Horak spoke next. In his opinion, the region is becoming “a second front”.', [{ text: 'Ivan Horak', actor: 'person:ivan-horak', kind: 'person' }]);
  const q = a.quotes.find((x) => x.kind === 'direct');
  assert.equal(q?.speaker, 'person:ivan-horak');
});

test('the place where a speaker is does not speak: one ambassador in Riga put it: “…”', () => {
  const body = 'One European ambassador in Riga put it bluntly: “He is a hostage who pretends to be a mediator.”';
  const q = only(analyse(body, [{ text: 'Riga', actor: 'state:LVA', kind: 'state', code: 'LVAGOV' }]));
  assert.equal(q.speaker, undefined);
  assert.equal(q.speakerText, 'One European ambassador in Riga');
});

test('an infinitive has no speaker: it is fashionable to describe X as a “fortress”', () => {
  const a = analyse('It has become fashionable in Western capitals to describe the Baltic states as a “fortress”.');
  assert.deepEqual(a.quotes, []);
});

test('after a quote closed with a full stop, a new sentence is not its attribution', () => {
  const a = analyse('Marta Kask spoke at a rally. “We are ready for anything.” The crowd said nothing about it for a long while.', [KASK]);
  assert.equal(only(a).speakerText, undefined);
  const b = analyse('“Well, do them a favour!” Marta Kask said on Friday.', [KASK]);
  assert.equal(only(b).speaker, 'person:marta-kask');
});

test('actors named inside reported speech are not what “it” points back to', () => {
  const body = 'The Lithuanian Foreign Ministry said that Estonia would not accept any conditions. It accused Riga of “weaponising” the border.';
  const a = analyse(body, [
    { text: 'Lithuanian Foreign Ministry', actor: 'org:ltu-ministry-of-foreign-affairs', kind: 'org' },
    { text: 'Estonia', actor: 'state:EST', kind: 'state' },
  ]);
  assert.equal(a.quotes.find((q) => q.kind === 'direct')?.speaker, 'org:ltu-ministry-of-foreign-affairs');
});

test('a common noun that is no usual source does not speak: the talks continue: “…”', () => {
  const q = only(analyse('The talks continue: “Both delegations will meet again in Vilnius next month to finish the text.”'));
  assert.equal(q.speakerText, undefined);
  const r = only(analyse('“Both delegations will meet again in Vilnius next month,” officials said.'));
  assert.equal(r.speakerText, 'officials');
});

test('a usual source before the colon speaks, not the object of its verb: Analysts at X explain the move: “…”', () => {
  const q = only(analyse('Analysts at the academy explain the decision in plain words: “Tallinn wants allied troops on its soil, at any cost.”'));
  assert.equal(q.speakerText, 'Analysts at the academy');
});

test('the subject of a passive cue is not the speaker: “…” The note was posted on Friday.', () => {
  const q = only(analyse('“Nothing has changed along the border.” The note was posted on Friday.'));
  assert.equal(q.speakerText, undefined);
  const r = only(analyse('“We stay,” Marta Kask was quoted as saying.', [KASK]));
  assert.equal(r.speaker, 'person:marta-kask');
});

test('“According to X, an apposition, CLAUSE”: the apposition is not reported speech', () => {
  const a = analyse('According to Marta Kask, a senior adviser at the ministry, the new radars will be ready in spring.', [KASK]);
  const q = only(a);
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'the new radars will be ready in spring');
  assert.equal(q.speaker, 'person:marta-kask');
});

test('a name in the apposition speaks for the description before it: “…,” the head of X, Marta Kask, said.', () => {
  const q = only(analyse('“The drills are routine,” the head of the border guard, Marta Kask, said.', [KASK]));
  assert.equal(q.speaker, 'person:marta-kask');
  const r = only(analyse('The head of the border guard, Marta Kask, claimed that the fence would be finished by May.', [KASK]));
  assert.equal(r.kind, 'indirect');
  assert.equal(r.speaker, 'person:marta-kask');
  // a description in the apposition leaves the named subject speaking
  const s = only(analyse('Marta Kask, the head of the border guard, claimed that the fence would be finished by May.', [KASK]));
  assert.equal(s.speaker, 'person:marta-kask');
});

test('As X put it, “…”', () => {
  const q = only(analyse('As Marta Kask put it, “Estonia is nobody’s buffer zone.”', [KASK]));
  assert.equal(q.speaker, 'person:marta-kask');
});

test('“…,” X said, adding that CLAUSE: the clause is X’s reported speech', () => {
  const a = analyse('“We will not be provoked,” Marta Kask said, adding that the patrols would continue.', [KASK]);
  assert.deepEqual(a.quotes.map((q) => [q.kind, q.text, q.speaker]), [
    ['direct', 'We will not be provoked', 'person:marta-kask'],
    ['indirect', 'the patrols would continue', 'person:marta-kask'],
  ]);
});

test('CLAUSE, according to X: trailing “according to” reports the clause', () => {
  const q = only(analyse('The new radars will be ready in spring, according to Marta Kask.', [KASK]));
  assert.deepEqual([q.kind, q.text, q.speaker, q.cue], ['indirect', 'The new radars will be ready in spring', 'person:marta-kask', 'according to']);
});

test('a usual source before a place speaks with it: Officials in Tallinn said that …', () => {
  const q = only(analyse('Officials in Tallinn said on Friday that the cable was cut on purpose.', [{ text: 'Tallinn', actor: 'state:EST', kind: 'state' }]));
  assert.equal(q.speakerText, 'Officials in Tallinn');
  assert.equal(q.text, 'the cable was cut on purpose');
});

test('one capitalised common word opening a sentence is a generic speaker, not a name: Critics describe X as a “…”', () => {
  const a = analyse('Critics describe the new fence as a “wall of shame” along the border.');
  assert.deepEqual(a.quotes, []);
});

test('a bare reported clause with a comparison or a plain verb: X said more than 900 … had …; groups say the closure breaches …', () => {
  const a = analyse('Marta Kask said more than 900 migrants had crossed since May.', [KASK]);
  assert.deepEqual(a.quotes.map((q) => [q.kind, q.text, q.speaker]), [['indirect', 'more than 900 migrants had crossed since May', 'person:marta-kask']]);
  const b = analyse('Rights groups say the new fence breaches international law.');
  assert.deepEqual(b.quotes.map((q) => [q.text, q.speakerText]), [['the new fence breaches international law', 'Rights groups']]);
  // the listener after "told" is no subject: "told the soldiers stationed there" reports nothing
  assert.deepEqual(analyse('Marta Kask told the soldiers stationed near Narva to stay alert.', [KASK]).quotes, []);
});

test('its deputy, a name in apposition, speaks: Its deputy head, Ivan Horak, told the radio that …', () => {
  const a = analyse('Its deputy head, Ivan Horak, told the radio that the crossings were “well organised”.', [{ text: 'Ivan Horak', actor: 'person:ivan-horak', kind: 'person' }]);
  const indirect = a.quotes.find((q) => q.kind === 'indirect');
  assert.equal(indirect?.speaker, 'person:ivan-horak');
  assert.equal(indirect?.text, 'the crossings were “well organised”', 'the closing mark stays with the clause');
});

test('a paragraph that is only a quote goes on with the speaker of the quote that ends the paragraph before', () => {
  const body = 'Marta Kask spoke after the drill. “We are ready,” she said.\n\n“Nobody should doubt our resolve. We have trained for years.”';
  assert.deepEqual(analyse(body, [KASK]).quotes.map((q) => q.speaker), ['person:marta-kask', 'person:marta-kask']);
  // another sentence after the attribution: the quote is left without a speaker
  const other = 'Marta Kask spoke after the drill. “We are ready,” she said. The guests then left.\n\n“Nobody should doubt our resolve. We have trained for years.”';
  assert.deepEqual(analyse(other, [KASK]).quotes.map((q) => q.speaker), ['person:marta-kask', undefined]);
});

test('an interruption between dashes joins the parts without a comma', () => {
  const q = only(analyse('“Estonia is ready” — Marta Kask said — “to defend every metre of its land.”', [KASK]));
  assert.equal(q.text, 'Estonia is ready to defend every metre of its land.');
  assert.equal(q.speaker, 'person:marta-kask');
});

test('“…” — this is how X described it; “…,” as X put it', () => {
  assert.equal(only(analyse('“Our patience is not endless” — this is how Marta Kask described the mood in Tallinn.', [KASK])).speaker, 'person:marta-kask');
  assert.equal(only(analyse('“Estonia is nobody’s buffer,” as Marta Kask put it.', [KASK])).speaker, 'person:marta-kask');
});

test('“X’s predecessor, Y, warned”: the name in apposition speaks, not the owner of the description', () => {
  const a = analyse('Ivan Horak’s predecessor, Marta Kask, once warned that the region was moving “from peace to a pre-war era”.', [KASK, { text: 'Ivan Horak', actor: 'person:ivan-horak', kind: 'person' }]);
  assert.ok(a.quotes.length > 0);
  for (const q of a.quotes) assert.equal(q.speaker, 'person:marta-kask');
});
