// The whole pipeline on two invented articles: what a careful reader finds as quotes and scare quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../../src/pipeline/index.ts';
import type { Analysis } from '../../src/model/types.ts';

const pipeline = createPipeline();
const run = (body: string): Analysis => pipeline.analyze({ id: 'a', source: 'test', body, meta: {}, dropped: [] });

const NEWS = `Poland and Lithuania will fly joint air patrols along their shared border from next month, the two defence ministries said in a joint statement on Thursday.

“This is a practical answer to a practical threat,” Polish Defence Minister Władysław Kosiniak-Kamysz told reporters in Warsaw. “We are not waiting for anyone’s permission to protect our airspace.”

His Lithuanian counterpart was more cautious. Dovilė Šakalienė said the patrols were “not directed against anyone” but added that Vilnius had noted “a worrying increase” in drone incursions from Belarus.

Moscow reacted within hours. Kremlin spokesman Dmitry Peskov called the move “another step towards the militarisation of the region” and said Russia would “take the necessary measures”.

According to a NATO official, the alliance was informed in advance and “fully supports” the initiative.

Not everyone is convinced. “Two countries flying a few more sorties does not change the balance in the region,” said Justyna Gotkowska, a security analyst in Warsaw. “But it sends a signal, and signals matter in this part of Europe.”`;

const ANALYSIS = `It has become fashionable in Western capitals to describe the Baltic states as a "fortress", a word that says more about the mood in Brussels than about the actual balance of forces. Their "deterrence by denial" strategy depends on allies who may or may not arrive in time.

Consider the so-called "Suwałki gap", a strip of land that planners have turned into something of a fetish. The Kremlin, of course, sees "encirclement" everywhere. "We have heard such promises before," one Latvian veteran told me in Daugavpils.

Perhaps the "fortress" will never be tested. That would be the best outcome for everyone, including, ironically, the "besieging" power itself.`;

test('news report: every quote found, each with its speaker, and no scare quotes', () => {
  const a = run(NEWS);
  const direct = a.quotes.filter((q) => q.kind === 'direct');
  const who = (text: string) => direct.find((q) => q.text.includes(text))?.speakerText;
  assert.match(who('a practical answer') ?? '', /Kosiniak-Kamysz/);
  assert.match(who('anyone’s permission') ?? '', /Kosiniak-Kamysz/);
  assert.match(who('not directed against anyone') ?? '', /Šakalienė/);
  assert.match(who('a worrying increase') ?? '', /Šakalienė/);
  assert.match(who('militarisation of the region') ?? '', /Peskov/);
  assert.match(who('take the necessary measures') ?? '', /Peskov/);
  assert.match(who('fully supports') ?? '', /NATO official/);
  assert.match(who('does not change the balance') ?? '', /Gotkowska/);
  assert.match(who('signals matter') ?? '', /Gotkowska/);
  assert.deepEqual(a.frames.filter((f) => f.kind === 'scare-quote'), []);
});

test('analysis piece: scare quotes are frames, the one real quote is a quote', () => {
  const a = run(ANALYSIS);
  const scare = [...new Set(a.frames.filter((f) => f.kind === 'scare-quote').map((f) => f.text))];
  assert.deepEqual(scare, ['fortress', 'deterrence by denial', 'Suwałki gap', 'encirclement', 'besieging']);
  assert.deepEqual(a.quotes.map((q) => [q.text, q.speakerText]), [['We have heard such promises before', 'one Latvian veteran']]);
  const claims = a.claims.map((c) => c.text);
  assert.ok(claims.some((c) => c.startsWith('Perhaps the')), JSON.stringify(claims));
});
