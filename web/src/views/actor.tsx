// An actor's page: who they are (kind, code, roles, memberships), what they did (events as
// source or target), what they said (quotes), who they deal with (relations), and where they
// are mentioned.
import { href, type Route } from '../router.ts';
import { seg } from '../api.ts';
import { useApi } from '../use-api.ts';
import { ActorLink, EventItem, Section, Status, goldsteinColour } from '../ui.tsx';
import type { Actor, EventRow, Page, QuoteRow } from '../types.ts';

interface Relation { actor: string; name: string; events: number; asserted: number; asSource: number; asTarget: number; cooperative: number; conflictual: number; meanGoldstein: number | null }
interface ActorReply {
  actor: Actor; merged: string[]; documents: number;
  mentions: { doc: string; start: number; end: number; text: string; role?: string; via: string; sentence?: string }[];
  mentionsCounted?: number;
  roles: { known: { title?: string; org?: string; from?: string; to?: string }[]; observed: { role: string; count: number }[] };
  relations: Relation[]; eventsTruncated: boolean;
}

export function ActorPage({ route }: { route: Route }) {
  const id = route.parts[0];
  const state = useApi<ActorReply>(id ? `/actors/${seg(id)}` : null, { mentions: 30 });
  const canonical = state.data?.actor.id;
  const events = useApi<Page<EventRow>>(canonical ? '/events' : null, { actor: canonical, limit: 30 });
  const quotes = useApi<Page<QuoteRow>>(canonical ? '/quotes' : null, { speaker: canonical, limit: 30 });
  if (!id) return <p>Open an actor from the <a href={href('network')}>network</a> or a <a href={href('search')}>search</a>.</p>;
  if (!state.data) return <Status state={state} what="the actor" />;
  const { actor, roles, relations, mentions } = state.data;
  const names = Object.fromEntries(relations.map((r) => [r.actor, r.name]));
  names[actor.id] = actor.name;
  return (
    <div class="actor">
      <h1>{actor.name}</h1>
      <p class="muted"><span class="tag">{actor.kind}</span> code <code>{actor.code}</code>{actor.country ? ` · country ${actor.country}` : ''}{actor.isNew ? ' · not in the knowledge base' : ''} · in {state.data.documents} document{state.data.documents === 1 ? '' : 's'}{actor.aliases?.length ? ` · also ${actor.aliases.join(', ')}` : ''}</p>
      <div class="columns">
        <div>
          <Section title="Roles and memberships" id="a-roles">
            {roles.known.length === 0 && roles.observed.length === 0 && !actor.memberships?.length && <p class="muted">None known.</p>}
            <ul>
              {roles.known.map((r, i) => <li key={`k${i}`}>{r.title}{r.org ? <> of <ActorLink id={r.org} name={r.org} /></> : null}{r.from || r.to ? <span class="muted"> ({r.from ?? '…'} – {r.to ?? 'now'})</span> : null}</li>)}
              {roles.observed.map((r) => <li key={r.role}>{r.role} <span class="muted">(as named in {r.count} mention{r.count === 1 ? '' : 's'})</span></li>)}
              {actor.memberships?.map((m) => <li key={m.org}>member of <ActorLink id={m.org} name={m.org.replace(/^igo:/, '')} />{m.from || m.to ? <span class="muted"> ({m.from ?? '…'} – {m.to ?? 'now'})</span> : null}</li>)}
            </ul>
          </Section>
          <Section title="Who they deal with" id="a-relations">
            {relations.length === 0 ? <p class="muted">No events with another actor.</p> : (
              <table>
                <thead><tr><th scope="col">Actor</th><th scope="col">Events</th><th scope="col">Reported</th><th scope="col">Coop. / conflict</th><th scope="col">Mean Goldstein</th></tr></thead>
                <tbody>
                  {relations.map((r) => (
                    <tr key={r.actor}>
                      <td><a href={href('actor', [r.actor])}>{r.name}</a> · <a href={href('dyad', [actor.id, r.actor])} aria-label={`dyad view of ${actor.name} and ${r.name}`}>dyad</a></td>
                      <td>{r.events}</td><td>{r.asserted}</td><td>{r.cooperative} / {r.conflictual}</td>
                      <td><span class="swatch" style={{ background: goldsteinColour(r.meanGoldstein) }} /> {r.meanGoldstein ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
          <Section title="What they said" id="a-quotes">
            <Status state={quotes} what="quotes" />
            {quotes.data && quotes.data.items.length === 0 && <p class="muted">No quotes.</p>}
            <ul class="events">
              {quotes.data?.items.map((q, i) => (
                <li key={i} class="event">
                  <blockquote class="sentence">{q.quote.kind === 'direct' ? `“${q.quote.text}”` : q.quote.text}</blockquote>
                  <a class="source" href={href('reader', [q.doc], { sel: `quote-at:${q.quote.start}` })}>{q.outlet ?? 'source'}{q.published ? `, ${q.published}` : ''}</a>
                </li>
              ))}
            </ul>
          </Section>
        </div>
        <div>
          <Section title="What they did and what was done to them" id="a-events">
            <Status state={events} what="events" />
            {events.data && events.data.items.length === 0 && <p class="muted">No events.</p>}
            <ul class="events">{events.data?.items.map((row) => <EventItem key={row.event.id} row={row} names={names} />)}</ul>
          </Section>
          <Section title="Mentions" id="a-mentions">
            <ul class="plain">
              {mentions.map((m, i) => (
                <li key={i}><a href={href('reader', [m.doc], { sel: `mention-at:${m.start}` })}>“{m.text}”</a> <span class="muted">{m.sentence}</span></li>
              ))}
            </ul>
          </Section>
        </div>
      </div>
    </div>
  );
}
