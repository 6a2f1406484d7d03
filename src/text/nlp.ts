// One shared wink-nlp instance: loading the model costs ~100 ms, so it is made once per process.
// Only sentence breaking and part-of-speech tagging run: sitrep reads tokens, lemmas, tags and
// sentence spans, which the rest of wink's default pipe (negation, sentiment, entities, custom
// entities) leaves as they are, at twice the cost.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export const nlp = winkNLP(model, ['sbd', 'pos']);
export const its = nlp.its;
