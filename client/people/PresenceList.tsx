import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { Role } from '../../shared/policy/policy'

interface Person {
  clientId: number
  name: string
  color: string
  group: string
  isMe: boolean
}

/** Facilitators first, then each delegation by State, then observers by organisation. */
function groupOf(user: { role?: Role; state?: string | null; organisation?: string | null }): string {
  if (user.role === 'delegation') return user.state ?? 'Delegations'
  if (user.role === 'observer') return user.organisation ? `Observer: ${user.organisation}` : 'Observers'
  return 'Facilitators'
}

const groupRank = (group: string) => (group === 'Facilitators' ? 0 : group.startsWith('Observer') ? 2 : 1)

function peopleIn(awareness: Awareness): Map<string, Person[]> {
  const people: Person[] = []
  awareness.getStates().forEach((state, clientId) => {
    // The server stamps `user` from the session, so these fields are trustworthy.
    const user = state.user as { name?: unknown; color?: unknown; role?: Role; state?: string | null; organisation?: string | null } | undefined
    if (typeof user?.name !== 'string') return
    people.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#555',
      group: groupOf(user),
      isMe: clientId === awareness.clientID,
    })
  })
  people.sort((a, b) => groupRank(a.group) - groupRank(b.group) || a.group.localeCompare(b.group) || a.name.localeCompare(b.name))
  const groups = new Map<string, Person[]>()
  for (const person of people) groups.set(person.group, [...(groups.get(person.group) ?? []), person])
  return groups
}

const signature = (groups: Map<string, Person[]>) => JSON.stringify([...groups.values()])

/** Who is in the room right now, grouped by delegation, from everyone's awareness state. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const [groups, setGroups] = useState(() => peopleIn(awareness))
  useEffect(() => {
    // Awareness changes with every caret that moves in the room; the list only when someone comes, goes or is renamed.
    const update = () =>
      setGroups((shown) => {
        const now = peopleIn(awareness)
        return signature(now) === signature(shown) ? shown : now
      })
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])

  return (
    <section className="presence" aria-label="People in the room">
      {[...groups].map(([group, people]) => (
        <div key={group} className="presence-group">
          <span className="presence-group-name">{group}</span>
          <ul>
            {people.map((person) => (
              <li key={person.clientId} className="person" style={{ borderColor: person.color }}>
                <span className="dot" style={{ background: person.color }} aria-hidden="true" />
                {person.name}
                {person.isMe && <span className="muted"> (you)</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
